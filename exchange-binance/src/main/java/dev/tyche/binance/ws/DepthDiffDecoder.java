package dev.tyche.binance.ws;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.instrument.Instrument;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A small hand-written parser for Binance USDⓈ-M {@code depthUpdate} messages (reference section 6)
 * that writes straight into a reusable {@link BookDeltaBuffer}, so that the hot depth path
 * allocates nothing per message or per level once its scratch arrays have grown.
 *
 * <p>Accepts the raw event ({@code {"e":"depthUpdate",...}}) or the combined-stream envelope
 * ({@code {"stream":"...","data":{...}}}); keys may come in any order and unknown keys are skipped.
 * Prices and quantities are converted to {@code long} units at the instrument's scales exactly:
 * text with more non-zero decimals than the scale is rejected, never rounded.
 *
 * <p><b>No partial state.</b> Levels are parsed into private scratch arrays; the output buffer is
 * reset and filled only after the whole message parsed and validated, so a malformed message leaves
 * the buffer (and any book fed from it) exactly as it was. Failures are {@link BinanceException}s
 * of kind {@link ErrorKind#MALFORMED_RESPONSE} whose message names the field, e.g. {@code
 * depthUpdate: field 'b[3].price' must be ...}.
 *
 * <p>Mutable (scratch arrays); confined to one thread.
 */
public final class DepthDiffDecoder {

  private static final int MAX_NESTING = 32;
  private static final int MAX_DIGITS = 18;
  private static final long[] POW10 = {
    1L,
    10L,
    100L,
    1_000L,
    10_000L,
    100_000L,
    1_000_000L,
    10_000_000L,
    100_000_000L,
    1_000_000_000L,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L,
    10_000_000_000_000L,
    100_000_000_000_000L,
    1_000_000_000_000_000L,
    10_000_000_000_000_000L,
    100_000_000_000_000_000L,
    1_000_000_000_000_000_000L
  };

  private final int priceScale;
  private final int quantityScale;
  private final String symbol;
  // The message is copied into this reused array first: scanning a char[] is about twice as fast
  // as CharSequence.charAt (no interface call, no String coder check per character).
  private char[] s = new char[4096];
  private int pos;
  private int end;
  private int skipFrom = -1; // key bounds of the unknown field being skipped, -1 if none
  private int skipTo;

  private long[] bidP = new long[64];
  private long[] bidQ = new long[64];
  private long[] askP = new long[64];
  private long[] askQ = new long[64];
  private int bids;
  private int asks;
  private long firstId;
  private long finalId;
  private long prevId;
  private long eventTime;
  private int seen; // bit mask of required fields seen

  private static final int SEEN_E = 1;
  private static final int SEEN_EVENT_TIME = 2;
  private static final int SEEN_FIRST = 4;
  private static final int SEEN_FINAL = 8;
  private static final int SEEN_PREV = 16;
  private static final int SEEN_BIDS = 32;
  private static final int SEEN_ASKS = 64;
  private static final int SEEN_ALL = 127;

  /**
   * A decoder for one instrument.
   *
   * @param instrument the instrument; its symbol must match {@code s} and its scales fix the units
   */
  public DepthDiffDecoder(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument must not be null");
    this.priceScale = instrument.priceScale();
    this.quantityScale = instrument.quantityScale();
    this.symbol = instrument.symbol().value();
  }

  /**
   * Parses one message into {@code out}.
   *
   * @param text the message: a {@code depthUpdate} object or a combined-stream envelope holding one
   * @param out the buffer to fill; its symbol must be the instrument's
   * @return {@code out}
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE} naming the field; {@code out} is
   *     then unchanged
   */
  public BookDeltaBuffer decode(CharSequence text, BookDeltaBuffer out) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(out, "out must not be null");
    load(text);
    this.pos = 0;
    this.skipFrom = -1;
    this.bids = 0;
    this.asks = 0;
    this.seen = 0;
    try {
      skipWs();
      parseTop();
      skipWs();
      if (pos != end) {
        throw fail("message", "must end after the top-level object but has trailing text");
      }
      if (seen != SEEN_ALL) {
        throw fail(missingField(), "is missing");
      }
      try {
        out.reset(firstId, finalId, prevId, eventTime);
      } catch (IllegalArgumentException e) {
        throw fail("U/u/pu", "are inconsistent: " + e.getMessage());
      }
      for (int i = 0; i < bids; i++) {
        out.addBid(bidP[i], bidQ[i]);
      }
      for (int i = 0; i < asks; i++) {
        out.addAsk(askP[i], askQ[i]);
      }
      return out;
    } finally {
      this.end = 0;
    }
  }

  /** Copies the text into the scratch array, with the bulk copy where the type offers one. */
  private void load(CharSequence text) {
    int n = text.length();
    if (s.length < n) {
      s = new char[Math.max(n, s.length * 2)];
    }
    if (text instanceof String) {
      ((String) text).getChars(0, n, s, 0);
    } else if (text instanceof StringBuilder) {
      ((StringBuilder) text).getChars(0, n, s, 0);
    } else if (text instanceof CharBuffer) {
      CharBuffer b = (CharBuffer) text;
      b.get(b.position(), s, 0, n); // absolute bulk get: the buffer's position is left alone
    } else {
      for (int i = 0; i < n; i++) {
        s[i] = text.charAt(i);
      }
    }
    end = n;
  }

  private String missingField() {
    if ((seen & SEEN_E) == 0) {
      return "e";
    }
    if ((seen & SEEN_EVENT_TIME) == 0) {
      return "E";
    }
    if ((seen & SEEN_FIRST) == 0) {
      return "U";
    }
    if ((seen & SEEN_FINAL) == 0) {
      return "u";
    }
    if ((seen & SEEN_PREV) == 0) {
      return "pu";
    }
    return (seen & SEEN_BIDS) == 0 ? "b" : "a";
  }

  private void parseTop() {
    expect('{', "message");
    skipWs();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWs();
      int ks = pos + 1;
      int ke = readStringBounds("key");
      skipWs();
      expect(':', "key");
      skipWs();
      if (keyIs(ks, ke, "data")) {
        if (seen != 0) {
          throw fail("data", "must not be mixed with event fields");
        }
        parseEvent();
      } else if (keyIs(ks, ke, "stream")) {
        readStringBounds("stream");
      } else {
        eventField(ks, ke);
      }
      skipWs();
      char c = next("message");
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw fail("message", "expected ',' or '}' at offset " + (pos - 1));
      }
    }
  }

  private void parseEvent() {
    expect('{', "data");
    skipWs();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWs();
      int ks = pos + 1;
      int ke = readStringBounds("key");
      skipWs();
      expect(':', "key");
      skipWs();
      eventField(ks, ke);
      skipWs();
      char c = next("data");
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw fail("data", "expected ',' or '}' at offset " + (pos - 1));
      }
    }
  }

  private void eventField(int ks, int ke) {
    if (keyIs(ks, ke, "e")) {
      int vs = pos + 1;
      int ve = readStringBounds("e");
      if (!keyIs(vs, ve, "depthUpdate")) {
        throw fail("e", "must be 'depthUpdate' but was '" + abbreviate(vs, ve) + "'");
      }
      seen |= SEEN_E;
    } else if (keyIs(ks, ke, "E")) {
      eventTime = readLong("E");
      if (eventTime < 0) {
        throw fail("E", "must be >= 0 but was " + eventTime);
      }
      seen |= SEEN_EVENT_TIME;
    } else if (keyIs(ks, ke, "U")) {
      firstId = readLong("U");
      seen |= SEEN_FIRST;
    } else if (keyIs(ks, ke, "u")) {
      finalId = readLong("u");
      seen |= SEEN_FINAL;
    } else if (keyIs(ks, ke, "pu")) {
      prevId = readLong("pu");
      seen |= SEEN_PREV;
    } else if (keyIs(ks, ke, "s")) {
      int vs = pos + 1;
      int ve = readStringBounds("s");
      if (!keyIs(vs, ve, symbol)) {
        throw fail("s", "must be '" + symbol + "' but was '" + abbreviate(vs, ve) + "'");
      }
    } else if (keyIs(ks, ke, "b")) {
      bids = readLevels("b", true);
      seen |= SEEN_BIDS;
    } else if (keyIs(ks, ke, "a")) {
      asks = readLevels("a", false);
      seen |= SEEN_ASKS;
    } else {
      skipFrom = ks;
      skipTo = ke;
      skipValue(0);
      skipFrom = -1;
    }
  }

  private int readLevels(String field, boolean bid) {
    expect('[', field);
    skipWs();
    int n = 0;
    if (peek() == ']') {
      pos++;
      return 0;
    }
    while (true) {
      skipWs();
      expect('[', field);
      skipWs();
      long p = readDecimal(field, n, "price", priceScale);
      if (p <= 0) {
        throw fail(field + "[" + n + "].price", "must be > 0 but was 0");
      }
      skipWs();
      expect(',', field);
      skipWs();
      long q = readDecimal(field, n, "quantity", quantityScale);
      skipWs();
      expect(']', field);
      ensure(bid, n);
      if (bid) {
        bidP[n] = p;
        bidQ[n] = q;
      } else {
        askP[n] = p;
        askQ[n] = q;
      }
      n++;
      skipWs();
      char c = next(field);
      if (c == ']') {
        return n;
      }
      if (c != ',') {
        throw fail(field, "expected ',' or ']' after level " + (n - 1));
      }
    }
  }

  private void ensure(boolean bid, int n) {
    if (bid && n == bidP.length) {
      bidP = Arrays.copyOf(bidP, n * 2);
      bidQ = Arrays.copyOf(bidQ, n * 2);
    } else if (!bid && n == askP.length) {
      askP = Arrays.copyOf(askP, n * 2);
      askQ = Arrays.copyOf(askQ, n * 2);
    }
  }

  /**
   * Reads {@code "123.4500"} as units at {@code scale}; exact, non-negative.
   *
   * <p>The fast path takes the shape Binance always sends (digits, optionally a dot and at most
   * {@code scale} digits, at most 18 digits in all) in two tight loops with one unsigned comparison
   * per character. Anything else, valid or not, goes to {@link #readDecimalSlow}, which accepts
   * exactly the same valid texts (plus trailing zeros beyond the scale) and names the field when it
   * rejects one. Both give the same units for every text the fast path accepts.
   */
  private long readDecimal(String field, int index, String part, int scale) {
    final char[] b = s;
    final int e = end;
    int p = pos;
    if (p < e && b[p] == '"' && scale < POW10.length) {
      p++;
      final int intStart = p;
      long v = 0;
      int d;
      while (p < e && (d = b[p] - '0') >= 0 && d <= 9) {
        v = v * 10 + d;
        p++;
        if (p - intStart > MAX_DIGITS) {
          return readDecimalSlow(field, index, part, scale);
        }
      }
      int digits = p - intStart;
      int frac = 0;
      boolean ok = digits > 0;
      if (ok && p < e && b[p] == '.') {
        p++;
        final int fracStart = p;
        while (p < e && (d = b[p] - '0') >= 0 && d <= 9 && p - fracStart < scale) {
          v = v * 10 + d;
          p++;
        }
        frac = p - fracStart;
        ok = frac > 0 && digits + frac <= MAX_DIGITS;
      }
      if (ok && p < e && b[p] == '"') {
        long m = POW10[scale - frac];
        if (v <= Long.MAX_VALUE / m) {
          pos = p + 1;
          return v * m;
        }
      }
    }
    return readDecimalSlow(field, index, part, scale);
  }

  /** The general, field-naming version of {@link #readDecimal}. */
  private long readDecimalSlow(String field, int index, String part, int scale) {
    if (pos >= end || s[pos] != '"') {
      throw fail(field + "[" + index + "]." + part, "must be decimal text in quotes");
    }
    pos++;
    int start = pos;
    long units = 0;
    int intDigits = 0;
    int fracDigits = 0;
    int significant = 0;
    boolean dot = false;
    while (true) {
      if (pos >= end) {
        throw fail(field + "[" + index + "]." + part, "is an unterminated string");
      }
      char c = s[pos++];
      if (c == '"') {
        break;
      }
      if (c == '.') {
        if (dot || intDigits == 0) {
          throw badDecimal(field, index, part, start);
        }
        dot = true;
        continue;
      }
      if (c < '0' || c > '9') {
        throw badDecimal(field, index, part, start);
      }
      int d = c - '0';
      if (!dot) {
        intDigits++;
      } else {
        fracDigits++;
        if (fracDigits > scale) {
          if (d != 0) {
            throw fail(
                field + "[" + index + "]." + part,
                "has more than " + scale + " decimals: '" + abbreviate(start, pos - 1) + "...'");
          }
          continue;
        }
      }
      if (units == 0 && d == 0) {
        continue; // leading zeros carry no magnitude
      }
      if (++significant > MAX_DIGITS) {
        throw fail(field + "[" + index + "]." + part, "is out of range");
      }
      units = units * 10 + d;
    }
    if (intDigits == 0 || (dot && fracDigits == 0)) {
      throw badDecimal(field, index, part, start); // "" or "1."
    }
    for (int i = Math.min(fracDigits, scale); i < scale; i++) {
      if (units > Long.MAX_VALUE / 10) {
        throw fail(field + "[" + index + "]." + part, "is out of range");
      }
      units *= 10;
    }
    return units;
  }

  private BinanceException badDecimal(String field, int index, String part, int start) {
    int stop = start;
    while (stop < end && s[stop] != '"') {
      stop++;
    }
    return fail(
        field + "[" + index + "]." + part,
        "must be plain decimal text but was '" + abbreviate(start, stop) + "'");
  }

  private long readLong(String field) {
    boolean neg = false;
    if (pos < end && s[pos] == '-') {
      neg = true;
      pos++;
    }
    int start = pos;
    long v = 0;
    while (pos < end) {
      char c = s[pos];
      if (c < '0' || c > '9') {
        break;
      }
      if (pos - start >= MAX_DIGITS) {
        throw fail(field, "is out of range (more than " + MAX_DIGITS + " digits)");
      }
      v = v * 10 + (c - '0');
      pos++;
    }
    if (pos == start) {
      throw fail(field, "must be a whole number");
    }
    if (pos < end) {
      char c = s[pos];
      if (c == '.' || c == 'e' || c == 'E') {
        throw fail(field, "must be a whole number but has a fraction or exponent");
      }
    }
    return neg ? -v : v;
  }

  /** Reads a string and returns the index of its closing quote; pos moves past it. */
  private int readStringBounds(String field) {
    if (pos >= end || s[pos] != '"') {
      throw fail(field, "must be a string");
    }
    pos++;
    while (pos < end) {
      char c = s[pos];
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '"') {
        return pos++;
      }
      pos++;
    }
    throw fail(field, "is an unterminated string");
  }

  /** The name of the unknown key whose value is being skipped, built only for an error message. */
  private String skipped() {
    return skipFrom < 0 ? "message" : new String(s, skipFrom, Math.max(0, skipTo - skipFrom));
  }

  private void skipValue(int depth) {
    if (depth > MAX_NESTING) {
      throw fail(skipped(), "nests deeper than " + MAX_NESTING);
    }
    skipWs();
    char c = peek();
    if (c == '"') {
      readStringBounds("value");
    } else if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      pos++;
      skipWs();
      if (peek() == close) {
        pos++;
        return;
      }
      while (true) {
        skipWs();
        if (c == '{') {
          readStringBounds("key");
          skipWs();
          expect(':', "key");
        }
        skipValue(depth + 1);
        skipWs();
        char d = next("value");
        if (d == close) {
          return;
        }
        if (d != ',') {
          throw fail(skipped(), "expected ',' or '" + close + "' at offset " + (pos - 1));
        }
      }
    } else {
      int start = pos;
      while (pos < end) {
        char d = s[pos];
        if (d == ',' || d == '}' || d == ']' || d <= ' ') {
          break;
        }
        pos++;
      }
      if (pos == start) {
        throw fail(skipped(), "expected a value at offset " + start);
      }
    }
  }

  private boolean keyIs(int from, int to, String key) {
    int n = to - from;
    if (n != key.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (s[from + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void skipWs() {
    while (pos < end) {
      char c = s[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    if (pos >= end) {
      throw fail("message", "ends early at offset " + pos);
    }
    return s[pos];
  }

  private char next(String field) {
    if (pos >= end) {
      throw fail(field, "ends early at offset " + pos);
    }
    return s[pos++];
  }

  private void expect(char c, String field) {
    if (pos >= end || s[pos] != c) {
      throw fail(field, "expected '" + c + "' at offset " + pos);
    }
    pos++;
  }

  private String abbreviate(int from, int to) {
    int stop = Math.min(to, Math.min(end, from + 40));
    int start = Math.max(0, from);
    return new String(s, start, Math.max(0, stop - start)) + (to - from > 40 ? "..." : "");
  }

  private static BinanceException fail(String field, String what) {
    return new BinanceException(
        ErrorKind.MALFORMED_RESPONSE,
        BinanceException.NO_CODE,
        "depthUpdate: field '" + field + "' " + what);
  }
}

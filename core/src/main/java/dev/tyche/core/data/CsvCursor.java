package dev.tyche.core.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A streaming reader of comma-separated ASCII lines that parses fields straight from its byte
 * buffer: no {@code String} per line or field, no {@code split}, no {@code BigDecimal} on the hot
 * path. Blank lines are skipped (but counted, so line numbers stay those of the file); a trailing
 * {@code \r} is dropped; a UTF-8 byte-order mark is ignored. Fields are not quoted or trimmed:
 * market-data CSVs never quote numbers.
 *
 * <p>Decimal fields are scanned once into a mantissa and a power of ten; {@link #decimalToDouble}
 * and {@link #decimalToUnits} convert that. Conversion to double uses the exact fast path of
 * Clinger (1990), "How to read floating point numbers accurately", PLDI '90, section 3: when the
 * mantissa is below 2^53 and the power of ten is at most 22 in magnitude, one IEEE multiplication
 * or division is correctly rounded. Everything else falls back to {@link Double#parseDouble}.
 *
 * <p>Mutable; confined to one thread.
 */
final class CsvCursor implements Closeable {
  static final int MAX_FIELDS = 32;
  private static final long FAST_PATH_LIMIT = 1L << 53;
  private static final int MAX_SIGNIFICANT = 18;
  private static final double[] POW10_DOUBLE = new double[23];
  private static final long[] POW10 = new long[19];

  static {
    POW10_DOUBLE[0] = 1.0;
    for (int i = 1; i < POW10_DOUBLE.length; i++) {
      POW10_DOUBLE[i] = POW10_DOUBLE[i - 1] * 10.0;
    }
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final InputStream in;
  private final String source;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long lineNumber;
  private final int[] starts = new int[MAX_FIELDS];
  private final int[] ends = new int[MAX_FIELDS];
  private int fieldCount;
  private boolean tooManyFields;

  // The last decimal scanned by scanDecimal: value = (negative ? -1 : 1) * mantissa * 10^exponent.
  private long mantissa;
  private int exponent;
  private boolean negative;
  private boolean inexact; // significant digits beyond 18 were dropped
  private double special; // NaN or an infinity when the text spelled one, else 0

  CsvCursor(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * Opens a file, decompressing it when its first two bytes are the gzip magic number (0x1f 0x8b),
   * whatever its name.
   */
  static CsvCursor open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return new CsvCursor(decompressIfGzip(raw), String.valueOf(file.getFileName()));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Wraps a stream, decompressing it if it starts with the gzip magic number. */
  static InputStream decompressIfGzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  String source() {
    return source;
  }

  long lineNumber() {
    return lineNumber;
  }

  int fieldCount() {
    return fieldCount;
  }

  boolean tooManyFields() {
    return tooManyFields;
  }

  /** Advances to the next non-blank line and splits it; false at the end of the input. */
  boolean nextLine() throws IOException {
    while (true) {
      int nl = indexOfNewline(pos);
      while (nl < 0 && !eof) {
        fill();
        nl = indexOfNewline(pos);
      }
      if (nl < 0 && pos >= limit) {
        return false;
      }
      int lineStart = pos;
      int lineEnd = nl < 0 ? limit : nl;
      pos = nl < 0 ? limit : nl + 1;
      lineNumber++;
      if (lineNumber == 1
          && lineEnd - lineStart >= 3
          && buf[lineStart] == (byte) 0xEF
          && buf[lineStart + 1] == (byte) 0xBB
          && buf[lineStart + 2] == (byte) 0xBF) {
        lineStart += 3;
      }
      if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (lineEnd == lineStart) {
        continue;
      }
      split(lineStart, lineEnd);
      return true;
    }
  }

  private int indexOfNewline(int from) {
    byte[] b = buf;
    for (int i = from; i < limit; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      byte[] bigger = new byte[buf.length * 2];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private void split(int from, int to) {
    int count = 0;
    int start = from;
    tooManyFields = false;
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == ',') {
        if (count < MAX_FIELDS) {
          starts[count] = start;
          ends[count] = i;
        } else {
          tooManyFields = true;
        }
        count++;
        start = i + 1;
      }
    }
    if (count < MAX_FIELDS) {
      starts[count] = start;
      ends[count] = to;
    } else {
      tooManyFields = true;
    }
    fieldCount = count + 1;
  }

  /** The field's text; allocates, so only for headers and error messages. */
  String text(int field) {
    return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.ISO_8859_1);
  }

  /** The whole line's text, for error messages. */
  String lineText() {
    int count = Math.min(fieldCount, MAX_FIELDS);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(text(i));
    }
    return sb.toString();
  }

  /** Whether the field is a non-empty run of ASCII digits (a header's fields are not). */
  boolean isDigits(int field) {
    int s = starts[field];
    int e = ends[field];
    if (s == e) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (buf[i] < '0' || buf[i] > '9') {
        return false;
      }
    }
    return true;
  }

  MalformedDataException error(int field, String name, String reason) {
    return new MalformedDataException(source, lineNumber, name, text(field), reason);
  }

  MalformedDataException lineError(String reason) {
    return new MalformedDataException(source, lineNumber, null, null, reason);
  }

  /** Parses a non-negative integer field (a timestamp). */
  long parseLong(int field, String name) {
    int s = starts[field];
    int e = ends[field];
    if (s == e) {
      throw error(field, name, "is empty; expected an integer");
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw error(field, name, "is not a non-negative integer");
      }
      if (v > (Long.MAX_VALUE - d) / 10) {
        throw error(field, name, "overflows a long");
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Scans a decimal field ({@code -12.5}, {@code 1e-05}, {@code NaN}, {@code inf}) into the scratch
   * mantissa and exponent. Throws for anything else.
   */
  void scanDecimal(int field, String name) {
    int s = starts[field];
    int e = ends[field];
    byte[] b = buf;
    int i = s;
    negative = false;
    special = 0;
    inexact = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int exp = 0;
    int digits = 0;
    boolean anyDigit = false;
    boolean afterPoint = false;
    for (; i < e; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        int d = c - '0';
        if (m == 0 && d == 0) {
          if (afterPoint) {
            exp--;
          }
        } else if (digits < MAX_SIGNIFICANT) {
          m = m * 10 + d;
          digits++;
          if (afterPoint) {
            exp--;
          }
        } else {
          // Beyond 18 significant digits: keep the magnitude, remember that digits were lost.
          if (!afterPoint) {
            exp++;
          }
          if (d != 0) {
            inexact = true;
          }
        }
      } else if (c == '.' && !afterPoint) {
        afterPoint = true;
      } else if ((c == 'e' || c == 'E') && anyDigit) {
        exp += parseExponent(field, name, i + 1, e);
        i = e;
        break;
      } else {
        if (!anyDigit && scanSpecial(i, e)) {
          mantissa = 0;
          exponent = 0;
          return;
        }
        throw error(field, name, "is not a decimal number");
      }
    }
    if (!anyDigit) {
      throw error(field, name, s == e ? "is empty; expected a decimal number" : "is not a number");
    }
    mantissa = m;
    exponent = exp;
  }

  private int parseExponent(int field, String name, int from, int to) {
    int i = from;
    boolean neg = false;
    if (i < to && (buf[i] == '-' || buf[i] == '+')) {
      neg = buf[i] == '-';
      i++;
    }
    if (i >= to) {
      throw error(field, name, "has an empty exponent");
    }
    int v = 0;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw error(field, name, "is not a decimal number");
      }
      v = v * 10 + d;
      if (v > 400) {
        throw error(field, name, "has an exponent out of range");
      }
    }
    return neg ? -v : v;
  }

  // NaN and infinities as Java, Python and pandas write them; they parse so that a lenient read
  // can hand them to the validator, and strict reads reject them with a clear message.
  private boolean scanSpecial(int from, int to) {
    String word =
        new String(buf, from, to - from, StandardCharsets.ISO_8859_1)
            .toLowerCase(java.util.Locale.ROOT);
    if (word.equals("nan")) {
      special = Double.NaN;
      return true;
    }
    if (word.equals("inf") || word.equals("infinity")) {
      special = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return true;
    }
    return false;
  }

  /** Whether the last scanned decimal was NaN or an infinity. */
  boolean scannedNonFinite() {
    return special != 0;
  }

  /** The last scanned decimal as the nearest double. */
  double decimalToDouble(int field) {
    if (special != 0) {
      return special;
    }
    double v;
    if (!inexact && mantissa < FAST_PATH_LIMIT && exponent >= -22 && exponent <= 22) {
      v = exponent >= 0 ? mantissa * POW10_DOUBLE[exponent] : mantissa / POW10_DOUBLE[-exponent];
      return negative ? -v : v;
    }
    return Double.parseDouble(text(field));
  }

  /**
   * The last scanned decimal as a count of {@code 10^-scale} units. With {@code round} false, text
   * with more non-zero decimals than {@code scale} is an error; with {@code round} true it is
   * rounded half-even (for sources that wrote binary-float noise such as {@code
   * 6676329.2999999998}).
   */
  long decimalToUnits(int field, String name, int scale, boolean round) {
    if (special != 0) {
      throw error(field, name, "is not a finite number");
    }
    if (inexact) {
      return unitsSlow(field, name, scale, round);
    }
    int shift = scale + exponent;
    long units;
    if (shift >= 0) {
      if (mantissa == 0) {
        units = 0;
      } else if (shift > 18 || mantissa > Long.MAX_VALUE / POW10[shift]) {
        throw error(field, name, "overflows a long at scale " + scale);
      } else {
        units = mantissa * POW10[shift];
      }
    } else if (-shift > 18) {
      if (mantissa != 0 && !round) {
        throw error(field, name, "has more than " + scale + " decimal places");
      }
      units = 0;
    } else {
      long p = POW10[-shift];
      long q = mantissa / p;
      long r = mantissa % p;
      if (r != 0) {
        if (!round) {
          throw error(field, name, "has more than " + scale + " decimal places");
        }
        long twice = r * 2; // r < p <= 10^18, so 2r < 2^63
        if (twice > p || (twice == p && (q & 1) == 1)) {
          q++;
        }
      }
      units = q;
    }
    return negative ? -units : units;
  }

  // Cold path for text with more than 18 significant digits.
  private long unitsSlow(int field, String name, int scale, boolean round) {
    BigDecimal exact = new BigDecimal(text(field));
    try {
      BigDecimal scaled =
          exact.setScale(scale, round ? RoundingMode.HALF_EVEN : RoundingMode.UNNECESSARY);
      return scaled.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw error(
          field,
          name,
          round
              ? "overflows a long at scale " + scale
              : "has more than " + scale + " decimal places or overflows a long");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

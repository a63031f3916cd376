package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.core.book.BookDeltaBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link DepthDiffDecoder}'s decimal reading (a fast path for the usual shape, a general path for
 * the rest) against an independent reference: {@link BigDecimal} at the instrument's scale. The
 * decoder accepts a text exactly when it is plain decimal text that is a whole number of units at
 * the scale, fits a {@code long} and has at most 18 significant digits, and then yields exactly the
 * reference's units. Also: every kind of {@link CharSequence} decodes the same.
 */
class DepthDecimalProperties {

  private static final int PRICE_SCALE = WsHarness.BTC.priceScale();
  private static final int QTY_SCALE = WsHarness.BTC.quantityScale();

  private static String message(String price, String quantity) {
    return "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"pu\":0,"
        + "\"b\":[[\""
        + price
        + "\",\""
        + quantity
        + "\"]],\"a\":[]}";
  }

  /** Decimal-ish texts: leading and trailing zeros, long digit runs, a few malformed shapes. */
  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> plain =
        Combinators.combine(
                Arbitraries.strings().withChars('0').ofMaxLength(3),
                digits,
                Arbitraries.strings().withCharRange('0', '9').ofMaxLength(8),
                Arbitraries.integers().between(0, 3))
            .as(
                (zeros, i, f, shape) ->
                    switch (shape) {
                      case 0 -> zeros + i;
                      case 1 -> zeros + i + "." + f;
                      case 2 -> zeros + i + "." + f + "000";
                      default -> "." + f;
                    });
    Arbitrary<String> odd =
        Arbitraries.of("", ".", "1.", "-1", "+1", "1e3", "1.2.3", " 1", "0x1", "NaN", "1,5");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, plain), net.jqwik.api.Tuple.of(1, odd));
  }

  @Property(tries = 3000)
  void priceAndQuantityMatchBigDecimal(
      @ForAll("decimals") String price, @ForAll("decimals") String quantity) {
    Long p = reference(price, PRICE_SCALE);
    Long q = reference(quantity, QTY_SCALE);
    boolean valid = p != null && q != null && p > 0;
    BookDeltaBuffer out = new BookDeltaBuffer(WsHarness.BTCUSDT, 1);
    try {
      new DepthDiffDecoder(WsHarness.BTC).decode(message(price, quantity), out);
    } catch (BinanceException e) {
      assertThat(valid).as("rejected %s / %s: %s", price, quantity, e.getMessage()).isFalse();
      assertThat(e.getMessage()).contains("b[0].");
      return;
    }
    assertThat(valid).as("accepted %s / %s", price, quantity).isTrue();
    assertThat(out.bidPrice(0)).isEqualTo(p);
    assertThat(out.bidQuantity(0)).isEqualTo(q);
  }

  /** The units of {@code text} at {@code scale}, or null if the decoder must reject it. */
  private static Long reference(String text, int scale) {
    if (!text.matches("[0-9]+(\\.[0-9]+)?")) {
      return null;
    }
    BigDecimal units = new BigDecimal(text).movePointRight(scale);
    BigInteger whole;
    try {
      whole = units.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return null; // non-zero digits beyond the scale
    }
    if (whole.bitLength() > 63) {
      return null;
    }
    // At most 18 significant digits in the text, counting fraction digits up to the scale.
    String digits = text.replace(".", "");
    int dot = text.indexOf('.');
    int frac = dot < 0 ? 0 : text.length() - dot - 1;
    String kept = digits.substring(0, digits.length() - Math.max(0, frac - scale));
    String significant = kept.replaceFirst("^0+", "");
    if (significant.length() > 18) {
      return null;
    }
    return whole.longValueExact();
  }

  @Test
  void everyCharSequenceKindDecodesTheSame() {
    String m = DecoderFuzzProperties.DEPTH;
    CharBuffer sliced = CharBuffer.wrap("xx" + m + "yy");
    sliced.position(2).limit(2 + m.length());
    CharSequence custom =
        new CharSequence() {
          @Override
          public int length() {
            return m.length();
          }

          @Override
          public char charAt(int index) {
            return m.charAt(index);
          }

          @Override
          public CharSequence subSequence(int start, int end) {
            return m.subSequence(start, end);
          }

          @Override
          public String toString() {
            return m;
          }
        };
    DepthDiffDecoder decoder = new DepthDiffDecoder(WsHarness.BTC);
    BookDeltaBuffer expected = decoder.decode(m, new BookDeltaBuffer(WsHarness.BTCUSDT, 1));
    for (CharSequence text : new CharSequence[] {new StringBuilder(m), sliced, custom}) {
      BookDeltaBuffer b = decoder.decode(text, new BookDeltaBuffer(WsHarness.BTCUSDT, 1));
      assertThat(b.toBookDelta(PRICE_SCALE, QTY_SCALE))
          .isEqualTo(expected.toBookDelta(PRICE_SCALE, QTY_SCALE));
    }
    assertThat(sliced.position()).isEqualTo(2); // the absolute bulk get leaves it alone
  }

  @Test
  void aMessageLongerThanTheScratchArrayStillDecodes() {
    StringBuilder levels = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      levels.append(i == 0 ? "" : ",").append("[\"").append(1000 + i).append(".10\",\"1.000\"]");
    }
    String big =
        "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"pu\":0,\"b\":["
            + levels
            + "],\"a\":[]}";
    assertThat(big.length()).isGreaterThan(4096);
    BookDeltaBuffer b =
        new DepthDiffDecoder(WsHarness.BTC).decode(big, new BookDeltaBuffer(WsHarness.BTCUSDT, 1));
    assertThat(b.bidCount()).isEqualTo(400);
    assertThat(b.bidPrice(399)).isEqualTo(139_910L);
  }
}

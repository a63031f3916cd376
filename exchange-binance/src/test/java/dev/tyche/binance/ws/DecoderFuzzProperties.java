package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.market.BookSnapshot;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile payloads for every stream decoder: each either decodes or fails with a {@link
 * BinanceException} of kind MALFORMED_RESPONSE whose message names a field or the message; never
 * another exception, and a malformed diff leaves the book untouched.
 */
class DecoderFuzzProperties {

  static final String DEPTH =
      "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000200,\"T\":1700000000198,\"s\":\"BTCUSDT\",\"U\":157,\"u\":160,\"pu\":149,\"b\":[[\"64999.90\",\"0.500\"],[\"64999.80\",\"0\"]],\"a\":[[\"65000.20\",\"1.000\"]]}}";

  static final List<String> VALID =
      List.of(
          DEPTH,
          "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1700000000123,\"s\":\"BTCUSDT\",\"a\":5933014,\"p\":\"65000.10\",\"q\":\"0.120\",\"nq\":\"0.120\",\"f\":100,\"l\":105,\"T\":1700000000100,\"m\":true}}",
          "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\",\"q\":\"0.006\",\"X\":\"MARKET\",\"m\":false}}",
          "{\"e\":\"kline\",\"E\":1700000000500,\"s\":\"BTCUSDT\",\"k\":{\"t\":1699999980000,\"T\":1700000039999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"64990.0\",\"c\":\"65000.1\",\"h\":\"65010.0\",\"l\":\"64980.0\",\"v\":\"12.345\",\"n\":101,\"x\":true,\"q\":\"802345.6\",\"V\":\"6.1\",\"Q\":\"396500.2\",\"B\":\"0\"}}",
          "{\"e\":\"markPriceUpdate\",\"E\":1700000001000,\"s\":\"BTCUSDT\",\"p\":\"65001.23\",\"ap\":\"65000.90\",\"i\":\"64995.10\",\"P\":\"64996.00\",\"r\":\"0.00010000\",\"T\":1700006400000}",
          "{\"e\":\"bookTicker\",\"u\":400900217,\"E\":1700000000124,\"T\":1700000000122,\"s\":\"BTCUSDT\",\"b\":\"65000.00\",\"B\":\"3.210\",\"a\":\"65000.10\",\"A\":\"1.004\"}",
          "{\"result\":null,\"id\":1}",
          UserDataTest.ORDER_TRADE_UPDATE,
          UserDataTest.ACCOUNT_UPDATE,
          UserDataTest.ALGO_UPDATE,
          UserDataTest.MARGIN_CALL);

  static final List<String> HOSTILE =
      List.of(
          "",
          "null",
          "\"x\"",
          "-1",
          "1e999",
          "\"NaN\"",
          "\"Infinity\"",
          "\"-0.5\"",
          "\"1e5\"",
          "\"0x10\"",
          "\" 1.0\"",
          "99999999999999999999999",
          "-9223372036854775808",
          "[]",
          "{}",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
          "\"1.00000000000000000000000000001\"",
          "true",
          "\"\\u0000\"",
          "\"65000.123\"",
          "[\"1\"]",
          "[[\"1\",\"2\",\"3\"]]",
          "[[\"abc\",\"1\"]]",
          "[[\"0\",\"1\"]]",
          "[[\"1.5\",\"-1\"]]");

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> base = Arbitraries.of(VALID);
    Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
    Arbitrary<String> replaceValue =
        Combinators.combine(base, where, Arbitraries.of(HOSTILE))
            .as(
                (s, w, h) -> {
                  // Replace one value (after a ':') with a hostile one.
                  int colon = nth(s, ':', w);
                  if (colon < 0) {
                    return s;
                  }
                  int end = valueEnd(s, colon + 1);
                  return s.substring(0, colon + 1) + h + s.substring(end);
                });
    Arbitrary<String> truncate =
        Combinators.combine(base, where).as((s, w) -> s.substring(0, w % (s.length() + 1)));
    Arbitrary<String> deleteField =
        Combinators.combine(base, where)
            .as(
                (s, w) -> {
                  int comma = nth(s, ',', w);
                  if (comma < 0) {
                    return s;
                  }
                  int end = valueEnd(s, s.indexOf(':', comma) + 1);
                  return s.substring(0, comma) + s.substring(end);
                });
    Arbitrary<String> flipChar =
        Combinators.combine(base, where, Arbitraries.chars().ascii())
            .as(
                (s, w, c) -> {
                  int i = w % s.length();
                  return s.substring(0, i) + c + s.substring(i + 1);
                });
    return Arbitraries.oneOf(replaceValue, truncate, deleteField, flipChar);
  }

  static int nth(String s, char c, int n) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        count++;
      }
    }
    if (count == 0) {
      return -1;
    }
    int k = n % count;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c && k-- == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the JSON value starting at {@code i} (shallow, good enough to cut a field). */
  static int valueEnd(String s, int i) {
    int depth = 0;
    boolean inString = false;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (inString) {
        if (c == '\\') {
          j++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) {
          return j;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return j;
      }
    }
    return s.length();
  }

  static void decodesOrFailsClearly(String text, Consumer<String> decoder) {
    try {
      decoder.accept(text);
    } catch (BinanceException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
      assertThat(e.getMessage()).containsAnyOf("field '", "cannot decode");
    }
  }

  @Property(tries = 1500)
  void streamDecoderFailsClearly(@ForAll("mutated") String text) {
    decodesOrFailsClearly(text, MarketStreamDecoder::decode);
  }

  @Property(tries = 1500)
  void userDataDecoderFailsClearly(@ForAll("mutated") String text) {
    decodesOrFailsClearly(text, UserDataDecoder::decode);
  }

  @Property(tries = 2000)
  void depthDecoderFailsClearlyAndLeavesTheBookUntouched(@ForAll("mutated") String text) {
    OrderBook book = new OrderBook(WsHarness.BTC);
    book.applySnapshot(
        new BookSnapshot(
            WsHarness.BTCUSDT,
            150,
            1,
            List.of(dev.tyche.core.market.BookLevel.parse("64999.90", "1.000")),
            List.of(dev.tyche.core.market.BookLevel.parse("65000.20", "2.000"))));
    BookSnapshot before = book.snapshot();
    BookDeltaBuffer buffer = new BookDeltaBuffer(WsHarness.BTCUSDT, 4);
    buffer.reset(1, 2, 0, 3).addBid(100, 1);
    DepthDiffDecoder decoder = new DepthDiffDecoder(WsHarness.BTC);
    try {
      decoder.decode(text, buffer);
    } catch (BinanceException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
      assertThat(e.getMessage()).contains("depthUpdate: field '");
      // Nothing partial: the buffer still holds the previous delta.
      assertThat(buffer.finalUpdateId()).isEqualTo(2);
      assertThat(buffer.bidCount()).isEqualTo(1);
      assertThat(buffer.askCount()).isZero();
      assertThat(book.snapshot()).isEqualTo(before);
      return;
    }
    book.apply(buffer);
    assertThat(buffer.symbol()).isEqualTo(WsHarness.BTCUSDT);
  }
}

package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.order.Side;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's section 6 examples through the decoders, and the small parts. */
class DecodersAndPartsTest {

  static StreamMessage.Market market(String json) {
    return (StreamMessage.Market) MarketStreamDecoder.decode(json);
  }

  @Test
  void aggTradeAndTrade() {
    StreamMessage.Market m = market(DecoderFuzzProperties.VALID.get(1));
    assertThat(m.stream()).isEqualTo("btcusdt@aggTrade");
    assertThat(m.sequence()).isEqualTo(5_933_014L);
    Trade t = (Trade) m.event();
    assertThat(t.aggressor()).isEqualTo(Side.SELL); // buyer is maker
    assertThat(t.price().toString()).isEqualTo("65000.10");
    assertThat(t.quantity().toString()).isEqualTo("0.120");
    assertThat(t.tradeTime()).isEqualTo(1_700_000_000_100L);
    assertThat(t.eventTime()).isEqualTo(1_700_000_000_123L);
    Trade u = (Trade) market(DecoderFuzzProperties.VALID.get(2)).event();
    assertThat(u.tradeId().value()).isEqualTo("5266583935");
    assertThat(u.aggressor()).isEqualTo(Side.BUY);
  }

  @Test
  void klineOnlyWhenClosed() {
    String closed = DecoderFuzzProperties.VALID.get(3);
    Bar b = (Bar) market(closed).event();
    assertThat(b.openTime()).isEqualTo(1_699_999_980_000L);
    assertThat(b.intervalMillis()).isEqualTo(BarInterval.parse("1m").durationMillis());
    assertThat(b.close().toString()).isEqualTo("65000.1");
    assertThat(b.volume().toString()).isEqualTo("12.345");
    assertThat(MarketStreamDecoder.decode(closed.replace("\"x\":true", "\"x\":false")))
        .isInstanceOf(StreamMessage.Ignored.class);
    assertThatThrownBy(
            () -> MarketStreamDecoder.decode(closed.replace("1700000039999", "1700000039998")))
        .hasMessageContaining("field 'k.T'");
    assertThatThrownBy(
            () -> MarketStreamDecoder.decode(closed.replace("\"i\":\"1m\"", "\"i\":\"7x\"")))
        .hasMessageContaining("field 'k.i'");
    assertThatThrownBy(
            () -> MarketStreamDecoder.decode(closed.replace("\"h\":\"65010.0\"", "\"h\":\"1.0\"")))
        .hasMessageContaining("field 'k.o/h/l/c'");
  }

  @Test
  void markPriceWithFunding() {
    MarkPrice m = (MarkPrice) market(DecoderFuzzProperties.VALID.get(4)).event();
    assertThat(m.markPrice().toString()).isEqualTo("65001.23");
    assertThat(m.indexPrice().orElseThrow().toString()).isEqualTo("64995.10");
    assertThat(m.fundingRate()).contains(Decimal.parse("0.00010000"));
    assertThat(m.nextFundingTime()).hasValue(1_700_006_400_000L);
    MarkPrice delivery =
        (MarkPrice)
            market(
                    DecoderFuzzProperties.VALID
                        .get(4)
                        .replace("\"0.00010000\"", "\"\"")
                        .replace("1700006400000", "0"))
                .event();
    assertThat(delivery.fundingRate()).isEmpty();
    assertThat(delivery.nextFundingTime()).isEmpty();
  }

  @Test
  void bookTickerDepthAndControl() {
    Quote q = (Quote) market(DecoderFuzzProperties.VALID.get(5)).event();
    assertThat(q.updateId()).isEqualTo(400_900_217L);
    assertThat(q.askQuantity().toString()).isEqualTo("1.004");
    assertThatThrownBy(
            () ->
                MarketStreamDecoder.decode(
                    DecoderFuzzProperties.VALID
                        .get(5)
                        .replace("\"b\":\"65000.00\"", "\"b\":\"65000.20\"")))
        .hasMessageContaining("field 'b/a'");
    BookDelta d = (BookDelta) market(DecoderFuzzProperties.DEPTH).event();
    assertThat(d.previousFinalUpdateId()).isEqualTo(149);
    assertThat(d.bids()).hasSize(2);
    assertThat(MarketStreamDecoder.decode("{\"result\":null,\"id\":3}"))
        .isEqualTo(new StreamMessage.ControlReply(3, 0, java.util.Optional.empty()));
    StreamMessage.ControlReply err =
        (StreamMessage.ControlReply)
            MarketStreamDecoder.decode(
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":4}");
    assertThat(err.ok()).isFalse();
    assertThat(err.errorCode()).isEqualTo(2);
    assertThat(MarketStreamDecoder.decode("{\"e\":\"forceOrder\",\"E\":1}"))
        .isInstanceOf(StreamMessage.Ignored.class);
    assertThatThrownBy(() -> MarketStreamDecoder.decode("[1]"))
        .hasMessageContaining("field 'message'");
    assertThatThrownBy(() -> MarketStreamDecoder.decode("{\"stream\":1,\"data\":{}}"))
        .hasMessageContaining("field 'stream'");
  }

  @Test
  void depthDecoderIsExactAndStrict() {
    DepthDiffDecoder dec = new DepthDiffDecoder(WsHarness.BTC);
    BookDeltaBuffer b = new BookDeltaBuffer(WsHarness.BTCUSDT, 1);
    dec.decode(DecoderFuzzProperties.DEPTH, b);
    assertThat(b.firstUpdateId()).isEqualTo(157);
    assertThat(b.finalUpdateId()).isEqualTo(160);
    assertThat(b.previousFinalUpdateId()).isEqualTo(149);
    assertThat(b.bidCount()).isEqualTo(2);
    assertThat(b.bidPrice(0)).isEqualTo(6_499_990L);
    assertThat(b.bidQuantity(0)).isEqualTo(500L);
    assertThat(b.bidQuantity(1)).isZero();
    assertThat(b.askPrice(0)).isEqualTo(6_500_020L);
    String raw =
        DecoderFuzzProperties.DEPTH.substring(
            DecoderFuzzProperties.DEPTH.indexOf("\"data\":") + 7,
            DecoderFuzzProperties.DEPTH.length() - 1);
    dec.decode(" " + raw + "\n", b);
    assertThat(b.askQuantity(0)).isEqualTo(1_000L);
    String[][] bad = {
      {"\"64999.90\"", "\"64999.901\"", "b[0].price"},
      {"\"0.500\"", "\"0.5001\"", "b[0].quantity"},
      {"\"0.500\"", "\"-1\"", "b[0].quantity"},
      {"\"0.500\"", "\"1e3\"", "b[0].quantity"},
      {"\"0.500\"", "\"\"", "b[0].quantity"},
      {"\"0.500\"", "\"1.\"", "b[0].quantity"},
      {"\"0.500\"", "0.5", "b[0].quantity"},
      {"\"64999.90\"", "\"0.00\"", "b[0].price"},
      {"\"64999.90\"", "\"99999999999999999999\"", "b[0].price"},
      {"\"pu\":149", "\"pu\":160", "U/u/pu"},
      {"\"pu\":149", "\"pu\":1.5", "pu"},
      {"\"U\":157", "\"U\":\"157\"", "U"},
      {"\"s\":\"BTCUSDT\"", "\"s\":\"ETHUSDT\"", "s"},
      {"\"e\":\"depthUpdate\"", "\"e\":\"trade\"", "e"},
      {",\"E\":1700000000200", "", "E"},
      {",\"pu\":149", "", "pu"},
      {"}}", "}} x", "message"},
    };
    for (String[] c : bad) {
      String text =
          DecoderFuzzProperties.DEPTH.replaceFirst(
              java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1]));
      assertThatThrownBy(() -> dec.decode(text, b))
          .as(c[1])
          .isInstanceOf(BinanceException.class)
          .hasMessageContaining("field '" + c[2] + "'");
      assertThat(b.askQuantity(0)).isEqualTo(1_000L); // untouched
    }
  }

  @Test
  void tokenBucketPacesOnTheInjectedClock() {
    SimulatedClock clock = new SimulatedClock(1_000);
    TokenBucket bucket = new TokenBucket(clock, 2, 4.0);
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(250);
    clock.advanceTo(1_250);
    assertThat(bucket.tryAcquire()).isZero();
    clock.advanceTo(5_000);
    assertThat(bucket.available()).isEqualTo(2.0);
    assertThatThrownBy(() -> new TokenBucket(clock, 0, 1)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new TokenBucket(clock, 1, Double.NaN))
        .hasMessageContaining("perSecond");
  }

  static Trade trade(long id) {
    return new Trade(
        WsHarness.BTCUSDT,
        dev.tyche.core.id.TradeId.of(Long.toString(id)),
        dev.tyche.core.num.Price.parse("1.0"),
        dev.tyche.core.num.Quantity.parse("1"),
        Side.BUY,
        1,
        1);
  }

  @Test
  void tradeSequencerReordersDeduplicatesAndBackfills() {
    List<Long> out = new ArrayList<>();
    TradeSequencer s =
        new TradeSequencer(
            WsHarness.BTCUSDT,
            3,
            (sym, from, to) -> {
              List<Trade> l = new ArrayList<>();
              for (long i = from; i <= to; i++) {
                if (i != 13) {
                  l.add(trade(i));
                }
              }
              return l;
            },
            t -> out.add(TradeBackfill.idOf(t)));
    s.accept(trade(1), 1);
    s.accept(trade(3), 3);
    s.accept(trade(2), 2);
    s.accept(trade(2), 2);
    assertThat(out).containsExactly(1L, 2L, 3L);
    assertThat(s.duplicates()).isEqualTo(1);
    s.onReconnected();
    s.accept(trade(7), 7); // 4..6 come from the backfill at once after a reconnect
    assertThat(out).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    for (long id : new long[] {15, 16, 17, 18}) {
      s.accept(trade(id), id); // the window (3) overflows: 8..14 backfilled, 13 missing
    }
    assertThat(out).endsWith(12L, 14L, 15L, 16L, 17L, 18L).doesNotContain(13L);
    assertThat(s.lost()).isEqualTo(1);
    assertThat(s.backfilled()).isEqualTo(3 + 6);
    assertThat(s.nextId()).isEqualTo(19);
    s.accept(trade(21), 21);
    assertThat(s.held()).isEqualTo(1);
    s.flush();
    assertThat(out).endsWith(19L, 20L, 21L);
    assertThatThrownBy(() -> new TradeSequencer(WsHarness.BTCUSDT, 0, TradeBackfill.NONE, t -> {}))
        .hasMessageContaining("reorderWindow");
  }

  @Test
  void streamNamesAndRoutes() {
    Symbol s = Symbol.of("BTCUSDT");
    assertThat(StreamNames.depth(s, StreamNames.DepthSpeed.MS_100))
        .isEqualTo("btcusdt@depth@100ms");
    assertThat(StreamNames.depth(s, StreamNames.DepthSpeed.MS_250)).isEqualTo("btcusdt@depth");
    assertThat(StreamNames.kline(s, BarInterval.parse("1h"))).isEqualTo("btcusdt@kline_1h");
    assertThat(StreamNames.markPrice(s)).isEqualTo("btcusdt@markPrice@1s");
    assertThat(StreamNames.routeOf(StreamNames.bookTicker(s))).isEqualTo(StreamNames.Route.PUBLIC);
    assertThat(StreamNames.routeOf(StreamNames.depth(s, StreamNames.DepthSpeed.MS_0)))
        .isEqualTo(StreamNames.Route.PUBLIC);
    assertThat(StreamNames.routeOf(StreamNames.aggTrade(s))).isEqualTo(StreamNames.Route.MARKET);
    assertThat(StreamNames.routeOf(StreamNames.trade(s))).isEqualTo(StreamNames.Route.MARKET);
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> new MarketStreamClient.Options(0, 1, 1, 1, 1, 1, 0, 0, 1))
        .hasMessageContaining("subscribeBatch");
    assertThatThrownBy(() -> new MarketStreamClient.Options(1, 1, 10, 1, 1, 1, 0, 0, 1))
        .hasMessageContaining("controlPerSecond");
    assertThatThrownBy(() -> new MarketStreamClient.Options(1, 1, 1, 5, 1, 1, 0, 0, 1))
        .hasMessageContaining("reconnectBaseMillis");
    assertThatThrownBy(() -> new MarketStreamClient.Options(1, 1, 1, 1, 1, 0, 0, 0, 1))
        .hasMessageContaining("rotateAfterMillis");
    assertThatThrownBy(() -> new MarketStreamClient.Options(1, 1, 1, 1, 1, 1, 0, -1, 1))
        .hasMessageContaining("connectionLostSeconds");
    assertThatThrownBy(() -> new MarketStreamClient.Options(1, 1, 1, 1, 1, 1, 0, 0, 0))
        .hasMessageContaining("reorderWindow");
  }
}

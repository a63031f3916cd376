package dev.tyche.backtest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class HistoricalFeedsTest {
  static final Symbol BTC = Symbol.of("BTCUSDT");
  static final Symbol ETH = Symbol.of("ETHUSDT");
  static final long H = 3_600_000L;
  static final long T0 = 1_672_531_200_000L;

  static Bar bar(Symbol s, long interval, long open, String price) {
    Price p = Price.parse(price);
    return new Bar(s, interval, open, p, p, p, p, Quantity.parse("1"));
  }

  static List<MarketEvent> drain(HistoricalFeed f) {
    List<MarketEvent> out = new ArrayList<>();
    while (f.hasNext()) {
      out.add(f.next());
    }
    return out;
  }

  @Test
  void barsOfAnyIntervalArriveAtTheirCloseTime() {
    long fourHours = 4 * H;
    EventFeed f =
        HistoricalFeeds.bars(
            "4h", List.of(bar(BTC, fourHours, T0, "1"), bar(BTC, fourHours, T0 + fourHours, "2")));
    assertThat(f.peekTime()).isEqualTo(T0 + fourHours - 1);
    f.next();
    assertThat(f.peekTime()).isEqualTo(T0 + 2 * fourHours - 1);
    f.next();
    assertThat(f.hasNext()).isFalse();
    assertThat(f.peekTime()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(f::next).isInstanceOf(NoSuchElementException.class);
    assertThat(f.size()).isEqualTo(2);
    assertThat(f.toString()).contains("4h");
  }

  @Test
  void unsortedDuplicatedOrMixedBarsAreRejected() {
    assertThatThrownBy(
            () ->
                HistoricalFeeds.bars("x", List.of(bar(BTC, H, T0 + H, "1"), bar(BTC, H, T0, "1"))))
        .hasMessageContaining("strictly increasing open times");
    assertThatThrownBy(
            () -> HistoricalFeeds.bars("x", List.of(bar(BTC, H, T0, "1"), bar(BTC, H, T0, "1"))))
        .hasMessageContaining("strictly increasing open times");
    assertThatThrownBy(
            () ->
                HistoricalFeeds.bars("x", List.of(bar(BTC, H, T0, "1"), bar(ETH, H, T0 + H, "1"))))
        .hasMessageContaining("one symbol");
    assertThatThrownBy(
            () ->
                HistoricalFeeds.bars(
                    "x", List.of(bar(BTC, H, T0, "1"), bar(BTC, 2 * H, T0 + H, "1"))))
        .hasMessageContaining("one interval");
    List<MarketEvent> backwards =
        List.of(MarkPrice.of(BTC, 10, Price.parse("1")), MarkPrice.of(BTC, 9, Price.parse("1")));
    assertThatThrownBy(() -> new EventFeed("m", backwards))
        .hasMessageContaining("non-decreasing event-time order")
        .hasMessageContaining("events[1] has time 9 < 10");
  }

  @Test
  void fundingTakesTheMarkKlineOpenAtItsFundingTimeAndRejectsUnsortedRates() {
    long ft = T0 + 8 * H + 3; // Binance's few ms of jitter
    List<FundingRate> rates =
        List.of(
            FundingRate.of(BTC, ft, Decimal.parse("0.0001")),
            FundingRate.of(BTC, ft + 8 * H, Decimal.parse("-0.0002")),
            FundingRate.of(BTC, ft + 32 * H, Decimal.parse("0.0003")));
    List<Bar> marks =
        List.of(
            new Bar(
                BTC,
                8 * H,
                T0 + 8 * H,
                Price.parse("100"),
                Price.parse("120"),
                Price.parse("90"),
                Price.parse("110"),
                Quantity.parse("0")),
            new Bar(
                BTC,
                8 * H,
                T0 + 16 * H,
                Price.parse("111"),
                Price.parse("111"),
                Price.parse("111"),
                Price.parse("111"),
                Quantity.parse("0")));
    List<MarketEvent> out = drain(HistoricalFeeds.fundingRates("f", rates, marks));
    assertThat(out).hasSize(3);
    FundingRate a = (FundingRate) out.get(0);
    assertThat(a.eventTime()).isEqualTo(ft);
    assertThat(a.markPrice()).contains(Price.parse("100"));
    assertThat(((FundingRate) out.get(1)).markPrice()).contains(Price.parse("111"));
    // No kline covers the third settlement: no mark (the engine uses its latest).
    assertThat(((FundingRate) out.get(2)).markPrice()).isEmpty();
    assertThat(((FundingRate) out.get(2)).rate()).isEqualTo(Decimal.parse("0.0003"));

    assertThatThrownBy(() -> HistoricalFeeds.fundingRates("f", List.of(rates.get(1), rates.get(0))))
        .hasMessageContaining("strictly increasing funding times");
    assertThatThrownBy(
            () ->
                HistoricalFeeds.fundingRates(
                    "f", List.of(rates.get(0), FundingRate.of(ETH, ft + H, Decimal.ZERO))))
        .hasMessageContaining("one symbol");
    List<Bar> ethMarks = List.of(bar(ETH, 8 * H, T0, "1"));
    assertThatThrownBy(() -> HistoricalFeeds.fundingRates("f", rates, ethMarks))
        .hasMessageContaining("markKlines must be of BTCUSDT");
  }

  @Test
  void markKlinesBecomeMarkPricesAtTheirClose() {
    List<MarketEvent> out =
        drain(HistoricalFeeds.markPriceKlines("m", List.of(bar(BTC, 8 * H, T0, "105.5"))));
    MarkPrice m = (MarkPrice) out.get(0);
    assertThat(m.eventTime()).isEqualTo(T0 + 8 * H - 1);
    assertThat(m.markPrice()).isEqualTo(Price.parse("105.5"));
  }

  @Test
  void mergeOrdersByTimeThenSymbolThenFeedOrder() {
    Trade tEth = trade(ETH, 1, 100);
    Trade tBtc = trade(BTC, 2, 100);
    MarkPrice mBtc = MarkPrice.of(BTC, 100, Price.parse("1"));
    MarkPrice early = MarkPrice.of(ETH, 50, Price.parse("1"));
    HistoricalFeed merged =
        MergedFeed.of(
            HistoricalFeeds.trades("eth", List.of(tEth)),
            HistoricalFeeds.markPrices("marks", List.of(early, mBtc)),
            HistoricalFeeds.trades("btc", List.of(tBtc)));
    assertThat(merged.name()).isEqualTo("merged(eth, marks, btc)");
    assertThat(merged.peek()).isEqualTo(early);
    // At time 100: BTC before ETH; among the two BTC events, the earlier-listed feed (marks) first.
    assertThat(drain(merged)).containsExactly(early, mBtc, tBtc, tEth);
    assertThat(merged.peekTime()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(merged::next).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(merged::peek).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> new MergedFeed(List.of())).hasMessageContaining("must not be empty");
  }

  @Test
  void mergeIsIndependentOfInstrumentListingOrder() {
    List<Bar> btc = List.of(bar(BTC, H, T0, "1"), bar(BTC, H, T0 + H, "2"));
    List<Bar> eth = List.of(bar(ETH, H, T0, "3"), bar(ETH, H, T0 + H, "4"));
    List<MarketEvent> a =
        drain(MergedFeed.of(HistoricalFeeds.bars("b", btc), HistoricalFeeds.bars("e", eth)));
    List<MarketEvent> b =
        drain(MergedFeed.of(HistoricalFeeds.bars("e", eth), HistoricalFeeds.bars("b", btc)));
    assertThat(a).isEqualTo(b);
    assertThat(a).extracting(MarketEvent::symbol).containsExactly(BTC, ETH, BTC, ETH);
  }

  @Test
  void depthFeedsAcceptBookDataOnlyAndWindowFilters() {
    BookSnapshot snap =
        new BookSnapshot(
            BTC,
            1,
            10,
            List.of(new BookLevel(Price.parse("99"), Quantity.parse("1"))),
            List.of(new BookLevel(Price.parse("101"), Quantity.parse("1"))));
    assertThat(HistoricalFeeds.depth("d", List.of(snap, trade(BTC, 1, 11))).size()).isEqualTo(2);
    assertThatThrownBy(
            () -> HistoricalFeeds.depth("d", List.of(MarkPrice.of(BTC, 1, Price.parse("1")))))
        .hasMessageContaining("MarkPrice");
    List<Trade> trades = List.of(trade(BTC, 1, 5), trade(BTC, 2, 10), trade(BTC, 3, 15));
    assertThat(HistoricalFeeds.window(trades, 10, 15)).containsExactly(trades.get(1));
    assertThatThrownBy(() -> HistoricalFeeds.window(trades, 10, 5))
        .hasMessageContaining("toExclusive");
    assertThat(HistoricalFeeds.trades("t", trades).events()).hasSize(3);
  }

  static Trade trade(Symbol s, long id, long time) {
    return new Trade(
        s,
        TradeId.of(Long.toString(id)),
        Price.parse("100"),
        Quantity.parse("1"),
        Side.BUY,
        time,
        time);
  }
}

package dev.tyche.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StrategySpiTest {
  static final Symbol BTC = Symbol.of("BTCUSDT");

  /** Records which callback the default routing chose for each event. */
  static final class Recorder implements Strategy {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onStart(StrategyContext context) {
      calls.add("start");
    }

    @Override
    public void onBar(Bar bar) {
      calls.add("bar");
    }

    @Override
    public void onTrade(Trade trade) {
      calls.add("trade");
    }

    @Override
    public void onQuote(Quote quote) {
      calls.add("quote");
    }

    @Override
    public void onBookDelta(BookDelta delta) {
      calls.add("delta");
    }

    @Override
    public void onBookSnapshot(BookSnapshot snapshot) {
      calls.add("snapshot");
    }

    @Override
    public void onFundingRate(FundingRate fundingRate) {
      calls.add("funding");
    }

    @Override
    public void onMarkPrice(MarkPrice markPrice) {
      calls.add("mark");
    }
  }

  @Test
  void defaultDispatchRoutesEveryKindOfMarketEvent() {
    Price p = Price.parse("100.0");
    Quantity q = Quantity.parse("1.000");
    List<MarketEvent> events =
        List.of(
            new Bar(BTC, 3_600_000L, 0L, p, p, p, p, q),
            new Trade(BTC, TradeId.of("1"), p, q, Side.BUY, 1, 1),
            new Quote(BTC, p, q, Price.parse("100.1"), q, 1, 1),
            new BookDelta(BTC, 2, 3, 1, 1, List.of(new BookLevel(p, q)), List.of()),
            new BookSnapshot(BTC, 1, 1, List.of(new BookLevel(p, q)), List.of()),
            new FundingRate(BTC, 28_800_000L, Decimal.parse("0.0001"), Optional.empty()),
            new MarkPrice(BTC, 1, p, Optional.empty(), Optional.empty(), OptionalLong.empty()));
    Recorder r = new Recorder();
    events.forEach(r::onMarketEvent);
    assertThat(r.calls)
        .containsExactly("bar", "trade", "quote", "delta", "snapshot", "funding", "mark");
    assertThat(events).allSatisfy(e -> assertThat(e.symbol()).isEqualTo(BTC));
  }

  @Test
  void subscriptionsNeedAnIntervalExactlyForBars() {
    assertThat(Subscription.bars(BTC, BarInterval.HOUR_1).interval()).contains(BarInterval.HOUR_1);
    assertThat(Subscription.of(BTC, MarketDataKind.TRADES).interval()).isEmpty();
    assertThatThrownBy(() -> Subscription.of(BTC, MarketDataKind.BARS))
        .hasMessageContaining("interval must be present exactly for BARS");
  }

  @Test
  void idsAndTimersValidate() {
    assertThat(StrategyId.of("trend-1").toString()).isEqualTo("trend-1");
    assertThatThrownBy(() -> StrategyId.of("has space")).hasMessageContaining("strategyId");
    assertThatThrownBy(() -> StrategyId.of("x".repeat(17))).hasMessageContaining("strategyId");
    assertThatThrownBy(() -> new TimerId(0)).hasMessage("timerId must be > 0 but was 0");
    TimerEvent t = new TimerEvent(new TimerId(1), "rebalance", 10, 12);
    assertThat(t.firedTime()).isEqualTo(12);
    assertThatThrownBy(() -> new TimerEvent(new TimerId(1), "x", 10, 9))
        .hasMessageContaining("firedTime must be >= scheduledTime");
  }
}

package dev.tyche.strategy.trend;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.signal.ExecutionSettings;
import dev.tyche.strategy.signal.OrderStyle;
import dev.tyche.strategy.signal.SignalStrategy;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.FakeStrategyContext;
import dev.tyche.strategy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked decisions of the crossover with a trailing stop. SMA 2/3 and ATR(1), so {@code ATR_t
 * = TR_t = |C_t - C_{t-1}|} for bars without wicks; stop distance {@code k = 1}.
 */
class TrendFollowingSignalTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;

  // index:             0   1   2   3   4   5   6     7
  private static final double[] CLOSES = {10, 10, 10, 12, 14, 13, 13.5, 15};

  private static TrendFollowingParameters params(boolean allowShort) {
    return new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 2, 3, 1, 1.0, allowShort);
  }

  @Test
  void crossoverEntriesTrailingStopAndLock() {
    // 2: fast 10 = slow 10, flat.  3: fast 11 > slow 10.67, long at 12, stop 12 - 2 = 10.
    // 4: extreme 14, TR 2, stop 12, hold.  5: extreme 14, TR 1, stop 13, close 13 -> stopped; the
    // trend is still up (13.5 > 13) but long is locked.  6: fast 13.25 < slow 13.5 -> short at
    // 13.5.
    // 7: extreme 13.5, TR 1.5, stop 15, close 15 -> stopped; trend up (14.25 > 13.83) -> long.
    TrendFollowingSignal signal = new TrendFollowingSignal(params(true));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, CLOSES));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 0.0, -1.0, 1.0);
    assertThat(signal.stopLevel()).isEqualTo(15.0 - 1.5);
  }

  @Test
  void longOnlyStaysFlatInADownTrend() {
    TrendFollowingSignal signal = new TrendFollowingSignal(params(false));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.0, CLOSES));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0);
  }

  @Test
  void flatUntilEveryIndicatorIsReady() {
    // A steep rise from the first bar: the slow SMA(5) is ready only at bar 4.
    TrendFollowingSignal signal =
        new TrendFollowingSignal(
            new TrendFollowingParameters(PERP, H1, MovingAverageType.EMA, 2, 5, 3, 2.0, true));
    List<Double> targets =
        Fixtures.targets(signal, PERP, Bars.fromCloses(PERP, H1, 0, 0.5, 10, 11, 12, 13, 14, 15));
    assertThat(targets).containsExactly(0.0, 0.0, 0.0, 0.0, 1.0, 1.0);
    assertThat(new TrendFollowingSignal(params(true)).stopLevel()).isNaN();
  }

  @Test
  void ignoresOtherSymbolsAndIntervals() {
    TrendFollowingSignal signal = new TrendFollowingSignal(params(true));
    Bar other = Bars.bar(Symbol.of("ETHUSDT"), H1, 0, 10, 10, 10, 10);
    Bar otherInterval = Bars.bar(PERP, BarInterval.MINUTE_1, 0, 10, 10, 10, 10);
    assertThat(signal.onMarketEvent(other)).isFalse();
    assertThat(signal.onMarketEvent(otherInterval)).isFalse();
    assertThat(signal.onMarketEvent(Bars.funding(PERP, 1, 0.001))).isFalse();
    assertThat(signal.onMarketEvent(Bars.bar(PERP, H1, 0, 10, 10, 10, 10))).isTrue();
    assertThatThrownBy(() -> signal.target(Symbol.of("ETHUSDT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETHUSDT");
  }

  @Test
  void ordersThroughTheContext() {
    // Equity 10 000 USDT, exposure 1: 10 000 / 12 = 833.333.. -> BUY 833.333 (rounded down).
    // Bar 4: target 10 000 / 14 = 714.29, a 1 666 USDT trade, below the 20 % tolerance: skipped.
    // Bar 5: stopped, target 0 -> SELL the whole 833.333. Bar 7: long at 15 -> BUY 666.666.
    FakeStrategyContext context = Fixtures.context();
    SignalStrategy strategy =
        SignalStrategy.single(
            Fixtures.ID,
            new TrendFollowingSignal(params(false)),
            new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.2, 0));
    List<List<SubmitOrder>> orders =
        Fixtures.replay(strategy, context, Bars.fromCloses(PERP, H1, 0, 0.0, CLOSES));
    assertThat(context.subscriptions())
        .containsExactly(dev.tyche.core.port.Subscription.bars(PERP, H1));
    assertThat(orders.get(3)).singleElement().satisfies(o -> order(o, Side.BUY, "833.333"));
    assertThat(orders.get(4)).isEmpty();
    assertThat(orders.get(5)).singleElement().satisfies(o -> order(o, Side.SELL, "833.333"));
    assertThat(orders.get(6)).isEmpty();
    assertThat(orders.get(7)).singleElement().satisfies(o -> order(o, Side.BUY, "666.666"));
    assertThat(context.submitted()).hasSize(3);
    assertThat(context.position(PERP).toPlainString()).isEqualTo("666.666");
  }

  private static void order(SubmitOrder o, Side side, String quantity) {
    assertThat(o.side()).isEqualTo(side);
    assertThat(o.type()).isEqualTo(OrderType.MARKET);
    assertThat(o.quantity()).isEqualTo(Quantity.parse(quantity));
    assertThat(o.clientOrderId().value()).startsWith("s1-");
  }

  @Test
  void invalidParameters() {
    assertThatThrownBy(
            () ->
                new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 5, 5, 14, 3.0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slowPeriod must be > fastPeriod 5 but was 5");
    assertThatThrownBy(
            () ->
                new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 0, 5, 14, 3.0, true))
        .hasMessageContaining("fastPeriod");
    assertThatThrownBy(
            () -> new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 2, 5, 0, 3.0, true))
        .hasMessageContaining("atrPeriod");
    for (double k : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () ->
                  new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 2, 5, 14, k, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("atrMultiple");
    }
    assertThatThrownBy(
            () ->
                new TrendFollowingParameters(
                    PERP, BarInterval.MONTH_1, MovingAverageType.SMA, 2, 5, 14, 3.0, true))
        .hasMessageContaining("fixed length");
    assertThatThrownBy(
            () ->
                new TrendFollowingParameters(null, H1, MovingAverageType.SMA, 2, 5, 14, 3.0, true))
        .isInstanceOf(NullPointerException.class);
    assertThat(TrendFollowingParameters.defaults(PERP, H1).slowPeriod()).isEqualTo(50);
  }
}

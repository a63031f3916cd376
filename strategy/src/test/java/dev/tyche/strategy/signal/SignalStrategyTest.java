package dev.tyche.strategy.signal;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.meanreversion.MeanReversionParameters;
import dev.tyche.strategy.meanreversion.MeanReversionSignal;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.FakeStrategyContext;
import dev.tyche.strategy.testing.Fixtures;
import dev.tyche.strategy.trend.MovingAverageType;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalStrategyTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;
  private static final StrategyId TREND = StrategyId.of("trend");
  private static final StrategyId MR = StrategyId.of("mr");

  private static SignalStrategy twoStrategies(Map<StrategyId, Double> weights) {
    Map<StrategyId, SignalGenerator> gens = new LinkedHashMap<>();
    gens.put(
        TREND,
        new TrendFollowingSignal(
            new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 2, 3, 1, 1.0, true)));
    gens.put(
        MR,
        new MeanReversionSignal(
            new MeanReversionParameters(PERP, H1, 5, 1.0, 2, 30, 70, 0.05, true)));
    return new SignalStrategy(
        gens,
        SignalAggregator.of(weights, 1.0),
        new TargetExecutor(new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.0, 0)));
  }

  @Test
  void netsTwoGeneratorsAndTradesTheNet() {
    // Mean reversion goes long at bar 5 (95 below its lower band) while the trend turns short
    // (fast 97.5 < slow 98.33): with weights 0.3 / 0.7 the net is -0.3 + 0.7 = +0.4.
    Map<StrategyId, Double> w = new LinkedHashMap<>();
    w.put(TREND, 0.3);
    w.put(MR, 0.7);
    SignalStrategy strategy = twoStrategies(w);
    FakeStrategyContext context = Fixtures.context();
    List<List<SubmitOrder>> orders =
        Fixtures.replay(
            strategy, context, Bars.fromCloses(PERP, H1, 0, 0.0, 100, 100, 100, 100, 100, 95));
    NetExposure net = strategy.lastDecision().get(PERP);
    assertThat(net.contributions().get(TREND)).isCloseTo(-0.3, within(1e-15));
    assertThat(net.contributions().get(MR)).isCloseTo(0.7, within(1e-15));
    assertThat(net.net()).isCloseTo(0.4, within(1e-15));
    // 0.4 * 10 000 / 95 = 42.105.. -> 42.105.
    assertThat(orders.get(5))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.side()).isEqualTo(Side.BUY);
              assertThat(o.quantity()).isEqualTo(Quantity.parse("42.105"));
            });
    assertThat(context.subscriptions()).containsExactly(Subscription.bars(PERP, H1));
    assertThat(strategy.currentSignals()).hasSize(2);
  }

  @Test
  void replacingTheAggregatorChangesTheNextDecision() {
    Map<StrategyId, Double> w = new LinkedHashMap<>();
    w.put(TREND, 0.3);
    w.put(MR, 0.7);
    SignalStrategy strategy = twoStrategies(w);
    FakeStrategyContext context = Fixtures.context();
    strategy.onStart(context);
    Map<StrategyId, Double> trendOnly = new LinkedHashMap<>();
    trendOnly.put(TREND, 1.0);
    trendOnly.put(MR, 0.0);
    strategy.useAggregator(strategy.aggregator().withWeights(trendOnly));
    for (MarketEvent e : Bars.fromCloses(PERP, H1, 0, 0.0, 100, 100, 100, 100, 100, 95)) {
      strategy.onMarketEvent(e);
    }
    assertThat(strategy.lastDecision().get(PERP).net()).isEqualTo(-1.0);
    assertThatThrownBy(() -> strategy.useAggregator(SignalAggregator.of(Map.of(TREND, 1.0), 1.0)))
        .hasMessageContaining("no weight for strategy mr");
  }

  @Test
  void markPricesSetTheReferencePriceButAreNoDecision() {
    SignalStrategy strategy =
        SignalStrategy.single(
            Fixtures.ID,
            new TrendFollowingSignal(
                new TrendFollowingParameters(PERP, H1, MovingAverageType.SMA, 2, 3, 1, 1.0, true)),
            ExecutionSettings.DEFAULT);
    FakeStrategyContext context = Fixtures.context();
    List<MarketEvent> events = new ArrayList<>(Bars.fromCloses(PERP, H1, 0, 0.0, 10, 10, 10));
    events.add(MarkPrice.of(PERP, Bars.START + 3 * 3_600_000L, Bars.price(20)));
    events.add(Bars.bar(PERP, H1, 3, 10, 12, 10, 12));
    List<List<SubmitOrder>> orders = Fixtures.replay(strategy, context, events);
    assertThat(orders.get(3)).isEmpty();
    // The bar's close (12) is the latest price when the decision is made: 10 000 / 12.
    assertThat(orders.get(4).get(0).quantity()).isEqualTo(Quantity.parse("833.333"));
    assertThat(strategy.lastDecision()).containsOnlyKeys(PERP);
  }

  @Test
  void badConstruction() {
    TargetExecutor ex = new TargetExecutor(ExecutionSettings.DEFAULT);
    SignalAggregator agg = SignalAggregator.of(Map.of(TREND, 1.0), 1.0);
    assertThatThrownBy(() -> new SignalStrategy(Map.of(), agg, ex))
        .hasMessageContaining("generators must not be empty");
    SignalGenerator g = new TrendFollowingSignal(TrendFollowingParameters.defaults(PERP, H1));
    assertThatThrownBy(() -> new SignalStrategy(Map.of(MR, g), agg, ex))
        .hasMessageContaining("aggregator has no weight for strategy mr");
    SignalStrategy s = new SignalStrategy(Map.of(TREND, g), agg, ex);
    assertThatThrownBy(() -> s.onMarketEvent(Bars.bar(PERP, H1, 0, 1, 1, 1, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("onStart");
  }
}

package dev.tyche.strategy.regime.detector;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static dev.tyche.strategy.testing.Fixtures.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.market.Bar;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.strategy.TimerId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.allocation.AllocationMatrix;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.allocation.StrategyStyle;
import dev.tyche.strategy.meanreversion.MeanReversionParameters;
import dev.tyche.strategy.meanreversion.MeanReversionSignal;
import dev.tyche.strategy.signal.ExecutionSettings;
import dev.tyche.strategy.signal.NetExposure;
import dev.tyche.strategy.signal.Signal;
import dev.tyche.strategy.signal.SignalAggregator;
import dev.tyche.strategy.signal.SignalGenerator;
import dev.tyche.strategy.signal.SignalStrategy;
import dev.tyche.strategy.signal.TargetExecutor;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.FakeStrategyContext;
import dev.tyche.strategy.testing.Fixtures;
import dev.tyche.strategy.trend.MovingAverageType;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegimeAllocationStrategyTest {

  private static final BarInterval H1 = BarInterval.HOUR_1;
  private static final StrategyId TREND = StrategyId.of("trend");
  private static final StrategyId MR = StrategyId.of("mr");

  private static Map<StrategyStyle, StrategyId> ids() {
    Map<StrategyStyle, StrategyId> ids = new LinkedHashMap<>();
    ids.put(StrategyStyle.TREND_FOLLOWING, TREND);
    ids.put(StrategyStyle.MEAN_REVERSION, MR);
    return ids;
  }

  private static SignalStrategy signals() {
    Map<StrategyId, SignalGenerator> gens = new LinkedHashMap<>();
    gens.put(
        TREND,
        new TrendFollowingSignal(
            new TrendFollowingParameters(PERP, H1, MovingAverageType.EMA, 3, 8, 5, 3.0, true)));
    gens.put(
        MR,
        new MeanReversionSignal(
            new MeanReversionParameters(PERP, H1, 10, 1.5, 5, 35, 65, 0.1, true)));
    return new SignalStrategy(
        gens,
        SignalAggregator.of(Map.of(TREND, 1.0, MR, 0.0), 1.0),
        new TargetExecutor(ExecutionSettings.DEFAULT));
  }

  private static RegimeDetectorConfig config() {
    return Scenarios.small(2, VolatilityFeature.EWMA, FitWindow.EXPANDING, 10);
  }

  @Test
  void theRegimeOfABarWeightsTheSignalsOfThatSameBar() {
    AllocationMatrix<StrategyStyle> matrix = AllocationMatrix.defaults();
    RegimeAllocationStrategy<StrategyStyle> s =
        new RegimeAllocationStrategy<>(
            signals(), new RegimeDetector(config()), PERP, H1, matrix, ids(), 1.0);
    assertThat(s.regime()).isEqualTo(MarketRegime.UNKNOWN);
    assertThat(s.lastEstimate()).isEmpty();
    assertThat(s.delegate().aggregator())
        .isEqualTo(matrix.aggregator(MarketRegime.UNKNOWN, ids(), 1.0));
    FakeStrategyContext context = Fixtures.context();
    s.onStart(context);
    assertThat(context.subscriptions()).contains(Subscription.bars(PERP, H1));

    // An independent detector on the same bars gives the regime each bar must run under.
    RegimeDetector independent = new RegimeDetector(config());
    double[] closes = Scenarios.randomWalk(42, 300);
    List<Bar> bars = Bars.fromCloses(PERP, H1, 0, 0.5, closes);
    MarketRegime previous = MarketRegime.UNKNOWN;
    int checkedSwitches = 0;
    int regimesSeen = 0;
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      context.advanceTo(bar.eventTime());
      // A bar of another instrument reaches the signals but not the detector.
      Bar other = Bars.bar(SPOT, H1, i, 50, 51, 49, 50);
      s.onMarketEvent(other);
      s.onMarketEvent(bar);
      context.fillMarketOrders(s, PERP, bar.close().toDouble());
      MarketRegime expected = independent.update(bar).regime();
      assertThat(s.regime()).as("bar %d", i).isEqualTo(expected);
      assertThat(s.lastEstimate()).contains(independent.lastEstimate().orElseThrow());
      assertThat(s.delegate().aggregator()).isEqualTo(matrix.aggregator(expected, ids(), 1.0));
      NetExposure net = s.delegate().lastDecision().get(PERP);
      if (net != null) {
        for (Signal sig : s.delegate().currentSignals()) {
          StrategyStyle style =
              sig.strategy().equals(TREND)
                  ? StrategyStyle.TREND_FOLLOWING
                  : StrategyStyle.MEAN_REVERSION;
          assertThat(net.contributions().get(sig.strategy()))
              .as("bar %d %s", i, sig.strategy())
              .isCloseTo(matrix.weight(expected, style) * sig.exposure(), within(1e-15));
          if (expected != previous && sig.exposure() != 0.0) {
            checkedSwitches++;
          }
        }
      }
      if (expected != previous) {
        regimesSeen++;
      }
      previous = expected;
    }
    assertThat(regimesSeen).isGreaterThan(2);
    // The same-bar order was checked on bars where the regime switched and a signal was live.
    assertThat(checkedSwitches).isPositive();
    assertThat(s.lastEstimate().orElseThrow().bars()).isEqualTo(300);
    s.onTimer(new TimerEvent(new TimerId(1), "t", 1L, 1L));
    s.onStop();
  }

  @Test
  void rejectsAMatrixThatMissesAGeneratorAndACalendarInterval() {
    Map<StrategyStyle, StrategyId> trendOnly = Map.of(StrategyStyle.TREND_FOLLOWING, TREND);
    AllocationMatrix<StrategyStyle> m = AllocationMatrix.defaults();
    RegimeDetector d = new RegimeDetector(config());
    assertThatThrownBy(
            () -> new RegimeAllocationStrategy<>(signals(), d, PERP, H1, m, trendOnly, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregator has no weight for strategy mr");
    assertThatThrownBy(
            () ->
                new RegimeAllocationStrategy<>(
                    signals(), d, PERP, BarInterval.MONTH_1, m, ids(), 1.0))
        .hasMessageContaining("interval must have a fixed length but was");
    assertThatThrownBy(() -> new RegimeAllocationStrategy<>(null, d, PERP, H1, m, ids(), 1.0))
        .isInstanceOf(NullPointerException.class);
    RegimeAllocationStrategy<StrategyStyle> s =
        new RegimeAllocationStrategy<>(signals(), d, PERP, H1, m, ids(), 1.0);
    assertThatThrownBy(() -> s.onMarketEvent(null)).isInstanceOf(NullPointerException.class);
  }
}

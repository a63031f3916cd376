package dev.tyche.strategy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.strategy.StrategyId;
import dev.tyche.strategy.signal.SignalAggregator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationMatrixTest {

  private static final AllocationMatrix<StrategyStyle> DEFAULTS = AllocationMatrix.defaults();

  @Test
  void defaultTableHasEightValidRows() {
    assertThat(DEFAULTS.weights()).hasSize(8);
    for (MarketRegime r : MarketRegime.values()) {
      assertThat(DEFAULTS.rowSum(r)).as("%s", r).isBetween(0.0, 1.0 + 1e-12);
    }
    assertThat(DEFAULTS.rowSum(MarketRegime.BULL_LOW_VOL)).isCloseTo(1.0, within(1e-12));
    assertThat(DEFAULTS.rowSum(MarketRegime.CRISIS)).isZero();
    assertThat(DEFAULTS.weight(MarketRegime.UNKNOWN, StrategyStyle.MEAN_REVERSION)).isEqualTo(0.1);
  }

  @Test
  void defaultTableFollowsItsStatedReasons() {
    for (MarketRegime r : MarketRegime.values()) {
      Map<StrategyStyle, Double> row = DEFAULTS.row(r);
      if (r.trend() == MarketRegime.Trend.BULL || r.trend() == MarketRegime.Trend.BEAR) {
        assertThat(row.get(StrategyStyle.TREND_FOLLOWING))
            .as("trend following leads in %s", r)
            .isGreaterThan(row.get(StrategyStyle.MEAN_REVERSION));
      }
      if (r.trend() == MarketRegime.Trend.SIDEWAYS) {
        assertThat(row.get(StrategyStyle.MEAN_REVERSION))
            .as("mean reversion leads in %s", r)
            .isGreaterThan(row.get(StrategyStyle.TREND_FOLLOWING));
      }
    }
    for (MarketRegime.Trend t :
        new MarketRegime.Trend[] {
          MarketRegime.Trend.BULL, MarketRegime.Trend.BEAR, MarketRegime.Trend.SIDEWAYS
        }) {
      MarketRegime low = MarketRegime.of(t, MarketRegime.Volatility.LOW);
      MarketRegime high = MarketRegime.of(t, MarketRegime.Volatility.HIGH);
      assertThat(DEFAULTS.rowSum(high))
          .as("%s cut vs %s", high, low)
          .isLessThan(DEFAULTS.rowSum(low));
    }
  }

  @Test
  void regimesDecompose() {
    assertThat(MarketRegime.of(MarketRegime.Trend.BEAR, MarketRegime.Volatility.HIGH))
        .isEqualTo(MarketRegime.BEAR_HIGH_VOL);
    assertThat(MarketRegime.CRISIS.volatility()).isEqualTo(MarketRegime.Volatility.EXTREME);
    assertThat(MarketRegime.UNKNOWN.trend()).isEqualTo(MarketRegime.Trend.UNDEFINED);
    assertThatThrownBy(
            () -> MarketRegime.of(MarketRegime.Trend.UNDEFINED, MarketRegime.Volatility.EXTREME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNDEFINED");
  }

  @Test
  void builderReplacesEntries() {
    AllocationMatrix<StrategyStyle> custom =
        DEFAULTS.toBuilder().set(MarketRegime.CRISIS, StrategyStyle.FUNDING_CARRY, 0.05).build();
    assertThat(custom.weight(MarketRegime.CRISIS, StrategyStyle.FUNDING_CARRY)).isEqualTo(0.05);
    assertThat(custom.row(MarketRegime.BULL_LOW_VOL))
        .isEqualTo(DEFAULTS.row(MarketRegime.BULL_LOW_VOL));
    AllocationMatrix<String> empty = AllocationMatrix.<String>builder().build();
    assertThat(empty.weight(MarketRegime.BULL_LOW_VOL, "anything")).isZero();
  }

  @Test
  void aggregatorForARegime() {
    Map<StrategyStyle, StrategyId> ids = new LinkedHashMap<>();
    ids.put(StrategyStyle.TREND_FOLLOWING, StrategyId.of("trend"));
    ids.put(StrategyStyle.MEAN_REVERSION, StrategyId.of("mr"));
    SignalAggregator agg = DEFAULTS.aggregator(MarketRegime.SIDEWAYS_LOW_VOL, ids, 1.0);
    assertThat(agg.weights())
        .containsExactly(
            Map.entry(StrategyId.of("trend"), 0.05), Map.entry(StrategyId.of("mr"), 0.45));
    Map<StrategyStyle, StrategyId> clash = new LinkedHashMap<>(ids);
    clash.put(StrategyStyle.RANGE_TRADING, StrategyId.of("mr"));
    assertThatThrownBy(() -> DEFAULTS.aggregator(MarketRegime.UNKNOWN, clash, 1.0))
        .hasMessageContaining("ids must be distinct but mr repeats");
  }

  @Test
  void invalidTables() {
    assertThatThrownBy(
            () ->
                AllocationMatrix.<String>builder()
                    .set(MarketRegime.BULL_LOW_VOL, "a", 0.7)
                    .set(MarketRegime.BULL_LOW_VOL, "b", 0.4)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights of BULL_LOW_VOL must sum to <= 1 but summed to 1.1");
    for (double w : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () -> AllocationMatrix.<String>builder().set(MarketRegime.CRISIS, "a", w).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("weight of a in CRISIS must be in [0, 1] but was");
    }
    Map<MarketRegime, Map<String, Double>> missing = new EnumMap<>(MarketRegime.class);
    missing.put(MarketRegime.BULL_LOW_VOL, Map.of());
    assertThatThrownBy(() -> new AllocationMatrix<>(missing)).hasMessageContaining("missing");
    assertThatThrownBy(() -> AllocationMatrix.<String>builder().set(null, "a", 0.1))
        .isInstanceOf(NullPointerException.class);
  }
}

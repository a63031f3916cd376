package dev.tyche.strategy.signal;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static dev.tyche.strategy.testing.Fixtures.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalAggregatorTest {

  private static final StrategyId TREND = StrategyId.of("trend");
  private static final StrategyId MR = StrategyId.of("meanrev");

  private static Map<StrategyId, Double> weights(double trend, double mr) {
    Map<StrategyId, Double> w = new LinkedHashMap<>();
    w.put(TREND, trend);
    w.put(MR, mr);
    return w;
  }

  @Test
  void conflictingSignalsNet() {
    // 0.6 * (+1) + 0.4 * (-1) = 0.2: long trend and short mean reversion partly cancel.
    SignalAggregator agg = SignalAggregator.of(weights(0.6, 0.4), 1.0);
    NetExposure net =
        agg.aggregate(List.of(new Signal(TREND, PERP, 1.0), new Signal(MR, PERP, -1.0))).get(PERP);
    assertThat(net.net()).isCloseTo(0.2, within(1e-15));
    assertThat(net.unclipped()).isEqualTo(net.net());
    assertThat(net.isClipped()).isFalse();
    assertThat(net.contributions()).containsExactly(Map.entry(TREND, 0.6), Map.entry(MR, -0.4));
  }

  @Test
  void clippingScalesContributionsProportionally() {
    // 0.6 + 0.4 = 1.0 clipped to 0.5: shares 0.3 and 0.2.
    SignalAggregator agg = new SignalAggregator(weights(0.6, 0.4), 1.0, Map.of(PERP, 0.5));
    Map<Symbol, NetExposure> out =
        agg.aggregate(
            List.of(
                new Signal(TREND, PERP, 1.0),
                new Signal(MR, PERP, 1.0),
                new Signal(TREND, SPOT, -1.0)));
    NetExposure perp = out.get(PERP);
    assertThat(perp.net()).isEqualTo(0.5);
    assertThat(perp.unclipped()).isCloseTo(1.0, within(1e-15));
    assertThat(perp.isClipped()).isTrue();
    assertThat(perp.contributions().get(TREND)).isCloseTo(0.3, within(1e-15));
    assertThat(perp.contributions().get(MR)).isCloseTo(0.2, within(1e-15));
    // SPOT uses the default limit; a strategy without a signal there has no contribution.
    NetExposure spot = out.get(SPOT);
    assertThat(spot.net()).isEqualTo(-0.6);
    assertThat(spot.contributions()).containsOnlyKeys(TREND);
    assertThat(out.keySet()).containsExactly(SPOT, PERP);
    assertThat(agg.limitFor(SPOT)).isEqualTo(1.0);
  }

  @Test
  void withWeightsKeepsLimits() {
    SignalAggregator agg = new SignalAggregator(weights(0.6, 0.4), 0.8, Map.of(PERP, 0.5));
    SignalAggregator other = agg.withWeights(weights(0.0, 1.0));
    assertThat(other.limits()).isEqualTo(agg.limits());
    assertThat(other.defaultLimit()).isEqualTo(0.8);
    assertThat(other.aggregate(List.of(new Signal(TREND, SPOT, 1.0))).get(SPOT).net())
        .isEqualTo(0.0);
  }

  @Test
  void badInput() {
    SignalAggregator agg = SignalAggregator.of(weights(0.6, 0.4), 1.0);
    assertThatThrownBy(() -> agg.aggregate(List.of(new Signal(StrategyId.of("x"), PERP, 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signal from strategy x which has no weight");
    assertThatThrownBy(
            () -> agg.aggregate(List.of(new Signal(TREND, PERP, 1.0), new Signal(TREND, PERP, 0))))
        .hasMessageContaining("two signals from strategy trend for BTCUSDT_PERP");
    assertThatThrownBy(() -> SignalAggregator.of(Map.of(), 1.0)).hasMessageContaining("empty");
    assertThatThrownBy(() -> SignalAggregator.of(weights(-0.1, 0.4), 1.0))
        .hasMessageContaining("weight of trend must be finite and >= 0 but was -0.1");
    assertThatThrownBy(() -> SignalAggregator.of(weights(Double.NaN, 0.4), 1.0))
        .hasMessageContaining("weight of trend");
    assertThatThrownBy(() -> SignalAggregator.of(weights(0.5, 0.4), 0.0))
        .hasMessageContaining("defaultLimit must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new SignalAggregator(weights(0.5, 0.4), 1.0, Map.of(PERP, -1.0)))
        .hasMessageContaining("limit of BTCUSDT_PERP");
    for (double e : new double[] {1.5, -1.01, Double.NaN, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> new Signal(TREND, PERP, e))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exposure must be finite and in [-1, 1]");
    }
    assertThatThrownBy(() -> new NetExposure(PERP, 0.5, 0.5, Map.of(TREND, 0.4)))
        .hasMessageContaining("contributions must add up to net 0.5 but added up to 0.4");
    assertThatThrownBy(() -> new NetExposure(PERP, 0.5, 0.2, Map.of(TREND, 0.5)))
        .hasMessageContaining("|net| must be <= |unclipped|");
    assertThatThrownBy(() -> new NetExposure(PERP, Double.NaN, 0.2, Map.of()))
        .hasMessageContaining("finite");
  }
}

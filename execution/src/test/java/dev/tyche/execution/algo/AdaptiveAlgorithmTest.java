package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.QUOTES;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.Side;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.LinearImpact;
import org.junit.jupiter.api.Test;

class AdaptiveAlgorithmTest {

  private static AdaptiveAlgorithm adaptive(Side side, AdaptiveConfig config) {
    return new AdaptiveAlgorithm(
        parent(side, "1.000", T0 + MIN, T0 + 5 * MIN), AlgoSettings.market(TRADES, QUOTES), config);
  }

  /** Trades at 30000 each minute plus a quote before each interval. */
  private static Rig run(
      AdaptiveAlgorithm algo, String bid, String bidQty, String ask, String askQty) {
    Rig rig = Rig.scripted(algo);
    for (int i = 0; i <= 5; i++) {
      rig.trade(T0 + i * MIN, "30000.00", "1.000");
      rig.quote(T0 + i * MIN + 1, bid, bidQty, ask, askQty);
    }
    return rig;
  }

  @Test
  void withoutSignalsAndZeroUrgencyItIsATwap() {
    AdaptiveAlgorithm a = adaptive(Side.BUY, AdaptiveConfig.defaults(4));
    run(a, "29999.90", "1.000", "30000.10", "1.000");
    assertThat(Rig.quantities(a.children())).containsExactly("0.250", "0.250", "0.250", "0.250");
    assertThat(a.decisions()).hasSize(4);
    assertThat(a.decisions().get(0).multiplier()).isEqualTo(1.0);
    assertThat(a.state()).isEqualTo(AlgoState.COMPLETED);
  }

  @Test
  void aWideSpreadSlowsItDown() {
    // Spread 20 / 30000 = 6.667 bps against a normal 2 bps: factor 0.3; child 0.25 * 0.3.
    AdaptiveAlgorithm a = adaptive(Side.BUY, AdaptiveConfig.defaults(4));
    run(a, "29990.00", "1.000", "30010.00", "1.000");
    AdaptiveDecision d = a.decisions().get(0);
    assertThat(d.spreadFactor()).isCloseTo(0.3, within(1e-9));
    assertThat(d.child().toString()).isEqualTo("0.075");
    assertThat(a.children().get(0).quantity().toString()).isEqualTo("0.075");
    // The last interval takes all that is left.
    assertThat(a.progress().filled().toString()).isEqualTo("1.000");
  }

  @Test
  void aFavourableImbalanceSpeedsItUpAndAnAdverseOneSlowsItDown() {
    // Bid 3, ask 1: I = 0.5; gain 0.5 -> 1.25 for a buy, 0.75 for a sell.
    AdaptiveAlgorithm buy = adaptive(Side.BUY, AdaptiveConfig.defaults(4));
    run(buy, "29999.90", "3.000", "30000.10", "1.000");
    assertThat(buy.decisions().get(0).imbalanceFactor()).isCloseTo(1.25, within(1e-12));
    assertThat(buy.children().get(0).quantity().toString()).isEqualTo("0.312");
    AdaptiveAlgorithm sell = adaptive(Side.SELL, AdaptiveConfig.defaults(4));
    run(sell, "29999.90", "3.000", "30000.10", "1.000");
    assertThat(sell.decisions().get(0).imbalanceFactor()).isCloseTo(0.75, within(1e-12));
    assertThat(sell.children().get(0).quantity().toString()).isEqualTo("0.187");
  }

  @Test
  void highShortTermVolatilityRaisesTheUrgencyAsInAlmgrenChriss() {
    AdaptiveConfig config = AdaptiveConfig.defaults(4).withUrgency(0.5);
    AdaptiveAlgorithm calm = adaptive(Side.BUY, config);
    run(calm, "29999.90", "1.000", "30000.10", "1.000");
    AdaptiveAlgorithm wild = adaptive(Side.BUY, config);
    Rig rig = Rig.scripted(wild);
    for (int i = 0; i <= 5; i++) {
      rig.trade(T0 + i * MIN, "30000.00", "1.000");
      rig.trade(T0 + i * MIN + 1, "30150.00", "1.000");
      rig.trade(T0 + i * MIN + 2, "30000.00", "1.000");
    }
    assertThat(wild.decisions().get(0).volatilityFactor()).isGreaterThan(1.0);
    assertThat(calm.decisions().get(0).volatilityFactor()).isLessThanOrEqualTo(1.0);
    assertThat(wild.children().get(0).quantity()).isGreaterThan(calm.children().get(0).quantity());
    assertThat(wild.progress().filled().toString()).isEqualTo("1.000");
  }

  @Test
  void frontFractionMatchesTheAlmgrenChrissFirstTrade() {
    AlmgrenChrissParameters p =
        AlmgrenChrissParameters.of(
            Side.SELL, 1e6, 5, 5, 0.95, new LinearImpact(0.0625, 2.5e-6, 2.5e-7));
    for (double lambda : new double[] {1e-8, 1e-6, 2e-6, 1e-5}) {
      double kappa = AlmgrenChriss.kappa(p, lambda) * p.tau();
      double first = AlmgrenChriss.optimalSchedule(p, lambda).trades()[0] / 1e6;
      assertThat(AdaptiveAlgorithm.frontFraction(kappa, 5)).isCloseTo(first, within(1e-12));
    }
    assertThat(AdaptiveAlgorithm.frontFraction(0, 4)).isEqualTo(0.25);
    assertThat(AdaptiveAlgorithm.frontFraction(3, 1)).isEqualTo(1.0);
    assertThat(AdaptiveAlgorithm.frontFraction(800, 10)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> AdaptiveAlgorithm.frontFraction(-1, 3)).hasMessageContaining("kappa");
    assertThatThrownBy(() -> AdaptiveAlgorithm.frontFraction(Double.NaN, 3))
        .hasMessageContaining("kappa");
    assertThatThrownBy(() -> AdaptiveAlgorithm.frontFraction(1, 0))
        .hasMessageContaining("remainingIntervals");
    assertThatThrownBy(() -> AdaptiveConfig.defaults(0)).hasMessageContaining("intervals");
    assertThatThrownBy(() -> AdaptiveConfig.defaults(4).withUrgency(-1))
        .hasMessageContaining("urgency");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 0, 0.5, 0.94, 1e-4, 0.5, 2))
        .hasMessageContaining("normalSpreadBps");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 2, 1, 0.94, 1e-4, 0.5, 2))
        .hasMessageContaining("imbalanceGain");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 2, 0.5, 1, 1e-4, 0.5, 2))
        .hasMessageContaining("volatilityLambda");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 2, 0.5, 0.9, 0, 0.5, 2))
        .hasMessageContaining("baselineVolatility");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 2, 0.5, 0.9, 1e-4, 0, 2))
        .hasMessageContaining("minMultiplier");
    assertThatThrownBy(() -> new AdaptiveConfig(4, 0, 2, 0.5, 0.9, 1e-4, 0.5, 0.9))
        .hasMessageContaining("maxMultiplier");
    assertThatThrownBy(
            () ->
                new AdaptiveAlgorithm(
                    parent(Side.BUY, "1", T0, T0 + 2),
                    AlgoSettings.market(TRADES),
                    AdaptiveConfig.defaults(4)))
        .hasMessageContaining("too short");
  }
}

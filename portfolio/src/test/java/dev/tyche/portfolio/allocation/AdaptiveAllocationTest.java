package dev.tyche.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AdaptiveAllocationTest {

  // Columns: A (Sharpe sqrt 6), B (mean 0), C (losing), D (Sharpe sqrt 3). A leading row that the
  // lookback of 4 must ignore.
  private static final double[][] R = {
    {0.5, 0.5, 0.5, 0.5},
    {0.01, 0.02, -0.01, 0.01},
    {0.02, -0.02, -0.02, 0.03},
    {0.03, 0.02, -0.01, 0.01},
    {0.02, -0.02, -0.02, 0.03}
  };

  @Test
  void sharpeWeightsByHand() {
    AdaptiveWeights w =
        AdaptiveAllocation.weights(
            R, new AdaptiveAllocationConfig(4, PerformanceScore.SHARPE, 0.0, 1.0));
    assertThat(w.scores()[0]).isCloseTo(Math.sqrt(6), within(1e-12));
    assertThat(w.scores()[1]).isEqualTo(0.0);
    assertThat(w.scores()[2]).isEqualTo(0.0);
    assertThat(w.scores()[3]).isCloseTo(Math.sqrt(3), within(1e-12));
    double a = Math.sqrt(2) / (Math.sqrt(2) + 1);
    assertThat(w.weights()).containsExactly(new double[] {a, 0, 0, 1 - a}, within(1e-12));
    assertThat(w.performanceWeights()).containsExactly(w.weights(), within(0.0));
  }

  @Test
  void shrinkageAndCapByHand() {
    double[][] r = new double[4][3];
    for (int t = 0; t < 4; t++) {
      r[t] = new double[] {R[t + 1][0], R[t + 1][1], R[t + 1][2]};
    }
    // Only A scores: performance (1, 0, 0); shrink 0.3 => (0.8, 0.1, 0.1); cap 0.5 hands the
    // excess 0.3 to B and C in proportion (equal) => (0.5, 0.25, 0.25).
    AdaptiveWeights w =
        AdaptiveAllocation.weights(
            r, new AdaptiveAllocationConfig(4, PerformanceScore.SHARPE, 0.3, 0.5));
    assertThat(w.performanceWeights()).containsExactly(new double[] {1, 0, 0}, within(1e-15));
    assertThat(w.weights()).containsExactly(new double[] {0.5, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void capRedistributesProportionallyAndRepeatedly() {
    double[] w = {0.7, 0.2, 0.1};
    AdaptiveAllocation.applyCap(w, 0.5);
    assertThat(w)
        .containsExactly(new double[] {0.5, 0.2 + 0.2 * 2 / 3, 0.1 + 0.2 / 3}, within(1e-15));
    // The redistribution pushes the second above the cap, so a second round is needed.
    double[] v = {0.6, 0.35, 0.05};
    AdaptiveAllocation.applyCap(v, 0.4);
    assertThat(v).containsExactly(new double[] {0.4, 0.4, 0.2}, within(1e-15));
    double[] eq = {0.5, 0.5, 0.0, 0.0};
    AdaptiveAllocation.applyCap(eq, 0.25);
    assertThat(eq).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void returnOverVolatility() {
    AdaptiveWeights w =
        AdaptiveAllocation.weights(
            R, new AdaptiveAllocationConfig(4, PerformanceScore.RETURN_OVER_VOLATILITY, 0, 1));
    double growth = 1.01 * 1.02 * 1.03 * 1.02 - 1;
    double sd = Math.sqrt(2e-4 / 3);
    assertThat(w.scores()[0]).isCloseTo(growth / (sd * 2), within(1e-12));
    assertThat(w.scores()[2]).isEqualTo(0.0);
  }

  @Test
  void nothingPositiveMeansEqualWeights() {
    double[][] r = {{-0.01, 0.0}, {-0.02, 0.0}, {-0.01, 0.0}};
    AdaptiveWeights w =
        AdaptiveAllocation.weights(
            r, new AdaptiveAllocationConfig(3, PerformanceScore.SHARPE, 0, 1));
    assertThat(w.weights()).containsExactly(0.5, 0.5);
  }

  @Test
  void rebalanceRuleBandAndDecision() {
    RebalanceRule rule = new RebalanceRule(10, 0.5, 0.01);
    // c = 0.001, cbrt = 0.1, h = 0.05.
    assertThat(rule.band()).isCloseTo(0.05, within(1e-15));
    assertThat(new RebalanceRule(0, 0.5, 0.01).band()).isEqualTo(0.01);
    RebalanceDecision hold = rule.decide(new double[] {0.52, 0.48}, new double[] {0.5, 0.5});
    assertThat(hold.rebalance()).isFalse();
    assertThat(hold.weightsAfter()).containsExactly(0.52, 0.48);
    assertThat(hold.turnover()).isZero();
    assertThat(hold.estimatedCost()).isZero();
    assertThat(hold.maxDeviation()).isCloseTo(0.02, within(1e-15));
    RebalanceDecision trade =
        rule.decide(new double[] {0.6, 0.3, 0.1}, new double[] {0.5, 0.3, 0.2});
    assertThat(trade.rebalance()).isTrue();
    assertThat(trade.weightsAfter()).containsExactly(0.5, 0.3, 0.2);
    assertThat(trade.turnover()).isCloseTo(0.2, within(1e-15));
    assertThat(trade.estimatedCost()).isCloseTo(0.0002, within(1e-18));
    assertThat(trade.band()).isCloseTo(0.05, within(1e-15));
    assertThat(trade.targetWeights()).containsExactly(0.5, 0.3, 0.2);
    assertThat(trade.currentWeights()).containsExactly(0.6, 0.3, 0.1);
    assertThat(trade)
        .isEqualTo(rule.decide(new double[] {0.6, 0.3, 0.1}, new double[] {0.5, 0.3, 0.2}));
    assertThat(trade.hashCode())
        .isEqualTo(
            rule.decide(new double[] {0.6, 0.3, 0.1}, new double[] {0.5, 0.3, 0.2}).hashCode());
    assertThat(trade.toString()).contains("rebalance=true");
    // Higher costs widen the band: the same drift no longer trades.
    assertThat(
            new RebalanceRule(200, 0.5, 0.01)
                .decide(new double[] {0.6, 0.3, 0.1}, new double[] {0.5, 0.3, 0.2})
                .rebalance())
        .isFalse();
  }

  @Test
  void decideCombinesBoth() {
    RebalanceDecision d =
        AdaptiveAllocation.decide(
            R,
            new double[] {0.25, 0.25, 0.25, 0.25},
            new AdaptiveAllocationConfig(4, PerformanceScore.SHARPE, 0.0, 1.0),
            new RebalanceRule(10, 0.5, 0.0));
    assertThat(d.rebalance()).isTrue();
    assertThat(d.targetWeights()[1]).isZero();
  }

  @Test
  void rejectsBadInput() {
    AdaptiveAllocationConfig cfg = new AdaptiveAllocationConfig(4, PerformanceScore.SHARPE, 0, 1);
    assertThatThrownBy(() -> AdaptiveAllocation.weights(new double[3][2], cfg))
        .hasMessageContaining("at least lookback = 4 rows");
    assertThatThrownBy(
            () -> AdaptiveAllocation.weights(new double[][] {{0}, {0}, {Double.NaN}, {0}}, cfg))
        .hasMessageContaining("returns[2][0]");
    assertThatThrownBy(
            () -> AdaptiveAllocation.weights(new double[][] {{0}, {0}, {-1.0}, {0}}, cfg))
        .hasMessageContaining("> -1");
    assertThatThrownBy(
            () -> AdaptiveAllocation.weights(new double[][] {{0, 1}, {0}, {0, 1}, {0, 1}}, cfg))
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> AdaptiveAllocation.weights(new double[][] {{}, {}, {}, {}}, cfg))
        .hasMessageContaining("at least 1 column");
    assertThatThrownBy(
            () ->
                AdaptiveAllocation.weights(
                    R, new AdaptiveAllocationConfig(4, PerformanceScore.SHARPE, 0, 0.2)))
        .hasMessageContaining("cap must be >= 1/S");
    assertThatThrownBy(() -> new AdaptiveAllocationConfig(1, PerformanceScore.SHARPE, 0, 1))
        .hasMessageContaining("lookback");
    assertThatThrownBy(() -> new AdaptiveAllocationConfig(5, PerformanceScore.SHARPE, 1.1, 1))
        .hasMessageContaining("shrinkage");
    assertThatThrownBy(() -> new AdaptiveAllocationConfig(5, PerformanceScore.SHARPE, 0, 0))
        .hasMessageContaining("cap");
    assertThatThrownBy(() -> new AdaptiveAllocationConfig(5, null, 0, 1))
        .isInstanceOf(NullPointerException.class);
    RebalanceRule rule = new RebalanceRule(10, 0.5, 0.01);
    assertThatThrownBy(() -> rule.decide(new double[] {0.5, 0.6}, new double[] {0.5, 0.5}))
        .hasMessageContaining("currentWeights must sum to 1");
    assertThatThrownBy(() -> rule.decide(new double[] {0.5, 0.5}, new double[] {1.0}))
        .hasMessageContaining("length");
    assertThatThrownBy(() -> rule.decide(new double[] {Double.NaN, 1}, new double[] {0.5, 0.5}))
        .hasMessageContaining("currentWeights[0]");
    assertThatThrownBy(() -> rule.decide(new double[] {-0.5, 1.5}, new double[] {0.5, 0.5}))
        .hasMessageContaining("currentWeights[0]");
    assertThatThrownBy(() -> rule.decide(new double[0], new double[0]))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new RebalanceRule(-1, 0.5, 0)).hasMessageContaining("costBps");
    assertThatThrownBy(() -> new RebalanceRule(1, Double.NaN, 0)).hasMessageContaining("bandScale");
    assertThatThrownBy(() -> new RebalanceRule(1, 0.5, 1)).hasMessageContaining("minBand");
    assertThatThrownBy(
            () -> new AdaptiveWeights(new double[] {1}, new double[] {1}, new double[] {0.5, 0.5}))
        .hasMessageContaining("equal lengths");
  }

  @Property(tries = 300)
  void weightsAreLongOnlyCappedSumToOneAndIgnoreOldRows(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int s,
      @ForAll @IntRange(min = 2, max = 30) int lookback,
      @ForAll @DoubleRange(min = 0, max = 1) double shrinkage,
      @ForAll @DoubleRange(min = 0, max = 1) double capRaw) {
    double cap = 1.0 / s + capRaw * (1 - 1.0 / s);
    SplittableRandom rng = new SplittableRandom(seed);
    int extra = rng.nextInt(10);
    double[][] r = new double[lookback + extra][s];
    for (double[] row : r) {
      for (int j = 0; j < s; j++) {
        row[j] = 0.02 * rng.nextGaussian() + 0.002 * j - 0.005;
      }
    }
    AdaptiveAllocationConfig cfg =
        new AdaptiveAllocationConfig(lookback, PerformanceScore.SHARPE, shrinkage, cap);
    double[] w = AdaptiveAllocation.weights(r, cfg).weights();
    double sum = 0;
    for (double v : w) {
      assertThat(v).isBetween(0.0, cap + 1e-12);
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    // No look-ahead and no dependence on older rows: only the last lookback rows matter.
    double[][] tail = new double[lookback][];
    System.arraycopy(r, extra, tail, 0, lookback);
    assertThat(AdaptiveAllocation.weights(tail, cfg).weights()).containsExactly(w, within(0.0));
  }

  @Property(tries = 300)
  void decisionsAreConsistent(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int s,
      @ForAll @DoubleRange(min = 0, max = 100) double costBps) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] current = randomSimplex(rng, s);
    double[] target = randomSimplex(rng, s);
    RebalanceRule rule = new RebalanceRule(costBps, 0.5, 0.005);
    RebalanceDecision d = rule.decide(current, target);
    double maxGap = 0;
    double turnover = 0;
    for (int i = 0; i < s; i++) {
      maxGap = Math.max(maxGap, Math.abs(target[i] - current[i]));
      turnover += Math.abs(target[i] - current[i]);
    }
    assertThat(d.rebalance()).isEqualTo(maxGap > rule.band());
    assertThat(d.turnover()).isCloseTo(d.rebalance() ? turnover : 0, within(1e-15));
    assertThat(d.weightsAfter()).containsExactly(d.rebalance() ? target : current, within(0.0));
  }

  private static double[] randomSimplex(SplittableRandom rng, int s) {
    double[] w = new double[s];
    double sum = 0;
    for (int i = 0; i < s; i++) {
      w[i] = rng.nextDouble();
      sum += w[i];
    }
    for (int i = 0; i < s; i++) {
      w[i] /= sum;
    }
    return w;
  }
}

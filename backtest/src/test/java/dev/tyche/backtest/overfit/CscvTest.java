package dev.tyche.backtest.overfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.backtest.walkforward.Objective;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CscvTest {

  /** Rows are periods t0..t3, columns strategies n0..n2. */
  private static final double[][] M = {
    {1, 2, 3},
    {2, 0, 1},
    {0, 1, -1},
    {-3, 3, 2},
  };

  @Test
  void fourByThreeWithMeanReturnAndFourBlocksByHand() {
    // One row per block; C(4,2) = 6 combinations in lexicographic order of the IS blocks.
    // IS {0,1}: means (1.5, 1, 2) -> n*=2; OOS {2,3}: (-1.5, 2, 0.5) -> rank 2 of 3, w=0.5, l=0.
    // IS {0,2}: (0.5, 1.5, 1) -> n*=1; OOS {1,3}: (-0.5, 1.5, 1.5) -> ties, rank 2.5, l=ln(5/3).
    // IS {0,3}: (-1, 2.5, 2.5) -> tie, first n*=1; OOS {1,2}: (1, 0.5, 0) -> rank 2, l=0.
    // IS {1,2}: (1, 0.5, 0) -> n*=0; OOS {0,3}: (-1, 2.5, 2.5) -> rank 1, l=ln(1/3).
    // IS {1,3}: (-0.5, 1.5, 1.5) -> n*=1; OOS {0,2}: (0.5, 1.5, 1) -> rank 3, l=ln 3.
    // IS {2,3}: (-1.5, 2, 0.5) -> n*=1; OOS {0,1}: (1.5, 1, 2) -> rank 1, l=ln(1/3).
    CscvResult r = Cscv.run(M, 4, Objective.meanReturn());
    assertThat(r.combinations()).isEqualTo(6);
    assertThat(r.bestStrategy()).containsExactly(2, 1, 1, 0, 1, 1);
    double[] logits = r.logits();
    double[] expected = {
      0, Math.log(5.0 / 3), 0, Math.log(1.0 / 3), Math.log(3), Math.log(1.0 / 3)
    };
    for (int c = 0; c < 6; c++) {
      assertThat(logits[c]).as("c=%d", c).isCloseTo(expected[c], within(1e-15));
    }
    // lambda <= 0 for combinations 1, 3, 4, 6.
    assertThat(r.pbo()).isCloseTo(4.0 / 6, within(1e-15));
    assertThat(r.inSampleBest()).containsExactly(2, 1.5, 2.5, 1, 1.5, 2);
    assertThat(r.outOfSampleOfBest()).containsExactly(0.5, 1.5, 0.5, -1, 1.5, 1);
    // Only combination 4 loses out of sample.
    assertThat(r.probabilityOfLoss()).isCloseTo(1.0 / 6, within(1e-15));
    // OLS by hand: mean x = 1.75, mean y = 2/3, Sxx = 1.375, Sxy = 0.75.
    assertThat(r.degradationSlope()).isCloseTo(6.0 / 11, within(1e-14));
    assertThat(r.degradationIntercept()).isCloseTo(-19.0 / 66, within(1e-14));
    assertThat(r.partitions()).isEqualTo(4);
    assertThat(r.strategies()).isEqualTo(3);
    assertThat(r.observations()).isEqualTo(4);
  }

  @Test
  void fourByThreeWithSharpeAndTwoBlocksByHand() {
    // The Sharpe ratio of two values a, b is (a + b) / (sqrt(2) |a - b|).
    // IS rows {0,1}: (3/sqrt2, 1/sqrt2, 2/sqrt2) -> n*=0; OOS rows {2,3}: (-1/sqrt2, 2/sqrt2,
    // 1/(3 sqrt2)) -> n0 ranks 1 of 3, lambda = ln(1/3).
    // IS rows {2,3} -> n*=1 (2/sqrt2); OOS rows {0,1}: n1 = 1/sqrt2 ranks 1, lambda = ln(1/3).
    double s2 = Math.sqrt(2);
    CscvResult r = Cscv.run(M, 2);
    assertThat(r.bestStrategy()).containsExactly(0, 1);
    assertThat(r.logits())
        .containsExactly(new double[] {Math.log(1.0 / 3), Math.log(1.0 / 3)}, within(1e-15));
    assertThat(r.pbo()).isEqualTo(1.0);
    assertThat(r.inSampleBest()).containsExactly(new double[] {3 / s2, 2 / s2}, within(1e-14));
    assertThat(r.outOfSampleOfBest())
        .containsExactly(new double[] {-1 / s2, 1 / s2}, within(1e-14));
    assertThat(r.probabilityOfLoss()).isEqualTo(0.5);
    assertThat(r.degradationSlope()).isCloseTo(-2.0, within(1e-13));
    assertThat(r.degradationIntercept()).isCloseTo(5 / s2, within(1e-13));
  }

  @Test
  void sharpeFastPathAgreesWithTheGenericObjective() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] m = new double[203][7];
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = 0.01 * random.nextGaussian() + 0.0005 * j;
      }
    }
    Objective generic = x -> Objective.sharpe().score(x);
    CscvResult fast = Cscv.run(m, 8);
    CscvResult slow = Cscv.run(m, 8, generic);
    assertThat(fast.combinations()).isEqualTo(70);
    assertThat(fast.bestStrategy()).containsExactly(slow.bestStrategy());
    assertThat(fast.logits()).containsExactly(slow.logits(), within(1e-12));
    assertThat(fast.inSampleBest()).containsExactly(slow.inSampleBest(), within(1e-12));
    assertThat(fast.outOfSampleOfBest()).containsExactly(slow.outOfSampleOfBest(), within(1e-12));
    assertThat(fast.pbo()).isEqualTo(slow.pbo());
    assertThat(fast).isEqualTo(Cscv.run(m, 8)).hasSameHashCodeAs(Cscv.run(m, 8));
    assertThat(fast.toString()).contains("C=70");
  }

  /** T x N matrix of i.i.d. N(0, 1%) returns plus a per-column drift. */
  private static double[][] simulate(SplittableRandom random, int t, int n, double[] drift) {
    double[][] m = new double[t][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = drift[j] + 0.01 * random.nextGaussian();
      }
    }
    return m;
  }

  @Test
  void pureNoiseGivesPboNearOneHalf() {
    // With N = 10 noise strategies the in-sample best's out-of-sample rank is uniform on 1..10,
    // so P(lambda <= 0) = P(rank <= 5) = 0.5. 200 seeded simulations, S = 8 (70 combinations).
    SplittableRandom random = new SplittableRandom(20_240_601L);
    double sum = 0;
    int sims = 200;
    for (int s = 0; s < sims; s++) {
      sum += Cscv.run(simulate(random, 240, 10, new double[10]), 8).pbo();
    }
    double mean = sum / sims;
    // A single simulation's PBO has a standard deviation of roughly 0.3, so the mean of 200 has
    // about 0.02; 0.08 is four of them.
    assertThat(mean).isCloseTo(0.5, within(0.08));
  }

  @Test
  void oneTrulySuperiorStrategyGivesPboNearZero() {
    // Column 3 earns 0.5% a period on 1% noise (per-period Sharpe 0.5); over 120-row halves its
    // Sharpe estimate has standard error about 0.1, far above the noise columns' maximum.
    SplittableRandom random = new SplittableRandom(99L);
    double[] drift = new double[10];
    drift[3] = 0.005;
    double sum = 0;
    int sims = 50;
    for (int s = 0; s < sims; s++) {
      CscvResult r = Cscv.run(simulate(random, 240, 10, drift), 8);
      sum += r.pbo();
      assertThat(r.probabilityOfLoss()).isEqualTo(0.0);
    }
    assertThat(sum / sims).isLessThan(0.02);
  }

  @Test
  void unevenBlocksAndNaNPerformanceAreHandled() {
    // 5 rows, 2 blocks: rows [0,2) and [2,5). Column 0 is constant -> Sharpe NaN, ranks last.
    double[][] m = {{0.1, 0.01}, {0.1, 0.03}, {0.1, -0.02}, {0.1, 0.04}, {0.1, 0.01}};
    CscvResult r = Cscv.run(m, 2, x -> Objective.sharpe().score(x));
    assertThat(r.bestStrategy()).containsExactly(1, 1);
    // n*=1 is the only non-NaN OOS value -> rank 2 of 2 -> omega 2/3, lambda ln 2 > 0.
    assertThat(r.logits()).containsExactly(new double[] {Math.log(2), Math.log(2)}, within(1e-15));
    assertThat(r.pbo()).isZero();
    // All-NaN column pair: both NaN -> n*=0, ties at rank 1.5 -> omega 0.5, lambda 0.
    double[][] flat = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
    CscvResult f = Cscv.run(flat, 2);
    assertThat(f.logits()).containsExactly(0.0, 0.0);
    assertThat(f.pbo()).isEqualTo(1.0);
    assertThat(f.degradationSlope()).isNaN();
    assertThat(f.degradationIntercept()).isNaN();
  }

  @Test
  void binomialCoefficients() {
    assertThat(Cscv.binomial(16, 8)).isEqualTo(12_870);
    assertThat(Cscv.binomial(24, 12)).isEqualTo(2_704_156);
    assertThat(Cscv.binomial(4, 2)).isEqualTo(6);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> Cscv.run(M, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions must be even and in [2, 24] but was 3");
    assertThatThrownBy(() -> Cscv.run(M, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cscv.run(new double[60][2], 26))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cscv.run(M, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 8 rows for 4 partitions but had 4");
    assertThatThrownBy(() -> Cscv.run(new double[][] {{1}, {2}, {3}, {4}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 columns");
    assertThatThrownBy(() -> Cscv.run(new double[][] {{1, 2}, {2, 3}, {3}, {4, 5}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> Cscv.run(new double[][] {{1, 2}, {2, Double.NaN}, {3, 1}, {4, 5}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns[1][1] must be finite but was NaN");
    assertThatThrownBy(
            () ->
                Cscv.run(new double[][] {{1, 2}, {2, Double.NEGATIVE_INFINITY}, {3, 1}, {4, 5}}, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cscv.run(null, 2)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Cscv.run(M, 2, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new CscvResult(
                    2, 2, 4, 1.5, new double[1], new double[1], new double[1], new int[1], 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pbo");
    assertThatThrownBy(
            () ->
                new CscvResult(
                    2, 2, 4, 0.5, new double[2], new double[1], new double[1], new int[1], 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.tyche.portfolio.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExpectedReturnsTest {

  // 10 periods, 3 assets with clearly different means (0.05, 0.006, -0.017).
  private static final double[][] R = {
    {0.05, 0.01, -0.02},
    {0.04, 0.00, -0.01},
    {0.06, 0.02, -0.03},
    {0.05, -0.01, -0.02},
    {0.03, 0.01, 0.00},
    {0.07, 0.00, -0.02},
    {0.04, 0.02, -0.01},
    {0.05, 0.01, -0.03},
    {0.06, -0.01, -0.02},
    {0.05, 0.01, -0.01}
  };

  @Test
  void historicalMeanByHand() {
    double[] mu = ExpectedReturns.historicalMean(new double[][] {{1, 2}, {3, -2}, {5, 3}});
    assertThat(mu[0]).isCloseTo(3.0, within(1e-15));
    assertThat(mu[1]).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void ewmaMeanByHand() {
    // Newest first with weights 1, 0.5, 0.25: (4 + 0.5 * 2 + 0.25 * 1) / 1.75 = 3.
    double[] mu = ExpectedReturns.ewmaMean(new double[][] {{1}, {2}, {4}}, 0.5);
    assertThat(mu[0]).isCloseTo(3.0, within(1e-15));
    // lambda = 1 is the plain mean.
    assertThat(ExpectedReturns.ewmaMean(R, 1.0))
        .containsExactly(ExpectedReturns.historicalMean(R), within(1e-15));
    // A constant series has that constant as its mean.
    assertThat(ExpectedReturns.ewmaMean(new double[][] {{0.1}, {0.1}, {0.1}}, 0.3)[0])
        .isCloseTo(0.1, within(1e-16));
  }

  @Test
  void halfLife() {
    assertThat(ExpectedReturns.lambdaForHalfLife(1)).isEqualTo(0.5);
    double lambda = ExpectedReturns.lambdaForHalfLife(30);
    assertThat(Math.pow(lambda, 30)).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void jamesSteinTowardGrandMeanMatchesIndependentComputation() {
    // Reference: numpy 2.4 implementation of the documented formula (divisor T-1 covariance,
    // Sigma = S (T-1)/(T-N-2), phi = (N+2)/((N+2) + T d' Sigma^-1 d)).
    ShrunkMeans s = ExpectedReturns.jamesStein(R, MeanShrinkageTarget.GRAND_MEAN);
    assertThat(s.target()).isCloseTo(0.013, within(1e-15));
    assertThat(s.intensity()).isCloseTo(0.07050697797687153, within(1e-12));
    assertThat(s.means())
        .containsExactly(
            new double[] {0.04739124181485575, 0.006493548845838101, -0.014884790660693856},
            within(1e-13));
    assertThat(s.sampleMeans()).containsExactly(new double[] {0.05, 0.006, -0.017}, within(1e-15));
    assertThat(s.targetKind()).isEqualTo(MeanShrinkageTarget.GRAND_MEAN);
  }

  @Test
  void bayesSteinTowardMinimumVarianceMean() {
    ShrunkMeans s = ExpectedReturns.jamesStein(R, MeanShrinkageTarget.MINIMUM_VARIANCE_MEAN);
    assertThat(s.target()).isCloseTo(0.012596719932716565, within(1e-13));
    assertThat(s.intensity()).isCloseTo(0.07059522042452132, within(1e-12));
    assertThat(s.means())
        .containsExactly(
            new double[] {0.04735950719905003, 0.0064656968977289606, -0.014910613032507052},
            within(1e-13));
  }

  @Test
  void equalMeansAreFullyShrunk() {
    double[][] r = {{0.01, 0.03}, {0.03, 0.01}, {0.02, 0.0}, {0.0, 0.02}, {0.02, 0.02}};
    ShrunkMeans s = ExpectedReturns.jamesStein(r, MeanShrinkageTarget.GRAND_MEAN);
    assertThat(s.intensity()).isEqualTo(1.0);
    assertThat(s.means()).containsExactly(new double[] {0.016, 0.016}, within(1e-15));
  }

  @Property(tries = 300)
  void intensityIsInUnitIntervalAndMeansMoveTowardTarget(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    int t = n + 3 + rng.nextInt(60);
    double[][] r = new double[t][n];
    for (int j = 0; j < n; j++) {
      double drift = 0.02 * rng.nextGaussian();
      double vol = 0.005 + 0.05 * rng.nextDouble();
      for (int k = 0; k < t; k++) {
        r[k][j] = drift + vol * rng.nextGaussian();
      }
    }
    for (MeanShrinkageTarget target : MeanShrinkageTarget.values()) {
      ShrunkMeans s = ExpectedReturns.jamesStein(r, target);
      assertThat(s.intensity()).isBetween(0.0, 1.0);
      for (int j = 0; j < n; j++) {
        double lo = Math.min(s.sampleMeans()[j], s.target());
        double hi = Math.max(s.sampleMeans()[j], s.target());
        assertThat(s.means()[j]).isBetween(lo - 1e-15, hi + 1e-15);
        assertThat(s.means()[j])
            .isCloseTo(
                (1 - s.intensity()) * s.sampleMeans()[j] + s.intensity() * s.target(),
                within(1e-15));
      }
    }
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> ExpectedReturns.historicalMean(new double[][] {{1, Double.NaN}}))
        .hasMessageContaining("returns[0][1] must be finite");
    assertThatThrownBy(() -> ExpectedReturns.historicalMean(new double[][] {{1, 2}, {3}}))
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> ExpectedReturns.historicalMean(new double[0][]))
        .hasMessageContaining("at least 1 rows");
    assertThatThrownBy(() -> ExpectedReturns.historicalMean(new double[][] {{}}))
        .hasMessageContaining("at least 1 column");
    assertThatThrownBy(() -> ExpectedReturns.ewmaMean(R, 0.0)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> ExpectedReturns.ewmaMean(R, 1.5)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> ExpectedReturns.ewmaMean(R, Double.NaN))
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> ExpectedReturns.lambdaForHalfLife(0)).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> ExpectedReturns.lambdaForHalfLife(Double.POSITIVE_INFINITY))
        .hasMessageContaining("halfLife");
    assertThatThrownBy(
            () ->
                ExpectedReturns.jamesStein(
                    new double[][] {{1, 2}, {2, 1}, {3, 3}, {0, 1}},
                    MeanShrinkageTarget.GRAND_MEAN))
        .hasMessageContaining("more than N + 2 = 4 rows");
    double[][] constant = {{0.01, 0.02}, {0.01, 0.03}, {0.01, 0.0}, {0.01, 0.01}, {0.01, 0.02}};
    assertThatThrownBy(() -> ExpectedReturns.jamesStein(constant, MeanShrinkageTarget.GRAND_MEAN))
        .hasMessageContaining("positive definite");
    assertThatThrownBy(() -> ExpectedReturns.jamesStein(R, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void shrunkMeansRecordValidatesAndCopies() {
    double[] m = {0.1, 0.2};
    ShrunkMeans s = new ShrunkMeans(m, m, 0.15, MeanShrinkageTarget.GRAND_MEAN, 0.0);
    m[0] = 9;
    assertThat(s.means()[0]).isEqualTo(0.1);
    assertThat(s)
        .isEqualTo(
            new ShrunkMeans(
                new double[] {0.1, 0.2},
                new double[] {0.1, 0.2},
                0.15,
                MeanShrinkageTarget.GRAND_MEAN,
                0.0))
        .hasSameHashCodeAs(
            new ShrunkMeans(
                new double[] {0.1, 0.2},
                new double[] {0.1, 0.2},
                0.15,
                MeanShrinkageTarget.GRAND_MEAN,
                0.0));
    assertThat(s.toString()).contains("intensity=0.0");
    double[] two = {0.1, 0.2};
    assertThatThrownBy(() -> new ShrunkMeans(two, two, 0.1, MeanShrinkageTarget.GRAND_MEAN, 1.5))
        .hasMessageContaining("intensity must be in [0, 1]");
    assertThatThrownBy(
            () -> new ShrunkMeans(two, new double[] {1}, 0.1, MeanShrinkageTarget.GRAND_MEAN, 0.5))
        .hasMessageContaining("length");
    assertThatThrownBy(
            () -> new ShrunkMeans(two, two, Double.NaN, MeanShrinkageTarget.GRAND_MEAN, 0.5))
        .hasMessageContaining("target must be finite");
  }
}

package dev.tyche.risk.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LedoitWolfTest {

  private static final double[][] R = {
    {0.01, 0.02, -0.01},
    {-0.02, 0.01, 0.00},
    {0.03, -0.01, 0.02},
    {0.00, 0.02, 0.01},
    {-0.01, -0.03, -0.02},
    {0.02, 0.01, 0.03}
  };

  @Test
  void identityShrinkageMixesSampleAndScaledIdentity() {
    ShrunkCovariance a = LedoitWolf.scaledIdentity(R);
    assertThat(a.target()).isEqualTo(ShrinkageTarget.SCALED_IDENTITY);
    double[][] s = CovarianceEstimators.sample(R, 0);
    assertThat(a.sampleCovariance()).isDeepEqualTo(s);
    double mu = (s[0][0] + s[1][1] + s[2][2]) / 3;
    double d = a.shrinkage();
    assertThat(d).isBetween(0.0, 1.0);
    double[][] sigma = a.covariance();
    assertThat(sigma[0][1]).isCloseTo((1 - d) * s[0][1], within(1e-18));
    assertThat(sigma[2][2]).isCloseTo((1 - d) * s[2][2] + d * mu, within(1e-18));
    assertThat(a.targetMatrix()[1][1]).isCloseTo(mu, within(1e-18));
    assertThat(a.targetMatrix()[0][1]).isZero();
  }

  @Test
  void oneAssetIsNotShrunk() {
    ShrunkCovariance a = LedoitWolf.scaledIdentity(new double[][] {{0.01}, {0.03}, {-0.02}});
    assertThat(a.shrinkage()).isZero();
    assertThat(a.covariance()).isDeepEqualTo(a.sampleCovariance());
  }

  @Test
  void constantCorrelationTargetKeepsVariancesAndUsesMeanCorrelation() {
    ConstantCorrelationShrinkage a = LedoitWolf.constantCorrelation(R);
    double[][] s = CovarianceEstimators.sample(R, 0);
    double[][] c = CovarianceEstimators.correlation(s);
    double rbar = (c[0][1] + c[0][2] + c[1][2]) / 3;
    assertThat(a.meanCorrelation()).isCloseTo(rbar, within(1e-14));
    double[][] f = a.estimate().targetMatrix();
    assertThat(f[1][1]).isEqualTo(s[1][1]);
    assertThat(f[0][2]).isCloseTo(rbar * Math.sqrt(s[0][0] * s[2][2]), within(1e-18));
    assertThat(a.shrinkage()).isBetween(0.0, 1.0);
    assertThat(a.variant()).isEqualTo(ConstantCorrelationVariant.PAPER);
    // The shrunk matrix is the stated convex combination.
    double d = a.shrinkage();
    assertThat(a.covariance()[0][2]).isCloseTo(d * f[0][2] + (1 - d) * s[0][2], within(1e-18));
  }

  @Test
  void pyPortfolioOptVariantUsesTheUnbiasedCovariance() {
    ConstantCorrelationShrinkage v =
        LedoitWolf.constantCorrelation(R, ConstantCorrelationVariant.PYPORTFOLIOOPT_1_5_6);
    assertThat(v.estimate().sampleCovariance()).isDeepEqualTo(CovarianceEstimators.sample(R, 1));
    ConstantCorrelationShrinkage paper = LedoitWolf.constantCorrelation(R);
    // Same correlations, hence the same mean correlation; larger (T-1) variances.
    assertThat(v.meanCorrelation()).isCloseTo(paper.meanCorrelation(), within(1e-14));
    assertThat(v.covariance()[0][0]).isCloseTo(paper.covariance()[0][0] * 6 / 5, within(1e-18));
    assertThat(v.kappaHat()).isNotEqualTo(paper.kappaHat());
  }

  @Test
  void equalCorrelationsNeedNoShrinkage() {
    // Two assets: the single correlation is its own mean, so F = S and gamma = 0.
    double[][] two = {{0.01, 0.02}, {-0.02, 0.01}, {0.03, -0.01}};
    ConstantCorrelationShrinkage a = LedoitWolf.constantCorrelation(two);
    assertThat(a.gammaHat()).isLessThan(1e-30);
    assertThat(a.covariance()[0][1])
        .isCloseTo(CovarianceEstimators.sample(two, 0)[0][1], within(1e-15));
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> LedoitWolf.constantCorrelation(new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 columns");
    assertThatThrownBy(() -> LedoitWolf.constantCorrelation(new double[][] {{1, 1}, {2, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 1 must have a variance > 0");
    assertThatThrownBy(() -> LedoitWolf.constantCorrelation(new double[][] {{1, 2}, {2}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LedoitWolf.constantCorrelation(R, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultRecordsValidateAndCopy() {
    double[][] m = {{1.0}};
    assertThatThrownBy(() -> new ShrunkCovariance(ShrinkageTarget.SCALED_IDENTITY, 1.5, m, m, m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shrinkage must be in [0, 1] but was 1.5");
    assertThatThrownBy(
            () ->
                new ShrunkCovariance(
                    ShrinkageTarget.SCALED_IDENTITY, 0.5, m, new double[][] {{1, 0}, {0, 1}}, m))
        .isInstanceOf(IllegalArgumentException.class);
    ShrunkCovariance a = new ShrunkCovariance(ShrinkageTarget.SCALED_IDENTITY, 0.5, m, m, m);
    m[0][0] = 7.0;
    assertThat(a.covariance()[0][0]).isEqualTo(1.0);
    a.covariance()[0][0] = 9.0;
    assertThat(a.covariance()[0][0]).isEqualTo(1.0);
    ShrunkCovariance b =
        new ShrunkCovariance(
            ShrinkageTarget.SCALED_IDENTITY,
            0.5,
            new double[][] {{1.0}},
            new double[][] {{1.0}},
            new double[][] {{1.0}});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("shrinkage=0.5");
    assertThatThrownBy(
            () ->
                new ConstantCorrelationShrinkage(
                    a, ConstantCorrelationVariant.PAPER, 0.5, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONSTANT_CORRELATION");
    ShrunkCovariance cc = new ShrunkCovariance(ShrinkageTarget.CONSTANT_CORRELATION, 0.5, m, m, m);
    assertThatThrownBy(
            () ->
                new ConstantCorrelationShrinkage(
                    cc, ConstantCorrelationVariant.PAPER, 0.5, 1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kappaHat must be NaN exactly when gammaHat is 0");
    assertThatThrownBy(
            () ->
                new ConstantCorrelationShrinkage(
                    cc, ConstantCorrelationVariant.PAPER, 2.0, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ConstantCorrelationShrinkage(
                    cc, ConstantCorrelationVariant.PAPER, 0.5, Double.NaN, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ConstantCorrelationShrinkage(
                    cc, ConstantCorrelationVariant.PAPER, 0.5, 1, 1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

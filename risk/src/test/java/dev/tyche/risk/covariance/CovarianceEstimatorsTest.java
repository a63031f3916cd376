package dev.tyche.risk.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CovarianceEstimatorsTest {

  // Hand-computed: means (2, 4); deviations (-1,-2), (0,1), (1,1); sums of products:
  // xx = 2, xy = 3, yy = 6.
  private static final double[][] X = {{1, 2}, {2, 5}, {3, 5}};

  @Test
  void sampleCovarianceWithExplicitDivisor() {
    double[][] s1 = CovarianceEstimators.sample(X, 1);
    assertThat(s1[0]).containsExactly(1.0, 1.5);
    assertThat(s1[1]).containsExactly(1.5, 3.0);
    double[][] s0 = CovarianceEstimators.sample(X, 0);
    assertThat(s0[0][0]).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(s0[0][1]).isCloseTo(1.0, within(1e-15));
    assertThat(s0[1][1]).isCloseTo(2.0, within(1e-15));
    assertThat(CovarianceEstimators.columnMeans(X)).containsExactly(2.0, 4.0);
  }

  @Test
  void ewmaFollowsTheStatedSeedAndRecursion() {
    double[][] r = {{0.01, 0.02}, {-0.02, 0.01}, {0.03, -0.01}};
    double lambda = 0.9;
    // Seed with the first row only, then two updates.
    double[][] s = CovarianceEstimators.ewma(r, lambda, 1);
    double e00 = 0.01 * 0.01;
    e00 = lambda * e00 + (1 - lambda) * 0.02 * 0.02;
    e00 = lambda * e00 + (1 - lambda) * 0.03 * 0.03;
    double e01 = 0.01 * 0.02;
    e01 = lambda * e01 + (1 - lambda) * (-0.02 * 0.01);
    e01 = lambda * e01 + (1 - lambda) * (0.03 * -0.01);
    assertThat(s[0][0]).isCloseTo(e00, within(1e-18));
    assertThat(s[0][1]).isCloseTo(e01, within(1e-18));
    assertThat(s[1][0]).isEqualTo(s[0][1]);
    // Seeding with every row is the zero-mean second moment.
    double[][] all = CovarianceEstimators.ewma(r, lambda, 3);
    assertThat(all[1][1]).isCloseTo((0.0004 + 0.0001 + 0.0001) / 3, within(1e-18));
  }

  @Test
  void correlationHasUnitDiagonal() {
    double[][] c = CovarianceEstimators.correlation(new double[][] {{4, 2}, {2, 9}});
    assertThat(c[0][0]).isEqualTo(1.0);
    assertThat(c[1][1]).isEqualTo(1.0);
    assertThat(c[0][1]).isCloseTo(2.0 / 6.0, within(1e-15));
    assertThat(c[1][0]).isEqualTo(c[0][1]);
  }

  @Test
  void badReturnsAreRejected() {
    assertThatThrownBy(() -> CovarianceEstimators.sample(new double[][] {{1, 2}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 rows");
    assertThatThrownBy(() -> CovarianceEstimators.sample(new double[][] {{1, 2}, {3}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rectangular");
    assertThatThrownBy(
            () -> CovarianceEstimators.sample(new double[][] {{1, Double.NaN}, {3, 4}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns[0][1] must be finite but was NaN");
    assertThatThrownBy(
            () ->
                CovarianceEstimators.sample(
                    new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 4}}, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CovarianceEstimators.sample(new double[][] {{}, {}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 column");
    assertThatThrownBy(() -> CovarianceEstimators.sample(null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CovarianceEstimators.sample(X, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ddof must be 0 or 1 but was 2");
    assertThatThrownBy(() -> CovarianceEstimators.ewma(X, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> CovarianceEstimators.ewma(X, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CovarianceEstimators.ewma(X, 0.94, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seedRows must be in [1, 3]");
    assertThatThrownBy(() -> CovarianceEstimators.ewma(X, 0.94, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LedoitWolf.scaledIdentity(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badCovarianceIsRejected() {
    assertThatThrownBy(() -> CovarianceEstimators.correlation(new double[][] {{0, 0}, {0, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be > 0 but was 0.0");
    assertThatThrownBy(() -> CovarianceEstimators.correlation(new double[][] {{1, 0.5}, {0.4, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symmetric");
    assertThatThrownBy(() -> CovarianceEstimators.correlation(new double[][] {{1, 0.5}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("square");
    assertThatThrownBy(() -> CovarianceEstimators.correlation(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CovarianceEstimators.correlation(new double[][] {{1, Double.NaN}, {0, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }
}

package dev.tyche.risk.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CovarianceRepairTest {

  // A "correlation" matrix that no three variables can have: eigenvalues include about -0.8.
  private static final double[][] INDEFINITE = {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};

  @Test
  void positiveDefinitenessCheck() {
    assertThat(CovarianceRepair.isPositiveDefinite(new double[][] {{2, 1}, {1, 2}})).isTrue();
    assertThat(CovarianceRepair.isPositiveDefinite(INDEFINITE)).isFalse();
    // Singular (semi-definite) is not positive definite.
    assertThat(CovarianceRepair.isPositiveDefinite(new double[][] {{1, 1}, {1, 1}})).isFalse();
    // Not symmetric.
    assertThat(CovarianceRepair.isPositiveDefinite(new double[][] {{2, 1}, {0, 2}})).isFalse();
    assertThatThrownBy(() -> CovarianceRepair.isPositiveDefinite(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clippingRepairsAndKeepsTheDiagonal() {
    double[][] scaled = new double[3][3];
    double[] sd = {0.1, 0.2, 0.5};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        scaled[i][j] = INDEFINITE[i][j] * sd[i] * sd[j];
      }
    }
    RepairedCovariance r = CovarianceRepair.clipEigenvalues(scaled, 1e-6);
    assertThat(r.changed()).isTrue();
    assertThat(r.clippedEigenvalues()).isEqualTo(1);
    assertThat(r.minEigenvalueBefore()).isNegative();
    double[][] m = r.matrix();
    assertThat(CovarianceRepair.isPositiveDefinite(m)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(m[i][i]).isEqualTo(scaled[i][i]);
    }
    assertThat(r.toString()).contains("changed=true");
  }

  @Test
  void positiveDefiniteInputIsReturnedUnchanged() {
    double[][] pd = {{2, 1}, {1, 2}};
    RepairedCovariance r = CovarianceRepair.clipEigenvalues(pd, 1e-8);
    assertThat(r.changed()).isFalse();
    assertThat(r.matrix()).isDeepEqualTo(pd);
    assertThat(r.minEigenvalueBefore())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r).isEqualTo(CovarianceRepair.clipEigenvalues(pd, 1e-8));
    assertThat(r.hashCode()).isEqualTo(CovarianceRepair.clipEigenvalues(pd, 1e-8).hashCode());
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> CovarianceRepair.clipEigenvalues(INDEFINITE, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("floor must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> CovarianceRepair.clipEigenvalues(INDEFINITE, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CovarianceRepair.clipEigenvalues(new double[][] {{1, 0}, {0, -1}}, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be > 0");
    assertThatThrownBy(
            () ->
                CovarianceRepair.clipEigenvalues(
                    new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new RepairedCovariance(new double[][] {{1}}, true, 1, 0, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changed must be true exactly when");
    assertThatThrownBy(() -> new RepairedCovariance(new double[][] {{1}}, true, 1, 2, 1e-8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RepairedCovariance(new double[][] {{1}}, false, 1, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

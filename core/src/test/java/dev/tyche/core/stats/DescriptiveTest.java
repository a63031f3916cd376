package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DescriptiveTest {

  // Reference values computed with numpy 2.4.6 / scipy 1.17.1 (np.var(ddof=...),
  // scipy.stats.skew/kurtosis(bias=True/False), np.cov, scipy.stats.pearsonr).
  private static final double[] X = {2.0, -1.5, 3.25, 0.5, 7.0, -4.0, 1.0};
  private static final double[] Y = {1.0, 0.5, 2.0, 2.5, 4.0, -1.0, 0.0};
  private static final Offset<Double> TIGHT = within(1e-13);

  @Test
  void momentsMatchNumpyAndScipy() {
    assertThat(Descriptive.mean(X)).isCloseTo(1.1785714285714286, TIGHT);
    assertThat(Descriptive.sum(X)).isEqualTo(8.25);
    assertThat(Descriptive.sampleVariance(X)).isCloseTo(12.223214285714286, TIGHT);
    assertThat(Descriptive.populationVariance(X)).isCloseTo(10.477040816326532, TIGHT);
    assertThat(Descriptive.sampleStandardDeviation(X))
        .isCloseTo(Math.sqrt(12.223214285714286), TIGHT);
    assertThat(Descriptive.populationStandardDeviation(X))
        .isCloseTo(Math.sqrt(10.477040816326532), TIGHT);
    assertThat(Descriptive.populationSkewness(X)).isCloseTo(0.20351563742528547, TIGHT);
    assertThat(Descriptive.sampleSkewness(X)).isCloseTo(0.2637864148448931, TIGHT);
    assertThat(Descriptive.populationExcessKurtosis(X)).isCloseTo(-0.47753732648013436, TIGHT);
    assertThat(Descriptive.sampleExcessKurtosis(X)).isCloseTo(0.6539104164476783, TIGHT);
    assertThat(Descriptive.min(X)).isEqualTo(-4.0);
    assertThat(Descriptive.max(X)).isEqualTo(7.0);
  }

  @Test
  void covarianceAndCorrelationMatchNumpy() {
    assertThat(Descriptive.sampleCovariance(X, Y)).isCloseTo(5.065476190476191, TIGHT);
    assertThat(Descriptive.populationCovariance(X, Y)).isCloseTo(4.341836734693878, TIGHT);
    assertThat(Descriptive.correlation(X, Y)).isCloseTo(0.8625673907099517, TIGHT);
    assertThat(Descriptive.correlation(X, X)).isEqualTo(1.0);
  }

  @Test
  void constantDataHasZeroVarianceAndUndefinedShape() {
    double[] c = {0.1, 0.1, 0.1, 0.1, 0.1};
    assertThat(Descriptive.sampleVariance(c)).isZero();
    assertThat(Descriptive.populationVariance(c)).isZero();
    assertThat(Descriptive.populationSkewness(c)).isNaN();
    assertThat(Descriptive.populationExcessKurtosis(c)).isNaN();
    assertThat(Descriptive.sampleSkewness(c)).isNaN();
    assertThat(Descriptive.sampleExcessKurtosis(c)).isNaN();
    assertThat(Descriptive.correlation(new double[] {1, 2, 3, 4, 5}, c)).isNaN();
  }

  @Test
  void largeOffsetDoesNotDestroyVariance() {
    // A naive sum-of-squares formula loses every digit here; the two-pass one keeps them.
    double[] x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    assertThat(Descriptive.sampleVariance(x)).isEqualTo(30.0);
    assertThat(Descriptive.mean(x)).isEqualTo(1e9 + 10);
  }

  @Test
  void rejectsBadInputNamingIndexAndValue() {
    assertThatThrownBy(() -> Descriptive.mean(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Descriptive.mean(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x[1]")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Descriptive.sum(new double[] {Double.NEGATIVE_INFINITY}))
        .hasMessageContaining("x[0]")
        .hasMessageContaining("-Infinity");
    assertThatThrownBy(() -> Descriptive.sampleVariance(new double[] {1}))
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> Descriptive.sampleSkewness(new double[] {1, 2}))
        .hasMessageContaining("at least 3");
    assertThatThrownBy(() -> Descriptive.sampleExcessKurtosis(new double[] {1, 2, 3}))
        .hasMessageContaining("at least 4");
    assertThatThrownBy(() -> Descriptive.mean(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("x");
    assertThatThrownBy(() -> Descriptive.sampleCovariance(new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("same length");
    assertThatThrownBy(
            () -> Descriptive.populationCovariance(new double[] {1}, new double[] {Double.NaN}))
        .hasMessageContaining("y[0]");
    assertThatThrownBy(() -> Descriptive.min(new double[0])).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Descriptive.max(new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageContaining("Infinity");
  }
}

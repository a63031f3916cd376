package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RollingTest {

  private static final double[] X = {1, 3, 2, 5, 4, 4, 10};

  @Test
  void staticRollingByHandAlignedToWindowEnd() {
    assertThat(Rolling.sum(X, 3)).containsExactly(Double.NaN, Double.NaN, 6, 10, 11, 13, 18);
    assertThat(Rolling.mean(X, 3))
        .containsExactly(
            new double[] {Double.NaN, Double.NaN, 2, 10.0 / 3, 11.0 / 3, 13.0 / 3, 6},
            within(1e-15));
    assertThat(Rolling.min(X, 3)).containsExactly(Double.NaN, Double.NaN, 1, 2, 2, 4, 4);
    assertThat(Rolling.max(X, 3)).containsExactly(Double.NaN, Double.NaN, 3, 5, 5, 5, 10);
    // Window {4, 4, 10}: mean 6, squared deviations 4 + 4 + 16 = 24.
    double[] sd = Rolling.sampleStandardDeviation(X, 3);
    assertThat(sd[6]).isCloseTo(Math.sqrt(12), within(1e-14));
    assertThat(sd[2]).isCloseTo(1.0, within(1e-15));
    double[] psd = Rolling.populationStandardDeviation(X, 3);
    assertThat(psd[6]).isCloseTo(Math.sqrt(8), within(1e-14));
    assertThat(psd[0]).isNaN();
    assertThat(Rolling.mean(X, 1)).containsExactly(X);
    assertThat(Rolling.max(X, X.length)[X.length - 1]).isEqualTo(10);
  }

  @Test
  void windowOfEqualValuesAfterAnOutlierHasZeroSd() {
    double[] x = {1e8, 0.1, 0.1, 0.1, 0.1};
    assertThat(Rolling.sampleStandardDeviation(x, 3)[4]).isZero();
    assertThat(Rolling.sampleStandardDeviation(x, 3)[3]).isZero();
  }

  @Test
  void rejectsBadWindows() {
    assertThatThrownBy(() -> Rolling.mean(X, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w must be in [1, x.length = 7] but was 8");
    assertThatThrownBy(() -> Rolling.sum(X, 0)).hasMessageContaining("but was 0");
    assertThatThrownBy(() -> Rolling.min(X, -1)).hasMessageContaining("but was -1");
    assertThatThrownBy(() -> Rolling.sampleStandardDeviation(X, 1))
        .hasMessageContaining("w must be in [2");
    assertThatThrownBy(() -> Rolling.max(new double[0], 1)).hasMessageContaining("x.length = 0");
    assertThatThrownBy(() -> Rolling.max(new double[] {1, Double.NaN}, 1))
        .hasMessageContaining("x[1]");
    assertThatThrownBy(() -> Rolling.populationStandardDeviation(null, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void streamingWindowFillsThenSlides() {
    RollingWindow w = new RollingWindow(3);
    assertThat(w.capacity()).isEqualTo(3);
    assertThat(w.isReady()).isFalse();
    assertThat(w.sum()).isZero();
    w.add(1);
    assertThat(w.mean()).isEqualTo(1);
    assertThat(w.populationVariance()).isZero();
    w.add(3);
    assertThat(w.sampleVariance()).isEqualTo(2);
    assertThat(w.isReady()).isFalse();
    w.add(2);
    assertThat(w.isReady()).isTrue();
    w.add(5);
    assertThat(w.size()).isEqualTo(3);
    assertThat(w.toArray()).containsExactly(3, 2, 5);
    assertThat(w.get(0)).isEqualTo(3);
    assertThat(w.latest()).isEqualTo(5);
    assertThat(w.sum()).isEqualTo(10);
    assertThat(w.mean()).isCloseTo(10.0 / 3, within(1e-15));
    // {3, 2, 5}: mean 10/3, squared deviations 1/9 + 16/9 + 25/9 = 42/9.
    assertThat(w.sampleVariance()).isCloseTo(42.0 / 18, within(1e-14));
    assertThat(w.populationStandardDeviation()).isCloseTo(Math.sqrt(42.0 / 27), within(1e-14));
    assertThat(w.sampleStandardDeviation()).isCloseTo(Math.sqrt(42.0 / 18), within(1e-14));
    assertThat(w.min()).isEqualTo(2);
    assertThat(w.max()).isEqualTo(5);
    assertThat(w).hasToString("RollingWindow[capacity=3, size=3]");
    w.clear();
    assertThat(w.size()).isZero();
    assertThat(w.sum()).isZero();
    w.add(7);
    assertThat(w.toArray()).containsExactly(7);
  }

  @Test
  void streamingWindowRejectsBadUse() {
    assertThatThrownBy(() -> new RollingWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be >= 1 but was 0");
    RollingWindow w = new RollingWindow(2);
    assertThatThrownBy(w::mean)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 1 values but holds 0");
    assertThatThrownBy(w::latest).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::min).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::max).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::populationStandardDeviation).isInstanceOf(IllegalStateException.class);
    w.add(1);
    assertThatThrownBy(w::sampleStandardDeviation)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> w.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> w.add(Double.NEGATIVE_INFINITY)).hasMessageContaining("-Infinity");
    assertThat(w.size()).isEqualTo(1);
  }
}

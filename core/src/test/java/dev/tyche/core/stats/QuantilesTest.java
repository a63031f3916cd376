package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

  // Unsorted on purpose; ascending: -4, -1.5, 0.5, 1, 2, 3.25, 7.
  private static final double[] X = {2.0, -1.5, 3.25, 0.5, 7.0, -4.0, 1.0};

  @Test
  void type7MatchesNumpyLinear() {
    // numpy.quantile(x, p) (method="linear" = R type 7).
    assertThat(Quantiles.type7(X, 0.0)).isEqualTo(-4.0);
    assertThat(Quantiles.type7(X, 0.1)).isCloseTo(-2.5, within(1e-15));
    assertThat(Quantiles.type7(X, 0.25)).isCloseTo(-0.5, within(1e-15));
    assertThat(Quantiles.type7(X, 0.5)).isEqualTo(1.0);
    assertThat(Quantiles.type7(X, 0.9)).isCloseTo(4.750000000000002, within(1e-14));
    assertThat(Quantiles.type7(X, 3.0 / 7.0)).isCloseTo(0.7857142857142856, within(1e-15));
    assertThat(Quantiles.type7(X, 1.0)).isEqualTo(7.0);
    assertThat(Quantiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void type1MatchesNumpyInvertedCdf() {
    // numpy.quantile(x, p, method="inverted_cdf") (= R type 1).
    assertThat(Quantiles.type1(X, 0.0)).isEqualTo(-4.0);
    assertThat(Quantiles.type1(X, 0.1)).isEqualTo(-4.0);
    assertThat(Quantiles.type1(X, 0.25)).isEqualTo(-1.5);
    assertThat(Quantiles.type1(X, 0.5)).isEqualTo(1.0);
    assertThat(Quantiles.type1(X, 3.0 / 7.0)).isEqualTo(0.5);
    assertThat(Quantiles.type1(X, 0.9)).isEqualTo(7.0);
    assertThat(Quantiles.type1(X, 1.0)).isEqualTo(7.0);
  }

  @Test
  void sortedVariantsAgreeAndDoNotModifyInput() {
    double[] copy = X.clone();
    double[] sorted = {-4, -1.5, 0.5, 1, 2, 3.25, 7};
    assertThat(Quantiles.type7Sorted(sorted, 0.37)).isEqualTo(Quantiles.type7(X, 0.37));
    assertThat(Quantiles.type1Sorted(sorted, 0.37)).isEqualTo(Quantiles.type1(X, 0.37));
    assertThat(X).containsExactly(copy);
    assertThat(Quantiles.type7(new double[] {5.0}, 0.3)).isEqualTo(5.0);
    assertThat(Quantiles.type1(new double[] {5.0}, 0.3)).isEqualTo(5.0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Quantiles.type7(X, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> Quantiles.type1(X, -0.1)).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> Quantiles.type7(X, Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Quantiles.type7(new double[0], 0.5))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Quantiles.type1(new double[] {1, Double.NaN}, 0.5))
        .hasMessageContaining("x[1]");
    assertThatThrownBy(() -> Quantiles.type7Sorted(new double[] {1, 3, 2}, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending")
        .hasMessageContaining("sorted[2] = 2.0");
    assertThatThrownBy(() -> Quantiles.type1Sorted(new double[] {2, 1}, 0.5))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> Quantiles.type7Sorted(new double[] {1, Double.POSITIVE_INFINITY}, 0))
        .hasMessageContaining("sorted[1]");
  }
}

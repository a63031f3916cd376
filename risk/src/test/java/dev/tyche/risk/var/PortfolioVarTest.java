package dev.tyche.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class PortfolioVarTest {

  // sd 2 % and 3 %, correlation 0.5.
  private static final double[][] COV = {{4e-4, 3e-4}, {3e-4, 9e-4}};
  private static final double ALPHA_95 = 1.6448536269514722;

  @Test
  void twoAssetsByHand() {
    // w = (0.6, 0.4): Sigma w = (3.6e-4, 5.4e-4), w' Sigma w = 4.32e-4, and each asset carries
    // exactly half of the variance, so each component is half of the VaR.
    PortfolioVarResult r = PortfolioVar.parametric(new double[] {0.6, 0.4}, COV, 0.95);
    double sd = Math.sqrt(4.32e-4);
    assertThat(r.sigma()).isCloseTo(sd, within(1e-15));
    assertThat(r.var()).isCloseTo(ALPHA_95 * sd, within(1e-14));
    assertThat(r.componentVar()[0]).isCloseTo(r.var() / 2, within(1e-15));
    assertThat(r.componentVar()[1]).isCloseTo(r.var() / 2, within(1e-15));
    assertThat(r.marginalVar()[0]).isCloseTo(ALPHA_95 * 3.6e-4 / sd, within(1e-14));
    // Normal ES at 95 %: phi(1.645) / 0.05 = 2.0627 sd.
    assertThat(r.cvar()).isCloseTo(2.0627128075074275 * sd, within(1e-12));
    assertThat(r.confidence()).isEqualTo(0.95);
  }

  @Test
  void marginalVarIsTheDerivativeOfVar() {
    double[] w = {0.5, -0.2, 0.7};
    double[] mu = {0.001, -0.0005, 0.002};
    double[][] cov = {{4e-4, 1e-4, -5e-5}, {1e-4, 2.5e-4, 6e-5}, {-5e-5, 6e-5, 9e-4}};
    PortfolioVarResult r = PortfolioVar.parametric(w, mu, cov, 0.99);
    double h = 1e-6;
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      double[] up = w.clone();
      double[] down = w.clone();
      up[i] += h;
      down[i] -= h;
      double numeric =
          (PortfolioVar.parametric(up, mu, cov, 0.99).var()
                  - PortfolioVar.parametric(down, mu, cov, 0.99).var())
              / (2 * h);
      assertThat(r.marginalVar()[i]).as("asset %d", i).isCloseTo(numeric, within(1e-8));
      sum += r.componentVar()[i];
    }
    assertThat(sum).isCloseTo(r.var(), within(1e-15));
    // With means the VaR is the zero-mean VaR minus the expected portfolio return.
    double expected = 0.5 * 0.001 + 0.2 * 0.0005 + 0.7 * 0.002;
    assertThat(r.var())
        .isCloseTo(PortfolioVar.parametric(w, cov, 0.99).var() - expected, within(1e-15));
  }

  @Property(tries = 300)
  void componentVarsSumToPortfolioVar(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int n,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double a) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] f = new double[n][n];
    for (double[] row : f) {
      for (int j = 0; j < n; j++) {
        row[j] = 0.02 * rng.nextGaussian();
      }
    }
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1e-6 : 0.0;
        for (int k = 0; k < n; k++) {
          s += f[i][k] * f[j][k];
        }
        cov[i][j] = s;
      }
    }
    double[] w = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rng.nextDouble(-1.0, 1.0);
      mu[i] = rng.nextDouble(-0.002, 0.002);
    }
    PortfolioVarResult r = PortfolioVar.parametric(w, mu, cov, a);
    double sum = 0;
    for (double c : r.componentVar()) {
      sum += c;
    }
    assertThat(sum).isCloseTo(r.var(), within(1e-12 * (1 + Math.abs(r.var()))));
    assertThat(r.cvar()).isGreaterThanOrEqualTo(r.var() - 1e-15);
  }

  @Test
  void resultCopiesItsArraysAndComparesByValue() {
    double[] m = {1.0, 2.0};
    PortfolioVarResult r = new PortfolioVarResult(0.95, 0.1, 0.2, 0.3, m, new double[] {3, 4});
    m[0] = 99;
    r.marginalVar()[1] = 99;
    assertThat(r.marginalVar()).containsExactly(1.0, 2.0);
    PortfolioVarResult same =
        new PortfolioVarResult(0.95, 0.1, 0.2, 0.3, new double[] {1, 2}, new double[] {3, 4});
    assertThat(r).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(r)
        .isNotEqualTo(
            new PortfolioVarResult(0.95, 0.1, 0.2, 0.3, new double[] {1, 2}, new double[] {3, 5}));
    assertThat(r.toString()).contains("componentVar=[3.0, 4.0]");
    assertThatThrownBy(
            () ->
                new PortfolioVarResult(0.95, 0.1, 0.2, 0.3, new double[] {1}, new double[] {3, 4}))
        .hasMessageContaining("componentVar must have the length of marginalVar (1)");
  }

  @Test
  void rejectsBadCovarianceAndWeights() {
    double[] w = {0.6, 0.4};
    assertThatThrownBy(() -> PortfolioVar.parametric(w, new double[][] {{4e-4, 3e-4}}, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covariance must have one row per weight (2) but had 1");
    assertThatThrownBy(
            () -> PortfolioVar.parametric(w, new double[][] {{4e-4, 3e-4}, {3e-4}}, 0.95))
        .hasMessageContaining("covariance must be square 2x2 but row 1 had length 1");
    assertThatThrownBy(
            () -> PortfolioVar.parametric(w, new double[][] {{4e-4, 3e-4}, {2e-4, 9e-4}}, 0.95))
        .hasMessageContaining("covariance must be symmetric");
    assertThatThrownBy(
            () ->
                PortfolioVar.parametric(
                    w, new double[][] {{4e-4, Double.NaN}, {Double.NaN, 9e-4}}, 0.95))
        .hasMessageContaining("covariance[0][1] must be finite but was NaN");
    assertThatThrownBy(
            () -> PortfolioVar.parametric(w, new double[][] {{-4e-4, 0}, {0, 9e-4}}, 0.95))
        .hasMessageContaining("covariance[0][0] is a variance and must be >= 0");
    assertThatThrownBy(() -> PortfolioVar.parametric(new double[] {0.6, 0.4, 0.0}, COV, 0.95))
        .hasMessageContaining("covariance must have one row per weight (3)");
    assertThatThrownBy(() -> PortfolioVar.parametric(new double[] {0.6}, COV, 0.95))
        .hasMessageContaining("covariance must have one row per weight (1) but had 2");
    assertThatThrownBy(() -> PortfolioVar.parametric(new double[] {0.0, 0.0}, COV, 0.95))
        .hasMessageContaining("portfolio variance w' Sigma w must be > 0 but was 0.0");
    // Not positive semi-definite: correlation 2.
    assertThatThrownBy(
            () ->
                PortfolioVar.parametric(
                    new double[] {1, -1}, new double[][] {{1e-4, 2e-4}, {2e-4, 1e-4}}, 0.95))
        .hasMessageContaining("portfolio variance");
    assertThatThrownBy(() -> PortfolioVar.parametric(new double[] {Double.NaN, 1}, COV, 0.95))
        .hasMessageContaining("weights[0] must be finite");
    assertThatThrownBy(() -> PortfolioVar.parametric(new double[0], new double[0][0], 0.95))
        .hasMessageContaining("weights must not be empty");
    assertThatThrownBy(() -> PortfolioVar.parametric(w, new double[] {0.0}, COV, 0.95))
        .hasMessageContaining("means must have the length of weights (2) but had length 1");
    assertThatThrownBy(() -> PortfolioVar.parametric(w, COV, 1.0))
        .hasMessageContaining("confidence");
    assertThatThrownBy(() -> PortfolioVar.parametric(w, null, 0.95))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("covariance");
    assertThatThrownBy(() -> PortfolioVar.parametric(w, new double[][] {null, {3e-4, 9e-4}}, 0.95))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("covariance[0]");
  }
}

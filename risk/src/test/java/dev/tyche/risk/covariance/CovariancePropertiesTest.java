package dev.tyche.risk.covariance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class CovariancePropertiesTest {

  /** Correlated returns: a common factor plus noise, scaled per asset; seeded. */
  static double[][] returns(long seed, int t, int n) {
    Random rnd = new Random(seed);
    double[] scale = new double[n];
    double[] beta = new double[n];
    for (int j = 0; j < n; j++) {
      scale[j] = 0.005 + 0.05 * rnd.nextDouble();
      beta[j] = 2 * rnd.nextDouble() - 0.5;
    }
    double[][] x = new double[t][n];
    for (int i = 0; i < t; i++) {
      double factor = rnd.nextGaussian();
      for (int j = 0; j < n; j++) {
        x[i][j] = scale[j] * (beta[j] * factor + rnd.nextGaussian()) + 0.001 * rnd.nextGaussian();
      }
    }
    return x;
  }

  @Property(tries = 200)
  void shrunkCovarianceIsSymmetricPositiveDefinite(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int n, @ForAll boolean identity) {
    double[][] x = returns(seed, n + 3 + (int) Math.floorMod(seed, 40L), n);
    ShrunkCovariance s =
        identity ? LedoitWolf.scaledIdentity(x) : LedoitWolf.constantCorrelation(x).estimate();
    assertThat(s.shrinkage()).isBetween(0.0, 1.0);
    double[][] c = s.covariance();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(c[i][j]).isEqualTo(c[j][i]);
      }
    }
    assertThat(CovarianceRepair.isPositiveDefinite(c)).isTrue();
  }

  @Property(tries = 200)
  void sampleCovarianceIgnoresAShift(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int n,
      @ForAll @IntRange(min = 2, max = 60) int t,
      @ForAll @DoubleRange(min = -1.0, max = 1.0) double shift,
      @ForAll @IntRange(min = 0, max = 1) int ddof) {
    double[][] x = returns(seed, t, n);
    double[][] shifted = new double[t][n];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < n; j++) {
        shifted[i][j] = x[i][j] + shift * (j + 1);
      }
    }
    double[][] a = CovarianceEstimators.sample(x, ddof);
    double[][] b = CovarianceEstimators.sample(shifted, ddof);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double scale = Math.sqrt(a[i][i] * a[j][j]);
        // Rounding x + shift loses about eps |shift| per deviation, so the bound grows with the
        // shift relative to the standard deviations.
        double tol = 1e-10 * (scale + Math.abs(shift) * (n + 1) * Math.sqrt(scale));
        assertThat(Math.abs(a[i][j] - b[i][j])).isLessThanOrEqualTo(tol);
      }
    }
  }

  @Property(tries = 200)
  void repairGivesPositiveDefiniteWithTheSameDiagonal(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int n) {
    Random rnd = new Random(seed);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 0.1 + rnd.nextDouble();
      for (int j = 0; j < i; j++) {
        a[i][j] = (2 * rnd.nextDouble() - 1) * Math.sqrt(a[i][i] * a[j][j]) * 1.2;
        a[j][i] = a[i][j];
      }
    }
    RepairedCovariance r = CovarianceRepair.clipEigenvalues(a, 1e-6);
    double[][] m = r.matrix();
    assertThat(CovarianceRepair.isPositiveDefinite(m)).isTrue();
    for (int i = 0; i < n; i++) {
      assertThat(m[i][i]).isEqualTo(a[i][i]);
    }
    assertThat(r.changed()).isEqualTo(r.minEigenvalueBefore() < 1e-6);
    if (!r.changed()) {
      assertThat(m).isDeepEqualTo(a);
    }
  }

  @Property(tries = 200)
  void positiveDefiniteInputIsLeftAlone(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int n) {
    Random rnd = new Random(seed);
    double[][] b = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = rnd.nextGaussian();
      }
    }
    // B B' + 0.5 I has every eigenvalue >= 0.5, far above the floor.
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = i == j ? 0.5 : 0.0;
        for (int k = 0; k < n; k++) {
          s += b[i][k] * b[j][k];
        }
        a[i][j] = s;
        a[j][i] = s;
      }
    }
    assertThat(CovarianceRepair.isPositiveDefinite(a)).isTrue();
    RepairedCovariance r = CovarianceRepair.clipEigenvalues(a, 1e-6);
    assertThat(r.changed()).isFalse();
    assertThat(r.matrix()).isDeepEqualTo(a);
    assertThat(r.minEigenvalueBefore()).isGreaterThan(0.5 - 1e-9);
  }

  @Property(tries = 100)
  void ewmaIsSymmetricAndPositiveSemidefiniteOnTheDiagonal(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int n,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double lambda) {
    double[][] x = returns(seed, 30, n);
    double[][] s = CovarianceEstimators.ewma(x, lambda, 5);
    for (int i = 0; i < n; i++) {
      assertThat(s[i][i]).isPositive();
      for (int j = 0; j < n; j++) {
        assertThat(s[i][j]).isEqualTo(s[j][i]);
        assertThat(Math.abs(s[i][j]))
            .isLessThanOrEqualTo(Math.sqrt(s[i][i] * s[j][j]) * (1 + 1e-12));
      }
    }
  }
}

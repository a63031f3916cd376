package dev.tyche.risk.kelly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class KellyPropertiesTest {

  @Property(tries = 60)
  void empiricalKellyIsCloseToGaussianKellyForSmallNormalReturns(
      @ForAll long seed,
      @ForAll @DoubleRange(min = -1, max = 1) double muPerMille,
      @ForAll @DoubleRange(min = 1, max = 3) double sigmaPercent) {
    double mu = muPerMille / 1000;
    double sigma = sigmaPercent / 100;
    Random rnd = new Random(seed);
    double[] r = new double[2000];
    double mean = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] = mu + sigma * rnd.nextGaussian();
      mean += r[i];
    }
    mean /= r.length;
    double var = 0;
    for (double x : r) {
      var += (x - mean) * (x - mean);
    }
    var /= r.length;
    // Gaussian Kelly with the sample moments, so the comparison isolates the approximation
    // ln(1 + x) ~ x - x^2/2, not the sampling error. Loose: higher moments still enter.
    double gaussian = GaussianKelly.bet(mean, 0, Math.sqrt(var), KellyConstraints.NONE).fraction();
    double empirical = EmpiricalKelly.bet(r, KellyConstraints.NONE).fraction();
    assertThat(Math.abs(empirical - gaussian)).isLessThanOrEqualTo(0.1 * Math.abs(gaussian) + 0.1);
  }

  /** Kelly (1956): f* maximises expected log growth, so any admissible perturbation grows less. */
  @Property(tries = 100)
  void growthIsMaximalAtTheKellyFraction(
      @ForAll long seed,
      @ForAll @DoubleRange(min = -2, max = 2) double muPerMille,
      @ForAll @DoubleRange(min = 1, max = 5) double sigmaPercent,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double relativeStep) {
    Random rnd = new Random(seed);
    double[] r = new double[500];
    for (int i = 0; i < r.length; i++) {
      r[i] = muPerMille / 1000 + sigmaPercent / 100 * rnd.nextGaussian();
    }
    double f = EmpiricalKelly.bet(r, KellyConstraints.NONE).fraction();
    double[] admissible = EmpiricalKelly.admissibleInterval(r);
    double best = EmpiricalKelly.growth(r, f);
    double step = relativeStep * Math.max(1.0, Math.abs(f));
    for (double g : new double[] {f - step, f + step}) {
      if (g > admissible[0] && g < admissible[1]) {
        assertThat(EmpiricalKelly.growth(r, g)).isLessThan(best);
      }
    }
    double mu = muPerMille / 1000;
    double sigma = sigmaPercent / 100;
    double gaussian = GaussianKelly.bet(mu, 0, sigma, KellyConstraints.NONE).fraction();
    double top = GaussianKelly.growth(mu, 0, sigma, gaussian);
    assertThat(GaussianKelly.growth(mu, 0, sigma, gaussian + step)).isLessThan(top);
    assertThat(GaussianKelly.growth(mu, 0, sigma, gaussian - step)).isLessThan(top);
  }

  @Property(tries = 200)
  void fractionalKellyScalesLinearly(
      @ForAll @DoubleRange(min = -0.5, max = 0.5) double mu,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double sigma,
      @ForAll @DoubleRange(min = 0.01, max = 1.0) double c,
      @ForAll long seed) {
    KellyBet full = GaussianKelly.bet(mu, 0.01, sigma, KellyConstraints.NONE);
    KellyBet part = GaussianKelly.bet(mu, 0.01, sigma, KellyConstraints.NONE.withFraction(c));
    assertThat(part.fraction()).isCloseTo(c * full.fraction(), relative(c * full.fraction()));

    Random rnd = new Random(seed);
    double[] r = new double[50];
    for (int i = 0; i < r.length; i++) {
      r[i] = 0.002 + 0.05 * rnd.nextGaussian();
    }
    KellyBet eFull = EmpiricalKelly.bet(r, KellyConstraints.NONE);
    KellyBet ePart = EmpiricalKelly.bet(r, KellyConstraints.NONE.withFraction(c));
    assertThat(ePart.fraction()).isCloseTo(c * eFull.fraction(), relative(c * eFull.fraction()));

    double[] m = {mu, 0.05};
    double[][] s = {{sigma * sigma, 0.3 * sigma * 0.2}, {0.3 * sigma * 0.2, 0.04}};
    KellyAllocation aFull = MultiAssetKelly.allocate(m, 0.0, s, KellyConstraints.NONE);
    KellyAllocation aPart =
        MultiAssetKelly.allocate(m, 0.0, s, KellyConstraints.NONE.withFraction(c));
    for (int i = 0; i < 2; i++) {
      double expected = c * aFull.fractions()[i];
      assertThat(aPart.fractions()[i]).isCloseTo(expected, relative(expected));
    }
  }

  @Property(tries = 300)
  void longOnlySolverMatchesBruteForce(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int n,
      @ForAll @DoubleRange(min = 0.2, max = 6.0) double cap,
      @ForAll boolean capped,
      @ForAll @DoubleRange(min = 0.1, max = 1.0) double c) {
    Random rnd = new Random(seed);
    double[][] b = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = 0.2 * rnd.nextGaussian();
      }
    }
    double[][] sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = i == j ? 0.005 : 0.0;
        for (int k = 0; k < n; k++) {
          v += b[i][k] * b[j][k];
        }
        sigma[i][j] = v;
        sigma[j][i] = v;
      }
    }
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.1 * rnd.nextGaussian();
    }
    double limit = capped ? cap : Double.POSITIVE_INFINITY;
    KellyConstraints k = new KellyConstraints(false, limit, c);
    KellyAllocation a = MultiAssetKelly.allocate(mu, 0.0, sigma, k);
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] = sigma[i][j] / c;
      }
    }
    double[] expected = BruteForce.solve(q, mu, limit);
    double[] f = a.fractions();
    assertThat(BruteForce.feasible(f, limit)).isTrue();
    double got = BruteForce.objective(q, mu, f);
    double best = BruteForce.objective(q, mu, expected);
    assertThat(got).isGreaterThanOrEqualTo(best - 1e-12 * (1 + Math.abs(best)));
    for (int i = 0; i < n; i++) {
      assertThat(f[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-7));
    }
    // No random feasible point does better.
    for (int trial = 0; trial < 200; trial++) {
      double[] x = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        x[i] = rnd.nextDouble() * rnd.nextDouble() * 5;
        total += x[i];
      }
      if (total > limit) {
        for (int i = 0; i < n; i++) {
          x[i] *= limit / total;
        }
      }
      assertThat(BruteForce.objective(q, mu, x)).isLessThanOrEqualTo(got + 1e-12);
    }
  }

  @Property(tries = 200)
  void recommendedFractionNeverExceedsTheCapOrShortsWhenLongOnly(
      @ForAll @DoubleRange(min = -1, max = 1) double mu,
      @ForAll @DoubleRange(min = 0.05, max = 1) double sigma,
      @ForAll @DoubleRange(min = 0.1, max = 5) double cap,
      @ForAll boolean allowShort) {
    KellyBet bet = GaussianKelly.bet(mu, 0, sigma, new KellyConstraints(allowShort, cap, 1.0));
    assertThat(Math.abs(bet.fraction())).isLessThanOrEqualTo(cap);
    if (!allowShort) {
      assertThat(bet.fraction()).isGreaterThanOrEqualTo(0.0);
    }
    // The clipped fraction is the best in the allowed interval.
    double lo = allowShort ? -cap : 0;
    for (double f = lo; f <= cap; f += (cap - lo) / 50) {
      assertThat(GaussianKelly.growth(mu, 0, sigma, f)).isLessThanOrEqualTo(bet.growth() + 1e-12);
    }
  }

  private static org.assertj.core.data.Offset<Double> relative(double expected) {
    return org.assertj.core.api.Assertions.within(
        1e-12 * Math.max(1e-300, Math.abs(expected)) + 1e-300);
  }
}

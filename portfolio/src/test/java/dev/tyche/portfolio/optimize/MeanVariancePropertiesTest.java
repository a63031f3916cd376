package dev.tyche.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the mean-variance problems on random factor-model inputs. */
class MeanVariancePropertiesTest {

  static MeanVarianceOptimizer randomOptimizer(long seed, int n) {
    Random rnd = new Random(seed);
    double[] beta = new double[n];
    double[] idio = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      beta[i] = 0.5 + rnd.nextDouble();
      idio[i] = 0.01 + 0.04 * rnd.nextDouble();
      mu[i] = 0.001 + 0.004 * rnd.nextGaussian();
    }
    double[][] sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sigma[i][j] = beta[i] * beta[j] * 4e-4 + (i == j ? idio[i] * idio[i] : 0.0);
      }
    }
    return new MeanVarianceOptimizer(mu, sigma, 0.0, 365);
  }

  /**
   * A random feasible portfolio of {@code lo <= w <= hi, sum w = 1}: a random step along a zero-sum
   * direction from the equal-weight portfolio (feasible when {@code lo <= 1/n <= hi}), scaled by a
   * ratio test so that every bound holds.
   */
  static double[] randomFeasible(Random rnd, int n, double lo, double hi) {
    double[] w = new double[n];
    double[] p = new double[n];
    double mean = 0.0;
    for (int i = 0; i < n; i++) {
      w[i] = 1.0 / n;
      p[i] = rnd.nextGaussian();
      mean += p[i] / n;
    }
    double tMax = 10.0;
    for (int i = 0; i < n; i++) {
      p[i] -= mean;
      if (p[i] > 0 && Double.isFinite(hi)) {
        tMax = Math.min(tMax, (hi - w[i]) / p[i]);
      } else if (p[i] < 0 && Double.isFinite(lo)) {
        tMax = Math.min(tMax, (lo - w[i]) / p[i]);
      }
    }
    double t = tMax * rnd.nextDouble();
    for (int i = 0; i < n; i++) {
      w[i] += t * p[i];
    }
    return w;
  }

  static double variance(MeanVarianceOptimizer o, double[] w, double[][] sigma) {
    double v = 0.0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * sigma[i][j] * w[j];
      }
    }
    return v;
  }

  @Property(tries = 150)
  void gmvRespectsBudgetAndBoundsAndBeatsRandomFeasiblePortfolios(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double box,
      @ForAll boolean shorting) {
    MeanVarianceOptimizer o = randomOptimizer(seed, n);
    double lo = shorting ? -0.2 : 0.0;
    double hi = Math.max(1.0 / n + 0.01, box);
    PortfolioConstraints c = PortfolioConstraints.box(n, lo, hi);
    PortfolioResult r = o.minimumVariance(c);
    assertThat(r.status()).isEqualTo(PortfolioStatus.OPTIMAL);
    double[] w = r.weights();
    double sum = 0.0;
    for (double x : w) {
      sum += x;
      assertThat(x).isBetween(lo - 1e-12, hi + 1e-12);
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    double best = r.volatility() * r.volatility();
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    double[][] sigma = sigmaOf(seed, n);
    for (int k = 0; k < 20; k++) {
      double[] f = randomFeasible(rnd, n, lo, hi);
      assertThat(best).isLessThanOrEqualTo(variance(o, f, sigma) * (1 + 1e-10));
    }
  }

  @Property(tries = 60)
  void frontierIsMonotoneAndConcaveAndTangencyDominatesIt(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int n, @ForAll boolean longOnly) {
    MeanVarianceOptimizer o = randomOptimizer(seed, n);
    PortfolioConstraints c =
        longOnly ? PortfolioConstraints.longOnly(n) : PortfolioConstraints.box(n, -0.5, 1.0);
    List<PortfolioResult> f = o.efficientFrontier(12, c);
    assertThat(f).hasSize(12).allMatch(PortfolioResult::isOptimal);
    for (int k = 1; k < f.size(); k++) {
      // Neighbouring targets can coincide (a degenerate frontier); allow rounding of a few ulps.
      double previous = f.get(k - 1).expectedReturn();
      assertThat(f.get(k).expectedReturn())
          .isGreaterThanOrEqualTo(previous - 1e-12 * Math.max(1.0, Math.abs(previous)));
      assertThat(f.get(k).volatility()).isGreaterThanOrEqualTo(f.get(k - 1).volatility() - 1e-12);
    }
    // Volatility is convex in the (equally spaced) target return, i.e. return is concave in vol.
    for (int k = 1; k + 1 < f.size(); k++) {
      double second =
          f.get(k - 1).volatility() + f.get(k + 1).volatility() - 2 * f.get(k).volatility();
      assertThat(second).isGreaterThanOrEqualTo(-1e-9 * f.get(k).volatility());
    }
    PortfolioResult t = o.maximumSharpe(c);
    if (t.isOptimal()) {
      for (PortfolioResult p : f) {
        assertThat(t.sharpeRatio()).isGreaterThanOrEqualTo(p.sharpeRatio() - 1e-9);
      }
    } else {
      // Only when no feasible portfolio beats the risk-free rate of 0.
      assertThat(t.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
      for (PortfolioResult p : f) {
        assertThat(p.expectedReturn()).isLessThanOrEqualTo(1e-12);
      }
    }
  }

  @Property(tries = 60)
  void targetVolatilityAndUtilityAreOnTheFrontier(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 8) int n,
      @ForAll @DoubleRange(min = 0.5, max = 50.0) double gamma) {
    MeanVarianceOptimizer o = randomOptimizer(seed, n);
    PortfolioConstraints c = PortfolioConstraints.longOnly(n);
    PortfolioResult u = o.maximumUtility(gamma, c);
    PortfolioResult more = o.maximumUtility(2 * gamma, c);
    assertThat(more.volatility()).isLessThanOrEqualTo(u.volatility() + 1e-12);
    PortfolioResult v = o.maximumReturnForVolatility(u.volatility(), c);
    assertThat(v.isOptimal()).isTrue();
    assertThat(v.volatility()).isLessThanOrEqualTo(u.volatility() * (1 + 1e-9));
    assertThat(v.expectedReturn()).isGreaterThanOrEqualTo(u.expectedReturn() - 1e-9);
    PortfolioResult m = o.minimumVarianceForReturn(u.expectedReturn(), c);
    assertThat(m.volatility()).isLessThanOrEqualTo(u.volatility() * (1 + 1e-9));
  }

  @Property(tries = 80)
  void groupLeverageAndTurnoverConstraintsHold(
      @ForAll long seed,
      @ForAll @IntRange(min = 3, max = 10) int n,
      @ForAll @DoubleRange(min = 1.0, max = 2.0) double leverage,
      @ForAll @DoubleRange(min = 0.0, max = 0.5) double turnover) {
    MeanVarianceOptimizer o = randomOptimizer(seed, n);
    double[] w0 = new double[n];
    w0[0] = 1.0;
    PortfolioConstraints c =
        PortfolioConstraints.box(n, -0.3, 1.0)
            .withGroup(new GroupBound(new int[] {0, 1}, 0.2, 0.9))
            .withMaxLeverage(leverage)
            .withTurnover(w0, turnover + 0.0)
            .withCosts(w0, new double[n]);
    for (PortfolioResult r :
        List.of(o.minimumVariance(c), o.maximumUtility(5.0, c), o.maximumSharpe(c))) {
      if (!r.isOptimal()) {
        assertThat(r.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
        continue;
      }
      double[] w = r.weights();
      double sum = 0;
      double gross = 0;
      double traded = 0;
      for (int i = 0; i < n; i++) {
        sum += w[i];
        gross += Math.abs(w[i]);
        traded += Math.abs(w[i] - w0[i]);
        assertThat(w[i]).isBetween(-0.3 - 1e-9, 1.0 + 1e-9);
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(gross).isLessThanOrEqualTo(leverage + 1e-7);
      assertThat(traded).isLessThanOrEqualTo(turnover + 1e-7);
      assertThat(w[0] + w[1]).isBetween(0.2 - 1e-9, 0.9 + 1e-9);
    }
  }

  private static double[][] sigmaOf(long seed, int n) {
    Random rnd = new Random(seed);
    double[] beta = new double[n];
    double[] idio = new double[n];
    for (int i = 0; i < n; i++) {
      beta[i] = 0.5 + rnd.nextDouble();
      idio[i] = 0.01 + 0.04 * rnd.nextDouble();
      rnd.nextGaussian();
    }
    double[][] sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sigma[i][j] = beta[i] * beta[j] * 4e-4 + (i == j ? idio[i] * idio[i] : 0.0);
      }
    }
    return sigma;
  }
}

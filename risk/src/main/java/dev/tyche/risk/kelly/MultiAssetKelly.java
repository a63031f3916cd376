package dev.tyche.risk.kelly;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Multi-asset Kelly in the continuous-time (Gaussian) approximation. With excess drifts {@code m =
 * mu - r 1} and covariance {@code Sigma}, the growth rate of a constant-fraction portfolio {@code
 * f} is {@code g(f) = r + f'm - f' Sigma f / 2}, maximised without constraints at {@code f* =
 * Sigma^-1 m} with {@code g* = r + m' Sigma^-1 m / 2} (Merton 1969, "Lifetime portfolio selection
 * under uncertainty", Rev. Econ. Stat. 51(3), log utility; Thorp 2006, section 7.3).
 *
 * <p>Units: {@code mu}, {@code r} and {@code Sigma} per the same period; fractions of wealth.
 *
 * <p>Immutable and thread-safe.
 */
public final class MultiAssetKelly {

  private MultiAssetKelly() {}

  /**
   * The Kelly allocation under constraints.
   *
   * <ul>
   *   <li>Shorting allowed: {@code f = c f*} ({@code c} the Kelly multiplier); if its gross
   *       leverage {@code sum |f_i|} exceeds the cap, the whole vector is <b>scaled down</b> to the
   *       cap. Scaling keeps the proportions of the Kelly portfolio; it is not the exact optimum of
   *       the growth rate under an L1 constraint.
   *   <li>Long only: the exact solution of {@code maximise f'm - f' Sigma f / (2c) subject to f >=
   *       0 and sum f <= cap}, by a primal active-set method (Nocedal and Wright, <i>Numerical
   *       Optimization</i>, 2nd ed., Algorithm 16.3). Dividing the quadratic term by {@code c} is
   *       fractional Kelly as a risk-aversion of {@code 1/c}, so without binding constraints the
   *       result is exactly {@code c f*}. Assets held at zero and a binding cap are reported.
   * </ul>
   *
   * <p>The reported growth is always {@code g(f)} with the full {@code Sigma}.
   *
   * @param mu the expected returns (drifts) per period, finite, length {@code N >= 1}
   * @param r the risk-free rate per period, finite
   * @param sigma the {@code N x N} covariance per period, symmetric positive definite
   * @param constraints the multiplier, shorting and cap
   * @return the allocation with what was adjusted and why
   * @throws IllegalArgumentException if a value is not finite, the shapes disagree, or {@code
   *     sigma} is not symmetric positive definite
   */
  public static KellyAllocation allocate(
      double[] mu, double r, double[][] sigma, KellyConstraints constraints) {
    Objects.requireNonNull(mu, "mu");
    Objects.requireNonNull(constraints, "constraints");
    int n = mu.length;
    if (n == 0) {
      throw new IllegalArgumentException("mu must have at least 1 asset but had 0");
    }
    Sizing.requireFinite(r, "r");
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      Sizing.requireFinite(mu[i], "mu[" + i + "]");
      m[i] = mu[i] - r;
    }
    requireCovariance(sigma, n);
    double[] full = LongOnlyQuadratic.choleskySolve(sigma, m);
    double fullGrowth = r + 0.5 * LongOnlyQuadratic.dot(m, full);
    double c = constraints.fraction();
    double cap = constraints.maxLeverage();
    Set<KellyAdjustment> adjustments = EnumSet.noneOf(KellyAdjustment.class);
    List<String> reasons = new ArrayList<>();
    List<Integer> atZero = new ArrayList<>();
    double[] f;
    if (c < 1.0) {
      adjustments.add(KellyAdjustment.FRACTIONAL);
      reasons.add(String.format(Locale.ROOT, "fractional Kelly x%s", c));
    }
    if (constraints.allowShort()) {
      f = new double[n];
      double gross = 0.0;
      for (int i = 0; i < n; i++) {
        f[i] = c * full[i];
        gross += Math.abs(f[i]);
      }
      if (gross > cap) {
        double s = cap / gross;
        for (int i = 0; i < n; i++) {
          f[i] *= s;
        }
        adjustments.add(KellyAdjustment.LEVERAGE_CAPPED);
        reasons.add(
            String.format(
                Locale.ROOT,
                "gross leverage %s scaled down to the cap %s (factor %s)",
                gross,
                cap,
                s));
      }
    } else {
      double[][] q = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          q[i][j] = sigma[i][j] / c;
        }
      }
      LongOnlyQuadratic.Solution solution = LongOnlyQuadratic.solve(q, m, cap);
      f = solution.x();
      for (int i = 0; i < n; i++) {
        if (f[i] == 0.0) {
          atZero.add(i);
        }
      }
      if (atZero.size() == n) {
        adjustments.add(KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED);
        reasons.add("no long position has a positive marginal growth: all fractions 0");
      } else if (!atZero.isEmpty()) {
        adjustments.add(KellyAdjustment.LONG_ONLY_BOUND_ACTIVE);
        reasons.add("long only: assets " + atZero + " held at 0");
      }
      if (solution.capActive()) {
        adjustments.add(KellyAdjustment.LEVERAGE_CAPPED);
        reasons.add(String.format(Locale.ROOT, "gross leverage constraint sum f <= %s binds", cap));
      }
    }
    double gross = 0.0;
    for (double v : f) {
      gross += Math.abs(v);
    }
    return new KellyAllocation(
        full,
        fullGrowth,
        f,
        excessGrowth(m, r, sigma, f),
        gross,
        atZero,
        adjustments,
        reasons.isEmpty() ? "full Kelly" : String.join("; ", reasons));
  }

  /**
   * The growth rate {@code g(f) = r + f'(mu - r1) - f' Sigma f / 2} per period.
   *
   * @param mu the drifts per period
   * @param r the risk-free rate per period
   * @param sigma the covariance per period
   * @param f the fractions of wealth
   * @return {@code g(f)}
   * @throws IllegalArgumentException if the lengths disagree
   */
  public static double growth(double[] mu, double r, double[][] sigma, double[] f) {
    Objects.requireNonNull(mu, "mu");
    Objects.requireNonNull(f, "f");
    if (f.length != mu.length) {
      throw new IllegalArgumentException(
          "f must have length " + mu.length + " (like mu) but had " + f.length);
    }
    requireCovariance(sigma, mu.length);
    double[] m = new double[mu.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = mu[i] - r;
    }
    return excessGrowth(m, r, sigma, f);
  }

  private static double excessGrowth(double[] m, double r, double[][] sigma, double[] f) {
    double quad = 0.0;
    for (int i = 0; i < f.length; i++) {
      quad += f[i] * LongOnlyQuadratic.dot(sigma[i], f);
    }
    return r + LongOnlyQuadratic.dot(f, m) - 0.5 * quad;
  }

  private static void requireCovariance(double[][] sigma, int n) {
    Objects.requireNonNull(sigma, "sigma");
    if (sigma.length != n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "sigma must be %dx%d but had %d rows", n, n, sigma.length));
    }
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(sigma[i], "sigma[" + i + "]");
      if (sigma[i].length != n) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "sigma must be %dx%d but row %d had %d columns",
                n,
                n,
                i,
                sigma[i].length));
      }
      for (int j = 0; j < n; j++) {
        Sizing.requireFinite(sigma[i][j], "sigma[" + i + "][" + j + "]");
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double tol = 1e-12 * Math.max(Math.abs(sigma[i][i]), Math.abs(sigma[j][j]));
        if (Math.abs(sigma[i][j] - sigma[j][i]) > tol) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "sigma must be symmetric but sigma[%d][%d]=%s and sigma[%d][%d]=%s",
                  i,
                  j,
                  sigma[i][j],
                  j,
                  i,
                  sigma[j][i]));
        }
      }
    }
    // Throws with the failing pivot if not positive definite.
    LongOnlyQuadratic.cholesky(sigma);
  }
}

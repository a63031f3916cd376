package dev.tyche.risk.covariance;

import java.util.Locale;
import java.util.Objects;

/**
 * Ledoit-Wolf shrinkage of the sample covariance of a returns matrix {@code double[T][N]} (rows =
 * observations; rectangular, finite, {@code T >= 2}). Both estimators de-mean the columns and use
 * the maximum-likelihood covariance {@code S = (1/T) X_c' X_c} unless a variant says otherwise, and
 * return {@code Sigma = delta F + (1 - delta) S} with the estimated optimal intensity {@code delta}
 * in {@code [0, 1]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LedoitWolf {

  private LedoitWolf() {}

  /**
   * Shrinkage towards the scaled identity {@code F = mu I}, {@code mu = trace(S)/N}: Ledoit and
   * Wolf (2004), "A well-conditioned estimator for large-dimensional covariance matrices", J.
   * Multivariate Anal. 88, 365-411, Lemmas 3.2-3.4 and Theorem 3.1, in the form computed by
   * scikit-learn's {@code LedoitWolf(assume_centered=False)}:
   *
   * <pre>
   *   d2 = ||S - mu I||_F^2 / N
   *   b2 = min(d2, (1/(N T)) [ (1/T) sum_t ||x_t x_t'||_F^2 - ||S||_F^2 ])
   *   delta = b2 / d2   (0 when b2 = 0)
   * </pre>
   *
   * where {@code x_t} are the de-meaned rows. With {@code N = 1} the intensity is 0.
   *
   * @param returns {@code T x N} returns, rows = observations
   * @return the estimate; its target is {@link ShrinkageTarget#SCALED_IDENTITY}
   * @throws IllegalArgumentException if {@code returns} is ragged, has fewer than 2 rows, no
   *     columns, or a non-finite value
   */
  public static ShrunkCovariance scaledIdentity(double[][] returns) {
    int n = Matrices.requireReturns(returns, "returns");
    int t = returns.length;
    double[][] x = Matrices.centred(returns);
    double[][] s = Matrices.crossProduct(x, t);
    double mu = 0.0;
    for (int i = 0; i < n; i++) {
      mu += s[i][i];
    }
    mu /= n;
    double frobS = 0.0;
    double d2 = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        frobS += s[i][j] * s[i][j];
        double dev = s[i][j] - (i == j ? mu : 0.0);
        d2 += dev * dev;
      }
    }
    d2 /= n;
    // (1/T) sum_t ||x_t x_t'||_F^2 = (1/T) sum_t (sum_i x_ti^2)^2
    double fourth = 0.0;
    for (double[] row : x) {
      double sq = 0.0;
      for (double v : row) {
        sq += v * v;
      }
      fourth += sq * sq;
    }
    fourth /= t;
    double b2 = (fourth - frobS) / ((double) n * t);
    b2 = Math.min(b2, d2);
    double delta = b2 <= 0.0 ? 0.0 : b2 / d2;
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      f[i][i] = mu;
    }
    return new ShrunkCovariance(ShrinkageTarget.SCALED_IDENTITY, delta, combine(delta, f, s), f, s);
  }

  /**
   * Shrinkage towards constant correlation, as in the paper ({@link
   * ConstantCorrelationVariant#PAPER}); see {@link #constantCorrelation(double[][],
   * ConstantCorrelationVariant)}.
   *
   * @param returns {@code T x N} returns, rows = observations, {@code N >= 2}
   * @return the estimate with the paper's intermediate quantities
   * @throws IllegalArgumentException if {@code returns} is ragged, has fewer than 2 rows or
   *     columns, a non-finite value, or a column with zero variance
   */
  public static ConstantCorrelationShrinkage constantCorrelation(double[][] returns) {
    return constantCorrelation(returns, ConstantCorrelationVariant.PAPER);
  }

  /**
   * Shrinkage towards constant correlation: Ledoit and Wolf (2004), "Honey, I shrunk the sample
   * covariance matrix", J. Portfolio Management 30(4), 110-119, section 2 and Appendix B. With
   * de-meaned rows {@code x_t}, {@code h = (1/T) X_c' X_c} and {@code S} the chosen sample
   * covariance ({@code S = h} in the paper):
   *
   * <pre>
   *   rbar      = mean over i != j of s_ij / sqrt(s_ii s_jj)
   *   F_ii = s_ii,  F_ij = rbar sqrt(s_ii s_jj)
   *   pi_ij     = (1/T) sum_t x_ti^2 x_tj^2 - 2 h_ij s_ij + s_ij^2
   *   theta_ij  = (1/T) sum_t x_ti^3 x_tj - h_ii s_ij - h_ij s_ii + s_ii s_ij
   *   pi        = sum_ij pi_ij
   *   rho       = sum_i pi_ii + rbar sum_{i != j} sqrt(s_jj / s_ii) theta_ij
   *   gamma     = ||F - S||_F^2
   *   delta     = max(0, min(1, (pi - rho) / gamma / T))
   * </pre>
   *
   * With {@code S = h} these are the paper's {@code pi_ij = (1/T) sum_t ((x_ti x_tj) - s_ij)^2} and
   * {@code theta_ii,ij = (1/T) sum_t (x_ti^2 - s_ii)(x_ti x_tj - s_ij)}; the expanded form lets
   * {@link ConstantCorrelationVariant#PYPORTFOLIOOPT_1_5_6} reproduce that library exactly.
   *
   * @param returns {@code T x N} returns, rows = observations, {@code N >= 2}
   * @param variant which sample covariance goes where
   * @return the estimate with the intermediate quantities
   * @throws IllegalArgumentException if {@code returns} is ragged, has fewer than 2 rows or
   *     columns, a non-finite value, or a column with zero variance
   */
  public static ConstantCorrelationShrinkage constantCorrelation(
      double[][] returns, ConstantCorrelationVariant variant) {
    Objects.requireNonNull(variant, "variant");
    int n = Matrices.requireReturns(returns, "returns");
    if (n < 2) {
      throw new IllegalArgumentException(
          "returns must have at least 2 columns for a constant-correlation target but had " + n);
    }
    int t = returns.length;
    double[][] x = Matrices.centred(returns);
    double[][] h = Matrices.crossProduct(x, t);
    double[][] s =
        variant == ConstantCorrelationVariant.PAPER ? h : Matrices.crossProduct(x, t - 1.0);
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(s[i][i] > 0.0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "returns column %d must have a variance > 0 but it was %s",
                i,
                s[i][i]));
      }
      sd[i] = Math.sqrt(s[i][i]);
    }
    double rbar = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          rbar += s[i][j] / (sd[i] * sd[j]);
        }
      }
    }
    rbar /= (double) n * (n - 1);
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        f[i][j] = i == j ? s[i][i] : rbar * (sd[i] * sd[j]);
      }
    }
    double pi = 0.0;
    double piDiag = 0.0;
    double thetaSum = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double m22 = 0.0;
        double m31 = 0.0;
        for (double[] row : x) {
          double xi = row[i];
          double xj = row[j];
          m22 += xi * xi * xj * xj;
          m31 += xi * xi * xi * xj;
        }
        m22 /= t;
        m31 /= t;
        double piIj = m22 - 2.0 * h[i][j] * s[i][j] + s[i][j] * s[i][j];
        pi += piIj;
        if (i == j) {
          piDiag += piIj;
        } else {
          double theta = m31 - h[i][i] * s[i][j] - h[i][j] * s[i][i] + s[i][i] * s[i][j];
          thetaSum += sd[j] / sd[i] * theta;
        }
      }
    }
    double rho = piDiag + rbar * thetaSum;
    double gamma = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = f[i][j] - s[i][j];
        gamma += d * d;
      }
    }
    double kappa;
    double delta;
    if (gamma == 0.0) {
      kappa = Double.NaN;
      delta = 0.0;
    } else {
      kappa = (pi - rho) / gamma;
      delta = Math.max(0.0, Math.min(1.0, kappa / t));
    }
    ShrunkCovariance estimate =
        new ShrunkCovariance(
            ShrinkageTarget.CONSTANT_CORRELATION, delta, combine(delta, f, s), f, s);
    return new ConstantCorrelationShrinkage(estimate, variant, rbar, pi, rho, gamma, kappa);
  }

  /** {@code delta F + (1 - delta) S}, symmetric because F and S are. */
  private static double[][] combine(double delta, double[][] f, double[][] s) {
    int n = s.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = delta * f[i][j] + (1.0 - delta) * s[i][j];
      }
    }
    return out;
  }
}

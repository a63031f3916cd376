package dev.tyche.risk.covariance;

import java.util.Locale;

/**
 * Plain covariance estimators on a returns matrix {@code double[T][N]} (rows = observations,
 * columns = assets; rectangular, finite, {@code T >= 2}).
 *
 * <ul>
 *   <li>{@link #sample(double[][], int)}: the sample covariance about the column means with an
 *       explicit delta degrees of freedom, divisor {@code T - ddof}.
 *   <li>{@link #ewma(double[][], double, int)}: the exponentially weighted covariance of
 *       RiskMetrics (J.P. Morgan/Reuters, <i>RiskMetrics Technical Document</i>, 4th ed., 1996,
 *       section 5.2.1, eq. 5.3 and 5.4), about a zero mean.
 *   <li>{@link #correlation(double[][])}: correlation from covariance.
 * </ul>
 *
 * <p>Units: the result is in squared return units per period of the input (no annualisation).
 *
 * <p>Immutable and thread-safe.
 */
public final class CovarianceEstimators {

  private CovarianceEstimators() {}

  /**
   * Column means {@code xbar_j = (1/T) sum_t x_tj}.
   *
   * @param returns {@code T x N} returns, rows = observations
   * @return the {@code N} column means
   * @throws IllegalArgumentException if {@code returns} is ragged, has fewer than 2 rows, no
   *     columns, or a non-finite value
   */
  public static double[] columnMeans(double[][] returns) {
    Matrices.requireReturns(returns, "returns");
    return Matrices.means(returns);
  }

  /**
   * Sample covariance {@code S = (1/(T - ddof)) sum_t (x_t - xbar)(x_t - xbar)'}. Use {@code ddof =
   * 1} for the unbiased estimator (numpy {@code np.cov}, R {@code cov}) and {@code ddof = 0} for
   * the maximum-likelihood (1/T) estimator used by Ledoit-Wolf and scikit-learn.
   *
   * <p>The result is exactly symmetric. Adding a constant vector to every row leaves it unchanged
   * (up to rounding), because the mean is removed first.
   *
   * @param returns {@code T x N} returns, rows = observations
   * @param ddof delta degrees of freedom, 0 or 1
   * @return the {@code N x N} covariance
   * @throws IllegalArgumentException if {@code ddof} is not 0 or 1, or {@code returns} is ragged,
   *     has fewer than 2 rows, no columns, or a non-finite value
   */
  public static double[][] sample(double[][] returns, int ddof) {
    if (ddof != 0 && ddof != 1) {
      throw new IllegalArgumentException("ddof must be 0 or 1 but was " + ddof);
    }
    Matrices.requireReturns(returns, "returns");
    return Matrices.crossProduct(Matrices.centred(returns), returns.length - ddof);
  }

  /**
   * Exponentially weighted moving-average covariance about a zero mean (RiskMetrics 1996, eq. 5.4
   * in recursive form): {@code S_t = lambda S_{t-1} + (1 - lambda) x_t x_t'}.
   *
   * <p>Seeding: {@code S} starts as the zero-mean second moment of the first {@code seedRows} rows,
   * {@code (1/m) sum_{t<m} x_t x_t'} with {@code m = seedRows}, and the recursion then runs over
   * rows {@code m .. T-1}. The estimate after the last row is returned, so it uses only the data
   * given (no look-ahead). The mean is taken as zero, as RiskMetrics does for daily returns;
   * de-mean the input first if that is not wanted. {@code seedRows = T} returns the plain zero-mean
   * second moment. RiskMetrics uses {@code lambda = 0.94} for daily data.
   *
   * @param returns {@code T x N} returns, rows = observations in time order (oldest first)
   * @param lambda decay factor, {@code 0 < lambda < 1}
   * @param seedRows number of leading rows averaged into the seed, {@code 1 <= seedRows <= T}
   * @return the {@code N x N} EWMA covariance after the last row
   * @throws IllegalArgumentException on a bad {@code lambda} or {@code seedRows}, or a ragged,
   *     short or non-finite {@code returns}
   */
  public static double[][] ewma(double[][] returns, double lambda, int seedRows) {
    if (!(lambda > 0.0 && lambda < 1.0)) {
      throw new IllegalArgumentException("lambda must be in (0, 1) but was " + lambda);
    }
    int n = Matrices.requireReturns(returns, "returns");
    int t = returns.length;
    if (seedRows < 1 || seedRows > t) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "seedRows must be in [1, %d] (the row count) but was %d", t, seedRows));
    }
    double[][] s = new double[n][n];
    for (int k = 0; k < seedRows; k++) {
      addOuter(s, returns[k], 1.0 / seedRows);
    }
    for (int k = seedRows; k < t; k++) {
      for (double[] row : s) {
        for (int j = 0; j < n; j++) {
          row[j] *= lambda;
        }
      }
      addOuter(s, returns[k], 1.0 - lambda);
    }
    return s;
  }

  /**
   * Correlation from covariance: {@code C_ij = S_ij / sqrt(S_ii S_jj)}, with the diagonal set to
   * exactly 1.
   *
   * @param covariance a symmetric {@code N x N} matrix with a strictly positive diagonal
   * @return the {@code N x N} correlation matrix
   * @throws IllegalArgumentException if the matrix is not square, not symmetric, not finite, or has
   *     a variance {@code <= 0}
   */
  public static double[][] correlation(double[][] covariance) {
    int n = Matrices.requireCovariance(covariance, "covariance");
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(covariance[i][i]);
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        c[i][j] = covariance[i][j] / (sd[i] * sd[j]);
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  private static void addOuter(double[][] s, double[] x, double weight) {
    // Lower triangle mirrored, so that the result is exactly symmetric.
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j <= i; j++) {
        s[i][j] += weight * x[i] * x[j];
        s[j][i] = s[i][j];
      }
    }
  }
}

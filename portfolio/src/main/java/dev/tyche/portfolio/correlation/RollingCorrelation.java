package dev.tyche.portfolio.correlation;

import java.util.Arrays;

/**
 * Rolling Pearson correlation matrices over a {@code T x N} returns matrix (rows = periods, oldest
 * first; columns = assets).
 *
 * <p>The matrix for end index {@code e} uses rows {@code e - w + 1 .. e} inclusive, so it sees no
 * data after {@code e}; end indices run from {@code w - 1} to {@code T - 1}. Each window is
 * computed afresh with the two-pass formula {@code rho_ij = S_ij / sqrt(S_ii S_jj)}, {@code S_ij =
 * sum_t (x_ti - xbar_i)(x_tj - xbar_j)}, which avoids the cancellation of running sums of squares;
 * the cost is {@code O(T w N^2)} time and {@code O(T N^2)} memory for the result. A column that is
 * constant within a window has undefined correlations: its row and column of that window's matrix,
 * diagonal included, are NaN (as {@code dev.tyche.core.stats.Descriptive #correlation} reports for
 * a constant sample).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class RollingCorrelation {

  private RollingCorrelation() {}

  /**
   * The rolling correlation matrices.
   *
   * @param returns {@code T x N} returns, rectangular and finite, {@code N >= 1}
   * @param window the window length {@code w}, {@code 2 <= w <= T}
   * @return one matrix per end index {@code w - 1 .. T - 1}
   * @throws IllegalArgumentException for a bad window or matrix
   */
  public static RollingCorrelations of(double[][] returns, int window) {
    int n = Inputs.returns(returns, "returns");
    int t = returns.length;
    if (window < 2 || window > t) {
      throw new IllegalArgumentException(
          "window must be in [2, " + t + "] (the row count) but was " + window);
    }
    double[][][] out = new double[t - window + 1][][];
    double[] mean = new double[n];
    double[][] s = new double[n][n];
    boolean[] constant = new boolean[n];
    for (int e = window - 1; e < t; e++) {
      int start = e - window + 1;
      Arrays.fill(mean, 0.0);
      for (int r = start; r <= e; r++) {
        for (int j = 0; j < n; j++) {
          mean[j] += returns[r][j];
        }
      }
      for (int j = 0; j < n; j++) {
        mean[j] /= window;
      }
      for (double[] row : s) {
        Arrays.fill(row, 0.0);
      }
      for (int r = start; r <= e; r++) {
        double[] x = returns[r];
        for (int i = 0; i < n; i++) {
          double di = x[i] - mean[i];
          for (int j = 0; j <= i; j++) {
            s[i][j] += di * (x[j] - mean[j]);
          }
        }
      }
      // Constant columns are found by comparing values, not by S_ii == 0: the computed mean of
      // equal values need not equal them exactly, which would leave a tiny non-zero S_ii.
      for (int j = 0; j < n; j++) {
        constant[j] = true;
        for (int r = start + 1; r <= e && constant[j]; r++) {
          constant[j] = returns[r][j] == returns[start][j];
        }
      }
      double[][] c = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double v;
          if (constant[i] || constant[j] || s[i][i] == 0.0 || s[j][j] == 0.0) {
            v = Double.NaN;
          } else if (i == j) {
            v = 1.0;
          } else {
            v = Math.max(-1.0, Math.min(1.0, s[i][j] / Math.sqrt(s[i][i] * s[j][j])));
          }
          c[i][j] = v;
          c[j][i] = v;
        }
      }
      out[e - window + 1] = c;
    }
    return new RollingCorrelations(window, out);
  }
}

package dev.tyche.portfolio.correlation;

/**
 * Summaries of a correlation matrix: the average pairwise correlation and the correlation distance
 * of Mantegna.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class Correlations {

  private Correlations() {}

  /**
   * The average pairwise correlation, the mean of the {@code N (N - 1) / 2} entries above the
   * diagonal: {@code (2 / (N (N - 1))) sum_{i<j} rho_ij}.
   *
   * @param correlation a symmetric {@code N x N} correlation matrix, {@code N >= 2}, finite, unit
   *     diagonal, entries in [-1, 1]
   * @return the average off-diagonal correlation, in [-1, 1]
   * @throws IllegalArgumentException if the matrix is not a valid correlation matrix or {@code N <
   *     2}
   */
  public static double averagePairwise(double[][] correlation) {
    int n = Inputs.correlation(correlation, "correlation");
    if (n < 2) {
      throw new IllegalArgumentException(
          "correlation must be at least 2x2 for a pairwise average but was 1x1");
    }
    return upperMean(correlation);
  }

  /**
   * The correlation distance of R. N. Mantegna, "Hierarchical structure in financial markets",
   * European Physical Journal B 11, 1999, 193-197: {@code d_ij = sqrt(0.5 (1 - rho_ij))}, in [0,
   * 1]; 0 for perfectly correlated, 1/sqrt(2) for uncorrelated and 1 for perfectly anti-correlated
   * assets. It is a metric (the Euclidean distance between the standardised series, scaled).
   *
   * @param correlation a symmetric {@code N x N} correlation matrix, finite, unit diagonal, entries
   *     in [-1, 1]
   * @return the {@code N x N} distance matrix, zero diagonal, exactly symmetric
   * @throws IllegalArgumentException if the matrix is not a valid correlation matrix
   */
  public static double[][] mantegnaDistance(double[][] correlation) {
    int n = Inputs.correlation(correlation, "correlation");
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double rho = Math.max(-1.0, Math.min(1.0, correlation[i][j]));
        d[i][j] = Math.sqrt(0.5 * (1.0 - rho));
        d[j][i] = d[i][j];
      }
    }
    return d;
  }

  /** Mean of the strictly upper triangle; NaN if any entry is NaN. */
  static double upperMean(double[][] c) {
    int n = c.length;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sum += c[i][j];
      }
    }
    return sum / (n * (n - 1) / 2.0);
  }
}

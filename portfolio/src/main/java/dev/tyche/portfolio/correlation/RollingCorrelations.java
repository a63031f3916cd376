package dev.tyche.portfolio.correlation;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rolling correlation matrices, one per window end index, built by {@link
 * RollingCorrelation#of(double[][], int)}. The matrix at position {@code k} belongs to end index
 * {@code window - 1 + k} of the input. Matrices are deep-copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the window length, {@code >= 2}
 * @param matrices the {@code N x N} correlation matrices in end-index order; NaN entries mark
 *     correlations that are undefined in their window (a constant column)
 */
public record RollingCorrelations(int window, double[][][] matrices) {

  /** Validates the fields and deep-copies the matrices. */
  public RollingCorrelations {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2 but was " + window);
    }
    Objects.requireNonNull(matrices, "matrices must not be null");
    if (matrices.length == 0) {
      throw new IllegalArgumentException("matrices must not be empty");
    }
    matrices = deepCopy(matrices);
    int n = matrices[0].length;
    for (int k = 0; k < matrices.length; k++) {
      if (matrices[k].length != n) {
        throw new IllegalArgumentException(
            "matrices must all be "
                + n
                + "x"
                + n
                + " but matrix "
                + k
                + " had "
                + matrices[k].length
                + " rows");
      }
      for (double[] row : matrices[k]) {
        if (row.length != n) {
          throw new IllegalArgumentException(
              "matrices must be square but matrix " + k + " had a row of length " + row.length);
        }
      }
    }
  }

  /**
   * The first end index that has a matrix, {@code window - 1}.
   *
   * @return the first end index
   */
  public int firstEndIndex() {
    return window - 1;
  }

  /**
   * The last end index that has a matrix, {@code T - 1} of the input.
   *
   * @return the last end index
   */
  public int lastEndIndex() {
    return window - 2 + matrices.length;
  }

  /**
   * The number of matrices, {@code T - window + 1}.
   *
   * @return the count
   */
  public int size() {
    return matrices.length;
  }

  /**
   * The correlation matrix of the window ending at {@code endIndex} (inclusive).
   *
   * @param endIndex a row index of the input, in {@code [firstEndIndex(), lastEndIndex()]}
   * @return a copy of the {@code N x N} matrix
   * @throws IndexOutOfBoundsException if no window ends there
   */
  public double[][] matrixAt(int endIndex) {
    if (endIndex < firstEndIndex() || endIndex > lastEndIndex()) {
      throw new IndexOutOfBoundsException(
          "endIndex must be in ["
              + firstEndIndex()
              + ", "
              + lastEndIndex()
              + "] but was "
              + endIndex);
    }
    double[][] m = matrices[endIndex - firstEndIndex()];
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
    }
    return copy;
  }

  /**
   * The average pairwise correlation of each window (see {@link
   * Correlations#averagePairwise(double[][])}); NaN for a window with an undefined correlation.
   *
   * @return one value per end index, in end-index order
   * @throws IllegalArgumentException if there are fewer than 2 assets
   */
  public double[] averagePairwise() {
    if (matrices[0].length < 2) {
      throw new IllegalArgumentException(
          "averagePairwise needs at least 2 assets but there was " + matrices[0].length);
    }
    double[] out = new double[matrices.length];
    for (int k = 0; k < matrices.length; k++) {
      out[k] = Correlations.upperMean(matrices[k]);
    }
    return out;
  }

  /**
   * The matrices.
   *
   * @return a deep copy, in end-index order
   */
  @Override
  public double[][][] matrices() {
    return deepCopy(matrices);
  }

  private static double[][][] deepCopy(double[][][] m) {
    double[][][] out = new double[m.length][][];
    for (int k = 0; k < m.length; k++) {
      Objects.requireNonNull(m[k], "matrices[" + k + "] must not be null");
      out[k] = new double[m[k].length][];
      for (int i = 0; i < m[k].length; i++) {
        out[k][i] = Objects.requireNonNull(m[k][i], "matrices[" + k + "][" + i + "]").clone();
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RollingCorrelations r
        && window == r.window
        && Arrays.deepEquals(matrices, r.matrices);
  }

  @Override
  public int hashCode() {
    return 31 * window + Arrays.deepHashCode(matrices);
  }

  @Override
  public String toString() {
    return "RollingCorrelations[window="
        + window
        + ", size="
        + matrices.length
        + ", assets="
        + matrices[0].length
        + "]";
  }
}

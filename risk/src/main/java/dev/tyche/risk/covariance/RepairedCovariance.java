package dev.tyche.risk.covariance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of {@link CovarianceRepair#clipEigenvalues(double[][], double)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param matrix the repaired (or, if nothing was needed, the unchanged) {@code N x N} matrix
 * @param changed whether the input was modified
 * @param minEigenvalueBefore the smallest eigenvalue of the input
 * @param clippedEigenvalues how many eigenvalues were below the floor and raised to it
 * @param floor the eigenvalue floor that was applied
 */
public record RepairedCovariance(
    double[][] matrix,
    boolean changed,
    double minEigenvalueBefore,
    int clippedEigenvalues,
    double floor) {

  /** Validates and copies the matrix. */
  public RepairedCovariance {
    Matrices.requireSquare(matrix, "matrix");
    if (clippedEigenvalues < 0 || clippedEigenvalues > matrix.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "clippedEigenvalues must be in [0, %d] but was %d",
              matrix.length,
              clippedEigenvalues));
    }
    if (changed != (clippedEigenvalues > 0)) {
      throw new IllegalArgumentException(
          "changed must be true exactly when eigenvalues were clipped but changed="
              + changed
              + ", clippedEigenvalues="
              + clippedEigenvalues);
    }
    if (!(floor > 0.0) || Double.isInfinite(floor) || Double.isNaN(minEigenvalueBefore)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "floor must be finite and > 0 and minEigenvalueBefore a number but were %s and %s",
              floor,
              minEigenvalueBefore));
    }
    matrix = Matrices.copy(matrix);
  }

  /**
   * The repaired matrix.
   *
   * @return a copy of the {@code N x N} matrix
   */
  @Override
  public double[][] matrix() {
    return Matrices.copy(matrix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepairedCovariance other
        && changed == other.changed
        && clippedEigenvalues == other.clippedEigenvalues
        && Double.compare(minEigenvalueBefore, other.minEigenvalueBefore) == 0
        && Double.compare(floor, other.floor) == 0
        && Arrays.deepEquals(matrix, other.matrix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        changed, clippedEigenvalues, minEigenvalueBefore, floor, Arrays.deepHashCode(matrix));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RepairedCovariance[changed=%s, clipped=%d, minEigenvalueBefore=%s, floor=%s, matrix=%s]",
        changed,
        clippedEigenvalues,
        minEigenvalueBefore,
        floor,
        Arrays.deepToString(matrix));
  }
}

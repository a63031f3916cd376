package dev.tyche.portfolio.risk;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Validation of weights and covariance matrices shared by this package. Stateless. */
final class CovarianceChecks {

  /** Relative tolerance of the symmetry check, against the largest absolute entry. */
  static final double SYMMETRY_TOLERANCE = 1e-10;

  /**
   * An eigenvalue below {@code -PSD_TOLERANCE * max|eigenvalue|} makes the matrix "not positive
   * semi-definite"; smaller negative eigenvalues are rounding noise of a singular matrix.
   */
  static final double PSD_TOLERANCE = 1e-10;

  private CovarianceChecks() {}

  /** Requires a non-null, non-empty, finite vector. */
  static double[] finiteVector(double[] x, String name) {
    Objects.requireNonNull(x, name + " must not be null");
    if (x.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + x[i]);
      }
    }
    return x;
  }

  /**
   * Requires a square, finite, symmetric, positive semi-definite matrix of size {@code n} with a
   * non-negative diagonal.
   */
  static void covariance(double[][] covariance, int n) {
    Objects.requireNonNull(covariance, "covariance must not be null");
    if (covariance.length != n) {
      throw new IllegalArgumentException(
          "covariance must be " + n + "x" + n + " but had " + covariance.length + " rows");
    }
    double maxAbs = 0.0;
    for (int i = 0; i < n; i++) {
      double[] row =
          Objects.requireNonNull(covariance[i], "covariance[" + i + "] must not be null");
      if (row.length != n) {
        throw new IllegalArgumentException(
            "covariance must be square " + n + "x" + n + " but row " + i + " had " + row.length);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              "covariance[" + i + "][" + j + "] must be finite but was " + row[j]);
        }
        maxAbs = Math.max(maxAbs, Math.abs(row[j]));
      }
      if (row[i] < 0.0) {
        throw new IllegalArgumentException(
            "covariance[" + i + "][" + i + "] is a variance and must be >= 0 but was " + row[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(covariance[i][j] - covariance[j][i]) > SYMMETRY_TOLERANCE * maxAbs) {
          throw new IllegalArgumentException(
              "covariance must be symmetric but covariance["
                  + i
                  + "]["
                  + j
                  + "] = "
                  + covariance[i][j]
                  + " and covariance["
                  + j
                  + "]["
                  + i
                  + "] = "
                  + covariance[j][i]);
        }
      }
    }
    double minEigen = smallestEigenvalue(covariance);
    if (minEigen < -PSD_TOLERANCE * Math.max(maxAbs * n, Double.MIN_NORMAL)) {
      throw new IllegalArgumentException(
          "covariance must be positive semi-definite but its smallest eigenvalue was "
              + minEigen
              + " (repair it first, e.g. with dev.tyche.risk.covariance.CovarianceRepair)");
    }
  }

  /** The smallest eigenvalue of a symmetric matrix (symmetric QR algorithm, EJML). */
  static double smallestEigenvalue(double[][] symmetric) {
    int n = symmetric.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
    if (!eig.decompose(new DMatrixRMaj(symmetric))) {
      throw new IllegalStateException("eigen-decomposition of the covariance failed");
    }
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, eig.getEigenvalue(i).getReal());
    }
    return min;
  }

  /** {@code Sigma w}, summed in plain order (the matrices here are small). */
  static double[] times(double[][] covariance, double[] w) {
    int n = w.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (int j = 0; j < n; j++) {
        s += covariance[i][j] * w[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** {@code x' y}. */
  static double dot(double[] x, double[] y) {
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /** Requires the vector to have length {@code n}. */
  static void sameLength(double[] x, String name, int n, String reference) {
    if (x.length != n) {
      throw new IllegalArgumentException(
          name
              + " must have the length of "
              + reference
              + " ("
              + n
              + ") but had length "
              + x.length);
    }
  }
}

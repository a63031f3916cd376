package dev.tyche.risk.covariance;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Positive-definiteness check and repair of covariance matrices.
 *
 * <p>The repair is <b>eigenvalue clipping with diagonal rescaling</b> (not Higham's nearest
 * correlation matrix): with the spectral decomposition {@code A = V diag(l) V'}, every eigenvalue
 * below {@code floor} is raised to it, {@code B = V diag(max(l, floor)) V'}, and then {@code B} is
 * rescaled by the congruence {@code D B D}, {@code D_ii = sqrt(A_ii / B_ii)}, so that the variances
 * of the input are kept exactly. This is the eigenvalue method of Rousseeuw and Molenberghs (1993),
 * "Transformation of non positive semidefinite correlation matrices", Commun. Statist. Theory
 * Methods 22(4), and of Rebonato and Jaeckel (2000), "The most general methodology to create a
 * valid correlation matrix for risk management and option pricing purposes", J. Risk 2(2), applied
 * to a covariance. A congruence with a positive diagonal {@code D} preserves positive definiteness,
 * so the result is positive definite, though its smallest eigenvalue may end somewhat below {@code
 * floor} after rescaling.
 *
 * <p>Immutable and thread-safe.
 */
public final class CovarianceRepair {

  private CovarianceRepair() {}

  /**
   * Whether a matrix is symmetric positive definite: it must be symmetric (to a relative 1e-12) and
   * admit a Cholesky factorisation {@code A = L L'} with strictly positive pivots.
   *
   * @param matrix a square, finite matrix
   * @return {@code true} if symmetric positive definite; {@code false} if not symmetric or not
   *     positive definite
   * @throws IllegalArgumentException if {@code matrix} is empty, not square or not finite
   */
  public static boolean isPositiveDefinite(double[][] matrix) {
    int n = Matrices.requireSquare(matrix, "matrix");
    try {
      Matrices.requireSymmetric(matrix, "matrix");
    } catch (IllegalArgumentException notSymmetric) {
      return false;
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    if (!chol.decompose(new DMatrixRMaj(matrix))) {
      return false;
    }
    DMatrixRMaj l = chol.getT(null);
    for (int i = 0; i < n; i++) {
      double pivot = l.get(i, i);
      if (!(pivot > 0.0) || Double.isInfinite(pivot)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Repairs a symmetric matrix by eigenvalue clipping and diagonal rescaling (see the class
   * description). If the smallest eigenvalue is already {@code >= floor}, the input is returned
   * unchanged (as a copy) with {@code changed = false}.
   *
   * <p>Choose {@code floor} relative to the scale of the matrix, for example {@code 1e-8 *
   * trace(A)/N}.
   *
   * @param covariance a symmetric {@code N x N} matrix with a strictly positive diagonal
   * @param floor the eigenvalue floor, finite and {@code > 0}
   * @return the repaired matrix and what was done
   * @throws IllegalArgumentException if {@code covariance} is not square, symmetric and finite with
   *     a positive diagonal, or {@code floor} is not finite and positive
   * @throws IllegalStateException if the eigen-decomposition fails
   */
  public static RepairedCovariance clipEigenvalues(double[][] covariance, double floor) {
    if (!(floor > 0.0) || Double.isInfinite(floor)) {
      throw new IllegalArgumentException("floor must be finite and > 0 but was " + floor);
    }
    int n = Matrices.requireCovariance(covariance, "covariance");
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(new DMatrixRMaj(covariance))) {
      throw new IllegalStateException(
          "symmetric eigen-decomposition failed for a " + n + "x" + n + " matrix");
    }
    double minBefore = Double.POSITIVE_INFINITY;
    int clipped = 0;
    double[] lambda = new double[n];
    double[][] vectors = new double[n][];
    for (int k = 0; k < n; k++) {
      lambda[k] = eig.getEigenvalue(k).getReal();
      vectors[k] = eig.getEigenVector(k).getData().clone();
      minBefore = Math.min(minBefore, lambda[k]);
      if (lambda[k] < floor) {
        lambda[k] = floor;
        clipped++;
      }
    }
    if (clipped == 0) {
      return new RepairedCovariance(covariance, false, minBefore, 0, floor);
    }
    double[][] b = new double[n][n];
    for (int k = 0; k < n; k++) {
      double[] v = vectors[k];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          b[i][j] += lambda[k] * v[i] * v[j];
        }
      }
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(b[i][i] > 0.0)) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT, "clipped matrix has a non-positive diagonal %s at %d", b[i][i], i));
      }
      d[i] = Math.sqrt(covariance[i][i] / b[i][i]);
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        out[i][j] = d[i] * b[i][j] * d[j];
        out[j][i] = out[i][j];
      }
      // Exactly the input variance, not a rounded D B D.
      out[i][i] = covariance[i][i];
    }
    return new RepairedCovariance(out, true, minBefore, clipped, floor);
  }
}

package dev.tyche.risk.var;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Parametric (delta-normal) portfolio VaR with marginal and component VaR, after Jorion, Value at
 * Risk, 3rd ed., 2007, ch. 7 ("Portfolio Risk: Analytical Methods").
 *
 * <p>Weights {@code w} are exposures per unit of capital (they may be negative and need not sum to
 * one), {@code Sigma} the per-period covariance matrix of the asset simple returns and {@code mu}
 * their mean (zero when omitted, which is Jorion's VaR relative to the mean). With {@code alpha =
 * -Phi^-1(1 - a)} (positive for {@code a > 0.5}):
 *
 * <pre>{@code
 * sigma_p    = sqrt(w' Sigma w)
 * VaR        = -(w' mu) + alpha sigma_p
 * dVaR/dw_i  = -mu_i + alpha (Sigma w)_i / sigma_p      (marginal VaR)
 * CVaR_i     = w_i dVaR/dw_i                           (component VaR)
 * }</pre>
 *
 * VaR is homogeneous of degree one in {@code w}, so by Euler's theorem the components sum to the
 * total VaR. The portfolio CVaR (normal expected shortfall) is {@code -(w' mu) + sigma_p phi(alpha)
 * / (1 - a)}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class PortfolioVar {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Relative tolerance of the symmetry check, against the largest absolute entry. */
  private static final double SYMMETRY_TOLERANCE = 1e-10;

  private PortfolioVar() {}

  /**
   * Portfolio VaR relative to the mean (zero mean returns).
   *
   * @param weights exposures per unit of capital, finite, not all zero
   * @param covariance the per-period covariance matrix, square, symmetric, finite, of the same size
   *     as {@code weights}
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return VaR, CVaR, marginal and component VaR
   * @throws IllegalArgumentException for mismatched sizes, an asymmetric or non-finite matrix, or a
   *     portfolio variance that is not positive
   */
  public static PortfolioVarResult parametric(
      double[] weights, double[][] covariance, double confidence) {
    Samples.requireFinite("weights", weights);
    return parametric(weights, new double[weights.length], covariance, confidence);
  }

  /**
   * Portfolio VaR with expected returns.
   *
   * @param weights exposures per unit of capital, finite, not all zero
   * @param means expected per-period simple return of each asset, finite, same length
   * @param covariance the per-period covariance matrix, square, symmetric, finite, of the same size
   *     as {@code weights}
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @return VaR, CVaR, marginal and component VaR
   * @throws IllegalArgumentException for mismatched sizes, an asymmetric or non-finite matrix, or a
   *     portfolio variance that is not positive
   */
  public static PortfolioVarResult parametric(
      double[] weights, double[] means, double[][] covariance, double confidence) {
    Samples.requireFinite("weights", weights);
    Samples.requireFinite("means", means);
    double p = Samples.tailProbability(confidence);
    int n = weights.length;
    if (means.length != n) {
      throw new IllegalArgumentException(
          "means must have the length of weights (" + n + ") but had length " + means.length);
    }
    DMatrixRMaj sigma = validatedCovariance(covariance, n);
    DMatrixRMaj w = new DMatrixRMaj(n, 1, true, weights);
    DMatrixRMaj sigmaW = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.mult(sigma, w, sigmaW);
    double variance = 0.0;
    double expected = 0.0;
    for (int i = 0; i < n; i++) {
      variance += weights[i] * sigmaW.get(i, 0);
      expected += weights[i] * means[i];
    }
    if (!(variance > 0.0)) {
      throw new IllegalArgumentException(
          "portfolio variance w' Sigma w must be > 0 but was "
              + variance
              + " (zero weights, a singular direction or a covariance that is not positive"
              + " semi-definite)");
    }
    double sd = Math.sqrt(variance);
    double alpha = -STANDARD_NORMAL.inverseCumulativeProbability(p);
    double[] marginal = new double[n];
    double[] component = new double[n];
    for (int i = 0; i < n; i++) {
      marginal[i] = -means[i] + alpha * sigmaW.get(i, 0) / sd;
      component[i] = weights[i] * marginal[i];
    }
    return new PortfolioVarResult(
        confidence,
        sd,
        -expected + alpha * sd,
        -expected + sd * STANDARD_NORMAL.density(alpha) / p,
        marginal,
        component);
  }

  private static DMatrixRMaj validatedCovariance(double[][] covariance, int n) {
    Objects.requireNonNull(covariance, "covariance");
    if (covariance.length != n) {
      throw new IllegalArgumentException(
          "covariance must have one row per weight (" + n + ") but had " + covariance.length);
    }
    double maxAbs = 0.0;
    for (int i = 0; i < n; i++) {
      double[] row = Objects.requireNonNull(covariance[i], "covariance[" + i + "]");
      if (row.length != n) {
        throw new IllegalArgumentException(
            "covariance must be square "
                + n
                + "x"
                + n
                + " but row "
                + i
                + " had length "
                + row.length);
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
    double tolerance = SYMMETRY_TOLERANCE * maxAbs;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(covariance[i][j] - covariance[j][i]) > tolerance) {
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
    return new DMatrixRMaj(covariance);
  }
}

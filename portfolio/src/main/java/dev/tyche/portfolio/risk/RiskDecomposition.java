package dev.tyche.portfolio.risk;

import dev.tyche.risk.var.PortfolioVar;
import dev.tyche.risk.var.PortfolioVarResult;

/**
 * Risk decomposition of a portfolio with a given covariance matrix: volatility and its Euler
 * contributions, parametric VaR contributions and the diversification ratio.
 *
 * <p>Conventions: {@code weights} are exposures per unit of capital (they may be negative and need
 * not sum to one); {@code covariance} is the per-period covariance of the assets' simple returns,
 * square, symmetric, finite and positive semi-definite (checked by its smallest eigenvalue; repair
 * an indefinite estimate with {@code dev.tyche.risk.covariance.CovarianceRepair} first). Nothing is
 * annualised: results are in the period of the covariance.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class RiskDecomposition {

  private RiskDecomposition() {}

  /**
   * Portfolio volatility {@code sqrt(w' Sigma w)}.
   *
   * @param weights exposures per unit of capital, finite
   * @param covariance the per-period covariance matrix, positive semi-definite, same size
   * @return the per-period standard deviation of the portfolio return, {@code >= 0}
   * @throws IllegalArgumentException for mismatched sizes, non-finite values, an asymmetric or
   *     indefinite covariance
   */
  public static double volatility(double[] weights, double[][] covariance) {
    CovarianceChecks.finiteVector(weights, "weights");
    CovarianceChecks.covariance(covariance, weights.length);
    double variance = CovarianceChecks.dot(weights, CovarianceChecks.times(covariance, weights));
    // A PSD matrix can still give a variance of -1e-20 from rounding; that is zero.
    return Math.sqrt(Math.max(variance, 0.0));
  }

  /**
   * Marginal, component and percentage contributions to volatility (see {@link RiskContributions}
   * for the formulas and sources).
   *
   * @param weights exposures per unit of capital, finite
   * @param covariance the per-period covariance matrix, positive semi-definite, same size
   * @return the decomposition; components sum to the volatility and percentages to 1
   * @throws IllegalArgumentException for mismatched sizes, non-finite values, an asymmetric or
   *     indefinite covariance, or a portfolio volatility of zero (contributions undefined)
   */
  public static RiskContributions contributions(double[] weights, double[][] covariance) {
    CovarianceChecks.finiteVector(weights, "weights");
    CovarianceChecks.covariance(covariance, weights.length);
    int n = weights.length;
    double[] sigmaW = CovarianceChecks.times(covariance, weights);
    double variance = CovarianceChecks.dot(weights, sigmaW);
    if (!(variance > 0.0)) {
      throw new IllegalArgumentException(
          "portfolio variance w' Sigma w must be > 0 for contributions to be defined but was "
              + variance);
    }
    double sd = Math.sqrt(variance);
    double[] marginal = new double[n];
    double[] component = new double[n];
    double[] percent = new double[n];
    for (int i = 0; i < n; i++) {
      marginal[i] = sigmaW[i] / sd;
      component[i] = weights[i] * marginal[i];
      // w_i (Sigma w)_i / variance rather than component / sd: one rounding fewer.
      percent[i] = weights[i] * sigmaW[i] / variance;
    }
    return new RiskContributions(sd, marginal, component, percent);
  }

  /**
   * Contributions to parametric (delta-normal) VaR relative to the mean: {@code VaR = z_a sigma_p},
   * marginal VaR {@code z_a (Sigma w)_i / sigma_p} and component VaR {@code w_i} times that, which
   * sum to VaR (Jorion, <i>Value at Risk</i>, 3rd ed., 2007, ch. 7). This checks the covariance for
   * positive semi-definiteness and then delegates to {@link PortfolioVar#parametric(double[],
   * double[][], double)}; VaR is a positive loss per unit of capital.
   *
   * @param weights exposures per unit of capital, finite
   * @param covariance the per-period covariance matrix, positive semi-definite, same size
   * @param confidence the confidence level, in (0, 1), e.g. 0.99
   * @return VaR, CVaR, marginal and component VaR
   * @throws IllegalArgumentException for bad sizes, values, confidence or a zero portfolio variance
   */
  public static PortfolioVarResult varContributions(
      double[] weights, double[][] covariance, double confidence) {
    CovarianceChecks.finiteVector(weights, "weights");
    CovarianceChecks.covariance(covariance, weights.length);
    return PortfolioVar.parametric(weights, covariance, confidence);
  }

  /**
   * Contributions to parametric VaR with expected returns: {@code VaR = -w' mu + z_a sigma_p}; see
   * {@link PortfolioVar#parametric(double[], double[], double[][], double)}.
   *
   * @param weights exposures per unit of capital, finite
   * @param means expected per-period simple returns, same length, finite
   * @param covariance the per-period covariance matrix, positive semi-definite, same size
   * @param confidence the confidence level, in (0, 1)
   * @return VaR, CVaR, marginal and component VaR; components sum to VaR
   * @throws IllegalArgumentException for bad sizes, values, confidence or a zero portfolio variance
   */
  public static PortfolioVarResult varContributions(
      double[] weights, double[] means, double[][] covariance, double confidence) {
    CovarianceChecks.finiteVector(weights, "weights");
    CovarianceChecks.covariance(covariance, weights.length);
    return PortfolioVar.parametric(weights, means, covariance, confidence);
  }

  /**
   * The diversification ratio of Choueifaty and Coignard, "Toward maximum diversification", J.
   * Portfolio Management 35(1), 2008, eq. 1: {@code DR = w' sigma / sqrt(w' Sigma w)} with {@code
   * sigma_i = sqrt(Sigma_ii)}. For long-only weights it is at least 1 (Cauchy-Schwarz), with
   * equality when all held assets are perfectly correlated; it is the weighted average volatility
   * divided by the portfolio volatility.
   *
   * @param weights long-only weights, finite, {@code >= 0}, not all zero (they need not sum to 1:
   *     the ratio is scale-invariant)
   * @param covariance the per-period covariance matrix, positive semi-definite, same size
   * @return the diversification ratio, {@code >= 1}
   * @throws IllegalArgumentException for a negative weight, bad sizes or values, or a portfolio
   *     variance of zero
   */
  public static double diversificationRatio(double[] weights, double[][] covariance) {
    CovarianceChecks.finiteVector(weights, "weights");
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0.0) {
        throw new IllegalArgumentException(
            "weights[" + i + "] must be >= 0 (long-only) but was " + weights[i]);
      }
    }
    CovarianceChecks.covariance(covariance, weights.length);
    double variance = CovarianceChecks.dot(weights, CovarianceChecks.times(covariance, weights));
    if (!(variance > 0.0)) {
      throw new IllegalArgumentException(
          "portfolio variance w' Sigma w must be > 0 but was " + variance);
    }
    double weightedVol = 0.0;
    for (int i = 0; i < weights.length; i++) {
      weightedVol += weights[i] * Math.sqrt(covariance[i][i]);
    }
    return weightedVol / Math.sqrt(variance);
  }
}

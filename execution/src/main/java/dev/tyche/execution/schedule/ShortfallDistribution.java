package dev.tyche.execution.schedule;

import dev.tyche.core.Require;

/**
 * The distribution of the implementation shortfall (cost) of a static schedule under the
 * Almgren-Chriss model.
 *
 * <p>The shortfall is the pre-trade book value {@code X S0} minus the capture for a sale (the
 * amount paid minus {@code X S0} for a purchase), in currency. For a schedule fixed in advance it
 * is a linear function of the Gaussian price shocks {@code xi_k}, so it is normal with mean {@code
 * E} and variance {@code V} (Almgren and Chriss 2000, §1.4). Positive means a loss.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mean the expected shortfall {@code E}, currency, finite
 * @param variance the variance {@code V}, currency², finite and {@code >= 0}
 */
public record ShortfallDistribution(double mean, double variance) {

  /** Validates the moments. */
  public ShortfallDistribution {
    Require.finite("mean", mean);
    Require.nonNegative("variance", variance);
  }

  /**
   * The standard deviation.
   *
   * @return {@code sqrt(V)}, currency
   */
  public double standardDeviation() {
    return Math.sqrt(variance);
  }

  /**
   * The mean-variance utility that the optimal schedule minimises, {@code U = E + lambda V}
   * (Almgren and Chriss 2000, §2.1 and §3.1).
   *
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return {@code E + lambda V}, currency
   */
  public double utility(double riskAversion) {
    Require.nonNegative("riskAversion", riskAversion);
    return mean + riskAversion * variance;
  }

  /**
   * The shortfall exceeded with a chosen small probability, {@code E + z sqrt(V)}: the paper's
   * value at risk of a trading strategy (Almgren and Chriss 2000, §3.2), where {@code z} is the
   * standard-normal quantile of the confidence level (1.645 for 95 %, 2.326 for 99 %).
   *
   * @param z the number of standard deviations, finite and {@code >= 0}
   * @return {@code E + z sqrt(V)}, currency
   */
  public double valueAtRisk(double z) {
    Require.nonNegative("z", z);
    return mean + z * standardDeviation();
  }
}

package dev.tyche.execution.schedule;

import dev.tyche.core.Require;

/**
 * One point of the Almgren-Chriss efficient frontier: the optimal schedule's expected cost and
 * variance at one risk aversion (Almgren and Chriss 2000, §2.1 and §2.4).
 *
 * <p>Immutable and thread-safe.
 *
 * @param riskAversion {@code lambda}, per currency unit, {@code >= 0}
 * @param kappa the urgency {@code kappa}, per time unit, {@code >= 0}
 * @param expectedCost {@code E}, currency
 * @param variance {@code V}, currency², {@code >= 0}
 */
public record FrontierPoint(
    double riskAversion, double kappa, double expectedCost, double variance) {

  /** Validates the fields. */
  public FrontierPoint {
    Require.nonNegative("riskAversion", riskAversion);
    Require.nonNegative("kappa", kappa);
    Require.finite("expectedCost", expectedCost);
    Require.nonNegative("variance", variance);
  }

  /**
   * The shortfall distribution at this point.
   *
   * @return mean {@code E} and variance {@code V}
   */
  public ShortfallDistribution shortfall() {
    return new ShortfallDistribution(expectedCost, variance);
  }
}

package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * The mean-variance optimal static schedule of an Almgren-Chriss problem at one risk aversion.
 *
 * <p>{@code holdings[k]} is {@code x_k}, the quantity still to trade at time {@code t_k = k tau}
 * ({@code x_0 = X}, {@code x_N = 0}); {@code trades[k-1]} is {@code n_k = x_{k-1} - x_k}, the
 * quantity to trade in interval {@code k} ({@code k = 1..N}), sold for a sale and bought for a
 * purchase. Without drift the holdings fall monotonically from {@code X} to 0; with drift they may
 * leave {@code [0, X]}, which is the model's answer (trade through and back).
 *
 * <p>Immutable and thread-safe (the arrays are copied in and out).
 *
 * @param parameters the problem
 * @param riskAversion {@code lambda}, per currency unit, {@code >= 0}
 * @param kappa the urgency {@code kappa}, per time unit, {@code >= 0} (0: the linear schedule)
 * @param holdings {@code x_0..x_N}, shares, length {@code N + 1}
 * @param trades {@code n_1..n_N}, shares, length {@code N}
 * @param expectedCost {@code E}, currency
 * @param variance {@code V}, currency²
 */
public record AlmgrenChrissSchedule(
    AlmgrenChrissParameters parameters,
    double riskAversion,
    double kappa,
    double[] holdings,
    double[] trades,
    double expectedCost,
    double variance) {

  /** Validates the fields and copies the arrays. */
  public AlmgrenChrissSchedule {
    Objects.requireNonNull(parameters, "parameters");
    Require.nonNegative("riskAversion", riskAversion);
    Require.nonNegative("kappa", kappa);
    Objects.requireNonNull(holdings, "holdings");
    Objects.requireNonNull(trades, "trades");
    int n = parameters.intervals();
    if (holdings.length != n + 1 || trades.length != n) {
      throw new IllegalArgumentException(
          "holdings and trades must have lengths N + 1 = "
              + (n + 1)
              + " and N = "
              + n
              + " but had "
              + holdings.length
              + " and "
              + trades.length);
    }
    for (int k = 0; k < holdings.length; k++) {
      Require.finite("holdings[" + k + "]", holdings[k]);
    }
    for (int k = 0; k < trades.length; k++) {
      Require.finite("trades[" + k + "]", trades[k]);
    }
    Require.finite("expectedCost", expectedCost);
    Require.nonNegative("variance", variance);
    holdings = holdings.clone();
    trades = trades.clone();
  }

  /**
   * The holdings trajectory.
   *
   * @return a copy of {@code x_0..x_N}, shares still to trade
   */
  @Override
  public double[] holdings() {
    return holdings.clone();
  }

  /**
   * The trade list.
   *
   * @return a copy of {@code n_1..n_N}, shares traded per interval
   */
  @Override
  public double[] trades() {
    return trades.clone();
  }

  /**
   * The trading times.
   *
   * @return {@code t_0..t_N}, time units
   */
  public double[] times() {
    return parameters.times();
  }

  /**
   * The trade rates.
   *
   * @return {@code v_k = n_k / tau}, shares per time unit, for {@code k = 1..N}
   */
  public double[] tradeRates() {
    double tau = parameters.tau();
    double[] v = new double[trades.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = trades[k] / tau;
    }
    return v;
  }

  /**
   * The half-life of the trade, {@code theta = 1 / kappa} (Almgren and Chriss 2000, §2.3): the time
   * over which the holdings fall by a factor {@code e} early in a long program.
   *
   * @return {@code 1 / kappa}, time units; positive infinity when {@code kappa = 0}
   */
  public double halfLife() {
    return kappa == 0 ? Double.POSITIVE_INFINITY : 1 / kappa;
  }

  /**
   * The urgency relative to the horizon, {@code kappa T}: near 0 the schedule is close to linear,
   * above about 5 most of the quantity trades early.
   *
   * @return {@code kappa T}, dimensionless
   */
  public double kappaT() {
    return kappa * parameters.horizon();
  }

  /**
   * The shortfall distribution of this schedule.
   *
   * @return mean {@code E} and variance {@code V}
   */
  public ShortfallDistribution shortfall() {
    return new ShortfallDistribution(expectedCost, variance);
  }

  /**
   * The objective the schedule minimises.
   *
   * @return {@code E + lambda V}, currency
   */
  public double utility() {
    return expectedCost + riskAversion * variance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlmgrenChrissSchedule s
        && parameters.equals(s.parameters)
        && Double.compare(riskAversion, s.riskAversion) == 0
        && Double.compare(kappa, s.kappa) == 0
        && Arrays.equals(holdings, s.holdings)
        && Arrays.equals(trades, s.trades)
        && Double.compare(expectedCost, s.expectedCost) == 0
        && Double.compare(variance, s.variance) == 0;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(parameters, riskAversion, kappa, expectedCost, variance);
    return 31 * (31 * h + Arrays.hashCode(holdings)) + Arrays.hashCode(trades);
  }

  @Override
  public String toString() {
    return "AlmgrenChrissSchedule[parameters="
        + parameters
        + ", riskAversion="
        + riskAversion
        + ", kappa="
        + kappa
        + ", holdings="
        + Arrays.toString(holdings)
        + ", trades="
        + Arrays.toString(trades)
        + ", expectedCost="
        + expectedCost
        + ", variance="
        + variance
        + "]";
  }
}

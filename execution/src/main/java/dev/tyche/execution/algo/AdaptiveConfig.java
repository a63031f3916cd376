package dev.tyche.execution.algo;

/**
 * The parameters of the {@link AdaptiveAlgorithm}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param intervals the number of decision intervals {@code N}, {@code >= 1}
 * @param urgency the base Almgren-Chriss urgency {@code kappa} per interval, finite and {@code >=
 *     0} (0: the base schedule is a TWAP)
 * @param normalSpreadBps the spread regarded as normal, basis points, finite and {@code > 0}; wider
 *     spreads slow the algorithm down
 * @param imbalanceGain how strongly the top-of-book imbalance moves the rate, in {@code [0, 1)}
 * @param volatilityLambda the EWMA decay of the short-term volatility estimate, in {@code (0, 1)}
 * @param baselineVolatility the volatility regarded as normal: standard deviation of the log return
 *     between two successive observations of the reference price, finite and {@code > 0}
 * @param minMultiplier the lowest rate multiplier, in {@code (0, 1]}
 * @param maxMultiplier the highest rate multiplier, finite and {@code >= 1}
 */
public record AdaptiveConfig(
    int intervals,
    double urgency,
    double normalSpreadBps,
    double imbalanceGain,
    double volatilityLambda,
    double baselineVolatility,
    double minMultiplier,
    double maxMultiplier) {

  // Each bound keeps a factor of the rate multiplier positive and finite.
  public AdaptiveConfig {
    if (intervals < 1) {
      throw new IllegalArgumentException("intervals must be >= 1 but was " + intervals);
    }
    if (!(urgency >= 0) || !Double.isFinite(urgency)) {
      throw new IllegalArgumentException("urgency must be finite and >= 0 but was " + urgency);
    }
    if (!(normalSpreadBps > 0) || !Double.isFinite(normalSpreadBps)) {
      throw new IllegalArgumentException(
          "normalSpreadBps must be finite and > 0 but was " + normalSpreadBps);
    }
    if (!(imbalanceGain >= 0 && imbalanceGain < 1)) {
      throw new IllegalArgumentException(
          "imbalanceGain must be in [0, 1) but was " + imbalanceGain);
    }
    if (!(volatilityLambda > 0 && volatilityLambda < 1)) {
      throw new IllegalArgumentException(
          "volatilityLambda must be in (0, 1) but was " + volatilityLambda);
    }
    if (!(baselineVolatility > 0) || !Double.isFinite(baselineVolatility)) {
      throw new IllegalArgumentException(
          "baselineVolatility must be finite and > 0 but was " + baselineVolatility);
    }
    if (!(minMultiplier > 0 && minMultiplier <= 1)) {
      throw new IllegalArgumentException(
          "minMultiplier must be in (0, 1] but was " + minMultiplier);
    }
    if (!(maxMultiplier >= 1) || !Double.isFinite(maxMultiplier)) {
      throw new IllegalArgumentException(
          "maxMultiplier must be finite and >= 1 but was " + maxMultiplier);
    }
  }

  /**
   * Defaults around a given number of intervals: TWAP base (urgency 0), normal spread 2 bps,
   * imbalance gain 0.5, EWMA lambda 0.94, baseline volatility 5 bps per observation, multipliers in
   * {@code [0.25, 3]}.
   *
   * @param intervals {@code N}, {@code >= 1}
   * @return the configuration
   */
  public static AdaptiveConfig defaults(int intervals) {
    return new AdaptiveConfig(intervals, 0.0, 2.0, 0.5, 0.94, 5e-4, 0.25, 3.0);
  }

  /**
   * A copy with another base urgency.
   *
   * @param kappa the urgency per interval, {@code >= 0}
   * @return the copy
   */
  public AdaptiveConfig withUrgency(double kappa) {
    return new AdaptiveConfig(
        intervals,
        kappa,
        normalSpreadBps,
        imbalanceGain,
        volatilityLambda,
        baselineVolatility,
        minMultiplier,
        maxMultiplier);
  }
}

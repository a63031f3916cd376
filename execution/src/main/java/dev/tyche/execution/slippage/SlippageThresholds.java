package dev.tyche.execution.slippage;

/**
 * Alert and hard-limit levels for realised slippage against the arrival price, in basis points
 * (positive = cost, see {@link Slippage}). Reaching {@code alertBps} raises an alert; reaching
 * {@code hardLimitBps} halts the parent order: it sends no further children.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alertBps the alert level, finite and {@code > 0}
 * @param hardLimitBps the hard limit, finite and {@code >= alertBps}
 */
public record SlippageThresholds(double alertBps, double hardLimitBps) {

  /** The defaults: alert at 25 bps, hard limit at 50 bps. */
  public static final SlippageThresholds DEFAULT = new SlippageThresholds(25.0, 50.0);

  // An alert above the hard limit could never fire before the halt; reject the inverted pair.
  public SlippageThresholds {
    Slippage.requirePositive("alertBps", alertBps);
    Slippage.requirePositive("hardLimitBps", hardLimitBps);
    if (hardLimitBps < alertBps) {
      throw new IllegalArgumentException(
          "hardLimitBps must be >= alertBps " + alertBps + " but was " + hardLimitBps);
    }
  }

  /**
   * The level a slippage reaches.
   *
   * @param slippageBps slippage in basis points, positive = cost
   * @return {@link SlippageLevel#HARD_LIMIT} at or above the hard limit, {@link
   *     SlippageLevel#ALERT} at or above the alert level, otherwise {@link SlippageLevel#OK}
   */
  public SlippageLevel levelOf(double slippageBps) {
    Slippage.requireFinite("slippageBps", slippageBps);
    if (slippageBps >= hardLimitBps) {
      return SlippageLevel.HARD_LIMIT;
    }
    return slippageBps >= alertBps ? SlippageLevel.ALERT : SlippageLevel.OK;
  }
}

package dev.tyche.risk.kelly;

/**
 * A change made to the full Kelly fraction before it was recommended.
 *
 * <p>Immutable and thread-safe.
 */
public enum KellyAdjustment {
  /** The fraction was multiplied by a Kelly multiplier below 1 (fractional Kelly). */
  FRACTIONAL,
  /**
   * The edge was negative (or zero) and shorting was not allowed (or, for a binary bet, is not
   * offered), so nothing is bet in that direction.
   */
  NEGATIVE_EDGE_NOT_SHORTED,
  /**
   * The gross leverage {@code sum |f_i|} was reduced to the cap: a single fraction clipped, an
   * unconstrained multi-asset vector scaled down, or the cap constraint binding in the long-only
   * problem.
   */
  LEVERAGE_CAPPED,
  /**
   * In the long-only multi-asset problem, at least one asset that the unconstrained solution would
   * short, or that competes with a better asset, is held at zero.
   */
  LONG_ONLY_BOUND_ACTIVE,
  /** The edge used was reduced by its confidence margin {@code z s / sqrt(n)}. */
  CONFIDENCE_SHRUNK,
  /** The confidence bound of the edge reached the risk-free rate, so the bet is zero. */
  EDGE_NOT_SIGNIFICANT
}

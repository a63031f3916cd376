package dev.tyche.execution.slippage;

/**
 * How bad realised slippage is relative to the {@link SlippageThresholds}, in increasing order.
 *
 * <p>Immutable and thread-safe.
 */
public enum SlippageLevel {
  /** Below the alert level. */
  OK,
  /** At or above the alert level, below the hard limit. */
  ALERT,
  /** At or above the hard limit: the parent order must send no further children. */
  HARD_LIMIT
}

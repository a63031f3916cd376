package dev.tyche.backtest.walkforward;

/**
 * How the training window moves along the data in a walk-forward analysis.
 *
 * <p>Immutable and thread-safe.
 */
public enum WindowMode {
  /** The training window has a fixed length and slides forward with the test window. */
  ROLLING,
  /** The training window always starts at period 0 and grows as the test window moves. */
  ANCHORED
}

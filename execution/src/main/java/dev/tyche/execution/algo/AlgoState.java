package dev.tyche.execution.algo;

/**
 * The life cycle of an algorithm's parent order.
 *
 * <p>Immutable and thread-safe.
 */
public enum AlgoState {
  /** Not started yet (before its start time, or no market price seen yet). */
  PENDING,
  /** Sending and working children. */
  WORKING,
  /** The parent quantity has been filled exactly. */
  COMPLETED,
  /** Cancelled by the caller: no further children; working children are being cancelled. */
  CANCELLED,
  /** Slippage reached the hard limit: no further children; working children are being cancelled. */
  HALTED,
  /** Too many consecutive children were denied or rejected: the algorithm gave up. */
  FAILED;

  /**
   * Whether the algorithm has stopped sending children.
   *
   * @return true for every state but {@link #PENDING} and {@link #WORKING}
   */
  public boolean isFinal() {
    return this != PENDING && this != WORKING;
  }
}

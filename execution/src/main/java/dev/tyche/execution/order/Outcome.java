package dev.tyche.execution.order;

/**
 * What the order manager did with an input. Illegal inputs are not outcomes: they throw {@link
 * IllegalOrderTransitionException}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Outcome {
  /** The input changed the order; the caller acts on it (ledger, journal, strategy). */
  APPLIED,
  /**
   * The input was an idempotent re-delivery of something already applied (a fill whose trade id is
   * known, the same terminal event again, a stale acknowledgement, a second cancel request); it
   * changed nothing and the caller must not act on it again.
   */
  DUPLICATE_IGNORED;

  /**
   * Whether the input changed the order.
   *
   * @return true for {@link #APPLIED}
   */
  public boolean applied() {
    return this == APPLIED;
  }
}

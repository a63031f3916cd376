package dev.tyche.execution.order;

/**
 * The life-cycle states of one order as the engine's order manager tracks it.
 *
 * <p>The main path is {@code PENDING_SUBMIT -> SUBMITTED -> ACCEPTED -> PARTIALLY_FILLED ->
 * FILLED}; a strategy's cancel moves a working order to {@code CANCEL_PENDING} and the venue's
 * confirmation to {@code CANCELLED}; the risk gate ends an order in {@code DENIED} before it leaves
 * the engine, the venue in {@code REJECTED} or {@code EXPIRED}.
 *
 * <p>{@link #UNKNOWN} is entered when the engine lost track of the venue's answer (the submit or
 * cancel acknowledgement timed out) and is left by the next venue event for the order, which the
 * engine requests through {@code ExecutionClient.requestStatus}. {@link #CANCELLED} and {@link
 * #EXPIRED} can also be reached without a cancel request (IOC remainder, post-only, GTD). The full
 * transition table is in {@link OrderStateMachine}.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderState {
  /** Created by a strategy's submit; the risk gate has not decided yet. */
  PENDING_SUBMIT(false),
  /** Passed the risk gate and sent to the venue; no answer yet. */
  SUBMITTED(false),
  /** Acknowledged by the venue and working, nothing filled. */
  ACCEPTED(false),
  /** Part of the quantity filled; the rest is working. */
  PARTIALLY_FILLED(false),
  /** Completely filled. */
  FILLED(true),
  /** A cancel was sent; the venue has not confirmed it yet (fills may still arrive). */
  CANCEL_PENDING(false),
  /** Cancelled by request or by the venue (IOC remainder); nothing more fills. */
  CANCELLED(true),
  /** Refused by the venue. */
  REJECTED(true),
  /** Refused by the engine's risk gate; never reached the venue. */
  DENIED(true),
  /** Expired at the venue (time in force ran out). */
  EXPIRED(true),
  /** The venue's answer was lost; the state is being resolved by a status request. */
  UNKNOWN(false);

  private final boolean terminal;

  OrderState(boolean terminal) {
    this.terminal = terminal;
  }

  /**
   * Whether no further event can change the order.
   *
   * @return true for FILLED, CANCELLED, REJECTED, DENIED and EXPIRED
   */
  public boolean isTerminal() {
    return terminal;
  }

  /**
   * Whether the order is working or may be working at the venue (it counts towards open-order
   * limits): every non-terminal state except {@link #PENDING_SUBMIT}.
   *
   * @return true if the venue may hold the order
   */
  public boolean isOpen() {
    return !terminal && this != PENDING_SUBMIT;
  }
}

package dev.tyche.execution.order;

import dev.tyche.core.id.ClientOrderId;
import java.util.Objects;

/**
 * An input that the order state machine refuses: an event that cannot happen in the order's current
 * state (a fill after the order was cancelled, a rejection after it was accepted), a fill that
 * would take the cumulative quantity past the order quantity, or an event for another symbol or
 * side. The order is left unchanged. The engine records such inputs as anomalies instead of
 * applying them.
 *
 * <p>Immutable and thread-safe.
 */
public final class IllegalOrderTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The order. */
  private final ClientOrderId clientOrderId;

  /** Its state when the input arrived. */
  private final OrderState state;

  /**
   * Creates the exception.
   *
   * @param clientOrderId the order
   * @param state the order's state when the input arrived
   * @param message what was refused and why
   */
  public IllegalOrderTransitionException(
      ClientOrderId clientOrderId, OrderState state, String message) {
    super("order " + clientOrderId + " in state " + state + ": " + message);
    this.clientOrderId = Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    this.state = Objects.requireNonNull(state, "state must not be null");
  }

  /**
   * The order.
   *
   * @return its client order id
   */
  public ClientOrderId clientOrderId() {
    return clientOrderId;
  }

  /**
   * The order's state when the input arrived (and still).
   *
   * @return the state
   */
  public OrderState state() {
    return state;
  }
}

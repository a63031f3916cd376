package dev.tyche.core.port;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.SubmitOrder;

/**
 * A venue's order entry: the simulated venue in backtests and paper trading, a real exchange live.
 * Calls return at once; outcomes (accepted, filled, rejected, cancelled, expired) arrive later as
 * events on the listener given to {@link #start(OrderEventListener)}. A call never throws for a
 * business outcome; it throws only for programming errors (a call before {@code start}, a null).
 *
 * <p>An implementation must never blindly resend an order whose outcome is unknown: it resolves it
 * through {@link #requestStatus(ClientOrderId, Symbol)} first.
 *
 * <p>Thread-safety is stated by each implementation; the engine calls it from its own thread only.
 */
public interface ExecutionClient extends AutoCloseable {

  /**
   * Starts delivering order events.
   *
   * @param listener where events go; called from the client's thread
   */
  void start(OrderEventListener listener);

  /**
   * Sends a new order.
   *
   * @param order the order, already past the risk gate
   */
  void submit(SubmitOrder order);

  /**
   * Requests cancellation of a working order. The answer is an {@code OrderCancelled} event, or the
   * order's fill if it filled first.
   *
   * @param cancel the cancel request
   */
  void cancel(CancelOrder cancel);

  /**
   * Asks the venue for the current state of an order, answered as the corresponding event. Used to
   * resolve an order whose submit reply was lost.
   *
   * @param clientOrderId the order
   * @param symbol its instrument
   */
  void requestStatus(ClientOrderId clientOrderId, Symbol symbol);

  /** Stops delivering events and releases the client's resources. */
  @Override
  void close();
}

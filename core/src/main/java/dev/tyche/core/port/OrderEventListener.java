package dev.tyche.core.port;

import dev.tyche.core.order.OrderEvent;

/**
 * Receives order events from an execution client. Live clients call it from a network thread, so an
 * implementation only hands the (immutable) event to the engine's queue and returns.
 *
 * <p>Implementations must be thread-safe when used with a live client.
 */
@FunctionalInterface
public interface OrderEventListener {

  /**
   * Called once per event, in the order the venue reported them.
   *
   * @param event the event
   */
  void onOrderEvent(OrderEvent event);
}

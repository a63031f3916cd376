package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * The order was cancelled (by request, or the unfilled rest of an IOC order); nothing more will
 * fill.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param filledQuantity how much had filled before the cancel
 */
public record OrderCancelled(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, Quantity filledQuantity)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderCancelled {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(filledQuantity, "filledQuantity must not be null");
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}

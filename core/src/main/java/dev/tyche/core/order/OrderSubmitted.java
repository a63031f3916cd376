package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import java.util.Objects;

/**
 * The order passed the risk gate and was sent to the venue; the venue has not answered yet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param order the command as sent
 */
public record OrderSubmitted(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, SubmitOrder order)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderSubmitted {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(order, "order must not be null");
  }
}

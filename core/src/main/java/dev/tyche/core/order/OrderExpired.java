package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * The order expired: its time in force ran out (FOK not fillable, a post-only order that would have
 * crossed, a GTD time passed) without a cancel request.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param filledQuantity how much had filled before it expired
 * @param reason why the venue expired it
 */
public record OrderExpired(
    ClientOrderId clientOrderId,
    Symbol symbol,
    long eventTime,
    Quantity filledQuantity,
    String reason)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderExpired {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(filledQuantity, "filledQuantity must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}

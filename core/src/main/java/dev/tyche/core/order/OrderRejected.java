package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import java.util.Objects;

/**
 * The venue refused the order (a filter, margin, or a post-only order that would have taken
 * liquidity).
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param reason the venue's explanation
 * @param venueCode the venue's error code, or 0 if it gave none
 */
public record OrderRejected(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, String reason, int venueCode)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderRejected {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(reason, "reason must not be null");
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}

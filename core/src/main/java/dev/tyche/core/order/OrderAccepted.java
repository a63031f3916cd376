package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.VenueOrderId;
import java.util.Objects;

/**
 * The venue acknowledged the order and it is working (resting, or awaiting its trigger).
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param venueOrderId the venue's id of the order
 */
public record OrderAccepted(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, VenueOrderId venueOrderId)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderAccepted {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(venueOrderId, "venueOrderId must not be null");
  }
}

package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import java.util.Objects;

/**
 * The risk gate refused the order before it reached the venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param rule the name of the pre-trade rule that denied the order
 * @param reason what was wrong, with the numbers involved
 */
public record OrderDenied(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, String rule, String reason)
    implements OrderEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderDenied {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(rule, "rule must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}

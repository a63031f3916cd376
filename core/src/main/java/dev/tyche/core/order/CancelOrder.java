package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import java.util.Objects;

/**
 * A request to cancel a working order, identified by its client order id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order to cancel
 * @param symbol the instrument
 */
public record CancelOrder(ClientOrderId clientOrderId, Symbol symbol) implements OrderCommand {

  // Both ids are needed: venues index orders per symbol.
  public CancelOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
  }
}

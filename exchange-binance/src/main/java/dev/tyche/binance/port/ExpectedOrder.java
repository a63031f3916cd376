package dev.tyche.binance.port;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.Objects;

/**
 * An order the engine believes is open (from its journal), for comparison with the venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the client order id
 * @param symbol the instrument
 * @param side buy or sell
 * @param quantity the original quantity, positive
 * @param filled the quantity the engine has seen filled, at most {@code quantity}
 */
public record ExpectedOrder(
    ClientOrderId clientOrderId, Symbol symbol, Side side, Quantity quantity, Quantity filled) {

  // The same invariants as an open order at the venue.
  public ExpectedOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(filled, "filled must not be null");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("quantity must be > 0 but was " + quantity);
    }
    if (filled.compareTo(quantity) > 0) {
      throw new IllegalArgumentException(
          "filled must be <= quantity " + quantity + " but was " + filled);
    }
  }
}

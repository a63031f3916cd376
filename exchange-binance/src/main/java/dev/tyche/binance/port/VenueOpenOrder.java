package dev.tyche.binance.port;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the venue reports as open ({@code NEW} or {@code PARTIALLY_FILLED}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the client order id
 * @param symbol the instrument
 * @param venueOrderId Binance's order id
 * @param side buy or sell
 * @param quantity the original quantity
 * @param filled the quantity filled so far, at most {@code quantity}
 * @param limitPrice the limit price, empty for orders without one
 */
public record VenueOpenOrder(
    ClientOrderId clientOrderId,
    Symbol symbol,
    VenueOrderId venueOrderId,
    Side side,
    Quantity quantity,
    Quantity filled,
    Optional<Price> limitPrice) {

  // An open order that is over-filled cannot exist; it would corrupt the comparison.
  public VenueOpenOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(venueOrderId, "venueOrderId must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(filled, "filled must not be null");
    Objects.requireNonNull(limitPrice, "limitPrice must not be null (use Optional.empty())");
    if (filled.compareTo(quantity) > 0) {
      throw new IllegalArgumentException(
          "filled must be <= quantity " + quantity + " but was " + filled);
    }
  }
}

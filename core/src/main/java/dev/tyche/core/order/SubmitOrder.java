package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to place a new order. Prices and quantities are exact and must already be on the
 * instrument's grid (round analytic numbers with {@code Instrument.roundPrice}/{@code
 * roundQuantity} first).
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the id chosen by the client; resending the same id is recognised as the same
 *     order by the venue
 * @param symbol the instrument
 * @param side buy or sell
 * @param type the order type
 * @param quantity the quantity in base units, positive
 * @param limitPrice the limit price: present exactly when {@code type.hasLimitPrice()}
 * @param triggerPrice the trigger (stop) price: present exactly for conditional types other than
 *     the trailing stop, whose activation price is optional
 * @param timeInForce how long the order works; market orders use {@link TimeInForce#IOC}
 * @param reduceOnly whether the order may only reduce an existing position
 */
public record SubmitOrder(
    ClientOrderId clientOrderId,
    Symbol symbol,
    Side side,
    OrderType type,
    Quantity quantity,
    Optional<Price> limitPrice,
    Optional<Price> triggerPrice,
    TimeInForce timeInForce,
    boolean reduceOnly)
    implements OrderCommand {

  // An order whose fields contradict its type would be rejected by the venue; refuse it here.
  public SubmitOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(limitPrice, "limitPrice must not be null (use Optional.empty())");
    Objects.requireNonNull(triggerPrice, "triggerPrice must not be null (use Optional.empty())");
    Objects.requireNonNull(timeInForce, "timeInForce must not be null");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("quantity must be > 0 but was " + quantity);
    }
    if (type.hasLimitPrice() != limitPrice.isPresent()) {
      throw new IllegalArgumentException(
          "limitPrice must be "
              + (type.hasLimitPrice() ? "present" : "absent")
              + " for a "
              + type
              + " order but was "
              + limitPrice.map(Price::toString).orElse("absent"));
    }
    boolean needsTrigger = type.isConditional() && type != OrderType.TRAILING_STOP_MARKET;
    if (needsTrigger && triggerPrice.isEmpty()) {
      throw new IllegalArgumentException("triggerPrice must be present for a " + type + " order");
    }
    if (!type.isConditional() && triggerPrice.isPresent()) {
      throw new IllegalArgumentException(
          "triggerPrice must be absent for a " + type + " order but was " + triggerPrice.get());
    }
    if (!type.hasLimitPrice() && timeInForce != TimeInForce.IOC) {
      throw new IllegalArgumentException(
          "timeInForce of a " + type + " order must be IOC but was " + timeInForce);
    }
  }

  /**
   * A market order.
   *
   * @param id the client order id
   * @param symbol the instrument
   * @param side buy or sell
   * @param quantity the quantity, positive
   * @return the command
   */
  public static SubmitOrder market(ClientOrderId id, Symbol symbol, Side side, Quantity quantity) {
    return new SubmitOrder(
        id,
        symbol,
        side,
        OrderType.MARKET,
        quantity,
        Optional.empty(),
        Optional.empty(),
        TimeInForce.IOC,
        false);
  }

  /**
   * A limit order.
   *
   * @param id the client order id
   * @param symbol the instrument
   * @param side buy or sell
   * @param quantity the quantity, positive
   * @param price the limit price
   * @param timeInForce GTC, IOC, FOK or post-only
   * @return the command
   */
  public static SubmitOrder limit(
      ClientOrderId id,
      Symbol symbol,
      Side side,
      Quantity quantity,
      Price price,
      TimeInForce timeInForce) {
    return new SubmitOrder(
        id,
        symbol,
        side,
        OrderType.LIMIT,
        quantity,
        Optional.of(price),
        Optional.empty(),
        timeInForce,
        false);
  }

  /**
   * The same order marked reduce-only.
   *
   * @return a copy with {@code reduceOnly = true}
   */
  public SubmitOrder withReduceOnly() {
    return new SubmitOrder(
        clientOrderId, symbol, side, type, quantity, limitPrice, triggerPrice, timeInForce, true);
  }
}

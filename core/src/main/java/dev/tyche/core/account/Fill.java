package dev.tyche.core.account;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of one of our orders, as reported by the venue (Binance's {@code
 * ORDER_TRADE_UPDATE} or a {@code userTrades} row): the input that moves a {@link Position} and the
 * balances of a {@link Ledger}.
 *
 * <p>The fee is the commission actually charged, in whichever asset the venue charged it: the quote
 * asset (USDT-M futures, spot sells), the base asset (spot buys) or a third asset such as BNB. A
 * positive fee is paid; a negative fee is a rebate received. The fill's price and quantity must lie
 * on the instrument's grid; the {@link Ledger} checks that against its registered instrument.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument traded
 * @param side buy or sell
 * @param price the execution price in quote units per base unit
 * @param quantity the executed quantity in base units, strictly positive
 * @param fee the commission: positive = paid, negative = rebate
 * @param liquidity maker or taker
 * @param tradeId the venue's trade id
 * @param clientOrderId the client id of the order that filled, if known
 * @param eventTime venue event time, milliseconds since the Unix epoch, {@code >= 0}
 * @param positionSide {@link PositionSide#BOTH} in one-way mode and for spot; {@link
 *     PositionSide#LONG} or {@link PositionSide#SHORT} in hedge mode
 */
public record Fill(
    Symbol symbol,
    Side side,
    Price price,
    Quantity quantity,
    Money fee,
    Liquidity liquidity,
    TradeId tradeId,
    Optional<ClientOrderId> clientOrderId,
    long eventTime,
    PositionSide positionSide) {

  // A zero-quantity fill carries no information and would be a sign of a decoding bug upstream.
  public Fill {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(fee, "fee must not be null");
    Objects.requireNonNull(liquidity, "liquidity must not be null");
    Objects.requireNonNull(tradeId, "tradeId must not be null");
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null (use Optional.empty())");
    Objects.requireNonNull(positionSide, "positionSide must not be null");
    if (quantity.isZero()) {
      throw new IllegalArgumentException(
          "quantity must be > 0 but was " + quantity + " (fill " + tradeId + " of " + symbol + ")");
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException(
          "eventTime must be >= 0 ms since the epoch but was " + eventTime);
    }
  }

  /**
   * A one-way-mode (or spot) fill without a client order id.
   *
   * @param symbol the instrument
   * @param side buy or sell
   * @param price the execution price
   * @param quantity the executed quantity, positive
   * @param fee the commission, positive = paid
   * @param liquidity maker or taker
   * @param tradeId the venue's trade id
   * @param eventTime venue event time in ms since the epoch
   * @return the fill, with {@link PositionSide#BOTH}
   */
  public static Fill of(
      Symbol symbol,
      Side side,
      Price price,
      Quantity quantity,
      Money fee,
      Liquidity liquidity,
      TradeId tradeId,
      long eventTime) {
    return new Fill(
        symbol,
        side,
        price,
        quantity,
        fee,
        liquidity,
        tradeId,
        Optional.empty(),
        eventTime,
        PositionSide.BOTH);
  }

  /**
   * The fill an order event reports, for the ledger.
   *
   * @param event a partial or complete fill of an order
   * @param positionSide {@link PositionSide#BOTH} in one-way mode, the leg in hedge mode
   * @return the fill, attributed to the event's client order id
   */
  public static Fill from(OrderFillEvent event, PositionSide positionSide) {
    Execution e = event.execution();
    return new Fill(
        event.symbol(),
        e.side(),
        e.lastPrice(),
        e.lastQuantity(),
        e.fee(),
        e.liquidity(),
        e.tradeId(),
        Optional.of(event.clientOrderId()),
        event.eventTime(),
        positionSide);
  }

  /**
   * This fill booked to another position side (for hedge mode).
   *
   * @param newSide the position side
   * @return a copy with {@code positionSide = newSide}
   */
  public Fill withPositionSide(PositionSide newSide) {
    return new Fill(
        symbol, side, price, quantity, fee, liquidity, tradeId, clientOrderId, eventTime, newSide);
  }

  /**
   * This fill attributed to a client order.
   *
   * @param id the client order id
   * @return a copy with {@code clientOrderId = Optional.of(id)}
   */
  public Fill withClientOrderId(ClientOrderId id) {
    return new Fill(
        symbol,
        side,
        price,
        quantity,
        fee,
        liquidity,
        tradeId,
        Optional.of(id),
        eventTime,
        positionSide);
  }
}

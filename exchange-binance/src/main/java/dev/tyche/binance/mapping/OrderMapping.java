package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.BinanceOrderStatus;
import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PositionSide;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.rest.AlgoOrderRequest;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.OrderRequest;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders between core and Binance: a {@link SubmitOrder} to the request Binance expects (plain
 * orders to {@code /fapi/v1/order}, conditional ones to the Algo endpoint), and Binance's order
 * replies and trades back to core {@link OrderEvent}s.
 *
 * <p>Status mapping ({@link #lifecycleEvent}): {@code NEW} and {@code PARTIALLY_FILLED} give {@link
 * OrderAccepted} (the order is working; its fills come from trades, {@link #fills}); {@code
 * CANCELED} gives {@link OrderCancelled}; {@code EXPIRED} and {@code EXPIRED_IN_MATCH} give {@link
 * OrderExpired}; {@code REJECTED} gives {@link OrderRejected}; {@code FILLED} gives nothing (its
 * fills are the events). Event times are Binance's {@code updateTime} (trades: {@code time}), UTC
 * epoch ms.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrderMapping {

  private OrderMapping() {}

  /**
   * The Binance request for a core order. Prices and quantities must be on the instrument's grid;
   * they are sent at the instrument's scales. {@code TRAILING_STOP_MARKET} cannot be mapped because
   * {@link SubmitOrder} carries no callback rate.
   *
   * @param order the core order
   * @param instrument its instrument
   * @return a {@link NewOrderRequest} or an {@link AlgoOrderRequest}
   * @throws IllegalArgumentException if the order does not fit the instrument or Binance
   */
  public static OrderRequest toRequest(SubmitOrder order, Instrument instrument) {
    if (!order.symbol().equals(instrument.symbol())) {
      throw new IllegalArgumentException(
          "order symbol " + order.symbol() + " does not match instrument " + instrument.symbol());
    }
    if (!instrument.isOnQuantityGrid(order.quantity())) {
      throw new IllegalArgumentException(
          "quantity " + order.quantity() + " is off the step grid " + instrument.stepSize());
    }
    String qty = order.quantity().withScale(instrument.quantityScale()).toPlainString();
    Optional<String> limit = order.limitPrice().map(p -> priceText(p, instrument, "limitPrice"));
    Optional<String> trigger =
        order.triggerPrice().map(p -> priceText(p, instrument, "triggerPrice"));
    BinanceOrderType type = EnumMapping.toBinance(order.type());
    String symbol = order.symbol().value();
    String id = order.clientOrderId().value();
    if (order.type() == OrderType.TRAILING_STOP_MARKET) {
      throw new IllegalArgumentException(
          "TRAILING_STOP_MARKET needs a callback rate, which SubmitOrder does not carry;"
              + " build an AlgoOrderRequest directly");
    }
    if (!type.isAlgo()) {
      return new NewOrderRequest(
          symbol,
          EnumMapping.toBinance(order.side()),
          type,
          qty,
          limit,
          order.type() == OrderType.LIMIT
              ? Optional.of(EnumMapping.toBinance(order.timeInForce()))
              : Optional.empty(),
          id,
          order.reduceOnly(),
          PositionSide.BOTH);
    }
    return new AlgoOrderRequest(
        symbol,
        EnumMapping.toBinance(order.side()),
        type,
        qty,
        limit,
        trigger,
        Optional.empty(),
        order.type().hasLimitPrice()
            ? Optional.of(EnumMapping.toBinance(order.timeInForce()))
            : Optional.empty(),
        id,
        order.reduceOnly(),
        PositionSide.BOTH);
  }

  private static String priceText(Price p, Instrument instrument, String field) {
    if (!instrument.isOnPriceGrid(p)) {
      throw new IllegalArgumentException(
          field + " " + p + " is off the tick grid " + instrument.tickSize());
    }
    return p.withScale(instrument.priceScale()).toPlainString();
  }

  /**
   * Binance's order status.
   *
   * @param o the order reply
   * @return the status
   */
  public static BinanceOrderStatus status(OrderResponse o) {
    return BinanceOrderStatus.parse(o.status(), "status");
  }

  /**
   * The non-fill event an order reply implies (see the class comment for the mapping).
   *
   * @param o the order reply
   * @param instrument its instrument (for quantity scale)
   * @return the event, or empty for {@code FILLED}
   * @throws IllegalArgumentException naming the field on a malformed reply
   */
  public static Optional<OrderEvent> lifecycleEvent(OrderResponse o, Instrument instrument) {
    checkSymbol(o.symbol(), instrument);
    ClientOrderId cid = clientId(o.clientOrderId());
    Symbol symbol = instrument.symbol();
    long t = o.updateTime();
    Quantity orig = Fields.quantity(o.origQty(), instrument.quantityScale(), "origQty");
    Quantity filled = Fields.quantity(o.executedQty(), instrument.quantityScale(), "executedQty");
    if (filled.compareTo(orig) > 0) {
      throw new IllegalArgumentException(
          "field 'executedQty' must be <= origQty " + orig + " but was " + filled);
    }
    switch (status(o)) {
      case NEW:
      case PARTIALLY_FILLED:
        return Optional.of(
            new OrderAccepted(cid, symbol, t, VenueOrderId.of(Long.toString(o.orderId()))));
      case CANCELED:
        return Optional.of(new OrderCancelled(cid, symbol, t, filled));
      case EXPIRED:
        return Optional.of(
            new OrderExpired(
                cid, symbol, t, filled, "expired by time in force " + o.timeInForce()));
      case EXPIRED_IN_MATCH:
        return Optional.of(
            new OrderExpired(cid, symbol, t, filled, "expired by self-trade prevention"));
      case REJECTED:
        return Optional.of(new OrderRejected(cid, symbol, t, "rejected by Binance", 0));
      case FILLED:
        return Optional.empty();
      default:
        throw new IllegalArgumentException("unmapped status " + o.status());
    }
  }

  /**
   * An order's trades as fill events, in execution order: cumulative and leaves quantities are
   * running totals against {@code origQty}; the last event is {@link OrderFilled} exactly when
   * nothing is left.
   *
   * @param o the order
   * @param trades its trades from {@code GET /fapi/v1/userTrades}, any order
   * @param instrument its instrument
   * @return the fill events
   * @throws IllegalArgumentException if a trade belongs to another order or the trades overfill
   */
  public static List<OrderFillEvent> fills(
      OrderResponse o, List<UserTrade> trades, Instrument instrument) {
    checkSymbol(o.symbol(), instrument);
    ClientOrderId cid = clientId(o.clientOrderId());
    Side side = EnumMapping.parseSide(o.side(), "side");
    int qs = instrument.quantityScale();
    Quantity orig = Fields.quantity(o.origQty(), qs, "origQty");
    VenueOrderId venueId = VenueOrderId.of(Long.toString(o.orderId()));
    List<UserTrade> sorted = new ArrayList<>(trades);
    sorted.sort(Comparator.comparingLong(UserTrade::time).thenComparingLong(UserTrade::id));
    Quantity cum = Quantity.zero(qs);
    List<OrderFillEvent> out = new ArrayList<>();
    for (UserTrade tr : sorted) {
      if (tr.orderId().longValue() != o.orderId().longValue()) {
        throw new IllegalArgumentException(
            "trade " + tr.id() + " belongs to order " + tr.orderId() + ", not " + o.orderId());
      }
      if (EnumMapping.parseSide(tr.side(), "side") != side) {
        throw new IllegalArgumentException("trade " + tr.id() + " has side " + tr.side());
      }
      Quantity last = Fields.quantity(tr.qty(), qs, "qty");
      if (last.isZero()) {
        throw new IllegalArgumentException("field 'qty' of trade " + tr.id() + " must be > 0");
      }
      cum = cum.plus(last);
      if (cum.compareTo(orig) > 0) {
        throw new IllegalArgumentException(
            "field 'qty': trades overfill order "
                + o.orderId()
                + ": cumulative "
                + cum
                + " > origQty "
                + orig);
      }
      Execution ex =
          new Execution(
              venueId,
              TradeId.of(Long.toString(tr.id())),
              side,
              Fields.price(tr.price(), instrument.priceScale(), "price"),
              last,
              cum,
              orig.minus(cum),
              Money.of(
                  Fields.asset(tr.commissionAsset(), "commissionAsset"),
                  Fields.decimal(tr.commission(), "commission")),
              tr.maker() ? Liquidity.MAKER : Liquidity.TAKER);
      out.add(
          ex.leavesQuantity().isZero()
              ? new OrderFilled(cid, instrument.symbol(), tr.time(), ex)
              : new OrderPartiallyFilled(cid, instrument.symbol(), tr.time(), ex));
    }
    return List.copyOf(out);
  }

  private static ClientOrderId clientId(String text) {
    try {
      return ClientOrderId.of(text);
    } catch (RuntimeException e) {
      throw Fields.wrap("clientOrderId", text, "a client order id", e);
    }
  }

  private static void checkSymbol(String symbol, Instrument instrument) {
    if (!symbol.equals(instrument.symbol().value())) {
      throw new IllegalArgumentException(
          "field 'symbol' must be " + instrument.symbol() + " but was '" + symbol + "'");
    }
  }
}

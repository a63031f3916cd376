package dev.tyche.execution.order;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.StrategyId;

/** Event factories for order tests: one BTCUSDT buy limit of {@code qty} thousandths. */
final class Orders {
  static final StrategyId S = StrategyId.of("s1");
  static final Symbol SYM = Symbol.of("BTCUSDT");
  static final VenueOrderId VID = VenueOrderId.of("V1");

  final ClientOrderId id;
  final SubmitOrder order;

  Orders(String id, long qtyUnits) {
    this.id = ClientOrderId.of(id);
    this.order =
        SubmitOrder.limit(
            this.id,
            SYM,
            Side.BUY,
            Quantity.of(qtyUnits, 3),
            Price.parse("100.0"),
            TimeInForce.GTC);
  }

  OrderStateMachine machine() {
    return new OrderStateMachine(S, order);
  }

  OrderSubmitted submitted() {
    return new OrderSubmitted(id, SYM, 1, order);
  }

  OrderDenied denied() {
    return new OrderDenied(id, SYM, 1, "r", "why");
  }

  OrderAccepted accepted() {
    return new OrderAccepted(id, SYM, 2, VID);
  }

  OrderRejected rejected() {
    return new OrderRejected(id, SYM, 2, "no", -1);
  }

  OrderCancelled cancelled(long filledUnits) {
    return new OrderCancelled(id, SYM, 3, Quantity.of(filledUnits, 3));
  }

  OrderExpired expired(long filledUnits) {
    return new OrderExpired(id, SYM, 3, Quantity.of(filledUnits, 3), "gtd");
  }

  Execution execution(String trade, long lastUnits, long cumUnits) {
    long leaves = Math.max(0, order.quantity().units() - cumUnits);
    return new Execution(
        VID,
        TradeId.of(trade),
        Side.BUY,
        Price.parse("100.0"),
        Quantity.of(lastUnits, 3),
        Quantity.of(cumUnits, 3),
        Quantity.of(leaves, 3),
        Money.zero(Asset.USDT, 2),
        Liquidity.MAKER);
  }

  OrderPartiallyFilled partial(String trade, long lastUnits, long cumUnits) {
    return new OrderPartiallyFilled(id, SYM, 4, execution(trade, lastUnits, cumUnits));
  }

  OrderFilled filled(String trade, long lastUnits) {
    return filled(trade, lastUnits, Math.max(lastUnits, order.quantity().units()));
  }

  OrderFilled filled(String trade, long lastUnits, long cumUnits) {
    return new OrderFilled(id, SYM, 5, execution(trade, lastUnits, cumUnits));
  }
}

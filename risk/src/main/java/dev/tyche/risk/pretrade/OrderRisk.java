package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.SubmitOrder;

/**
 * The definitions the rules share: which price an order is valued at, the position it leaves if
 * fully filled, and whether it reduces risk. All exact.
 *
 * <p><b>Risk-reducing.</b> An order is risk-reducing when the account holds a position in the
 * symbol, the order's side is opposite to that position, and either the order is flagged
 * reduce-only (the venue then never lets it add exposure: it is cut to the position size) or its
 * quantity does not exceed the position's size. Every other order is risk-increasing, including an
 * order that flips the position through zero (it opens new exposure on the other side) and a
 * reduce-only order on the position's own side or while flat (the venue would reject it; the rules
 * treat it conservatively).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class OrderRisk {

  private OrderRisk() {}

  /**
   * The price an order is valued at: its limit price if it has one, else its trigger price if it
   * has one, else the mark price (market orders, as Binance values them for {@code MIN_NOTIONAL}).
   *
   * @param order the order
   * @param mark the instrument's mark price
   * @return the reference price
   */
  public static Price referencePrice(SubmitOrder order, Price mark) {
    if (order.limitPrice().isPresent()) {
      return order.limitPrice().get();
    }
    if (order.triggerPrice().isPresent()) {
      return order.triggerPrice().get();
    }
    return mark;
  }

  /**
   * The order's quantity with the sign of its side.
   *
   * @param order the order
   * @return {@code +quantity} for a buy, {@code -quantity} for a sell, in base units
   */
  public static Decimal signedQuantity(SubmitOrder order) {
    return Decimal.of(order.side().sign() * order.quantity().units(), order.quantity().scale());
  }

  /**
   * The net position if the order fills completely (for a reduce-only order, at most to flat).
   *
   * @param order the order
   * @param position the signed net position before the order, in base units
   * @return the signed position after a full fill
   */
  public static Decimal positionAfter(SubmitOrder order, Decimal position) {
    Decimal after = position.plus(signedQuantity(order));
    if (order.reduceOnly()
        && isRiskReducing(order, position)
        && after.signum() == -position.signum()) {
      // The venue cuts a reduce-only order to the position size: it ends flat, never flipped.
      return Decimal.of(0, after.scale());
    }
    return after;
  }

  /**
   * Whether the order is risk-reducing (see the class comment).
   *
   * @param order the order
   * @param position the signed net position before the order, in base units
   * @return true if it can only shrink the position
   */
  public static boolean isRiskReducing(SubmitOrder order, Decimal position) {
    int direction = position.signum();
    if (direction == 0 || order.side().sign() != -direction) {
      return false;
    }
    if (order.reduceOnly()) {
      return true;
    }
    // The order's side is opposite to the position, so |position| >= quantity means no flip.
    return position.plus(signedQuantity(order)).signum() != -direction;
  }

  /**
   * Whether the order is risk-increasing: the negation of {@link #isRiskReducing}.
   *
   * @param order the order
   * @param position the signed net position before the order
   * @return true unless the order can only shrink the position
   */
  public static boolean isRiskIncreasing(SubmitOrder order, Decimal position) {
    return !isRiskReducing(order, position);
  }
}

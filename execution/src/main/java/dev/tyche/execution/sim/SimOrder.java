package dev.tyche.execution.sim;

import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;

/**
 * One order working at the simulated venue, in the instrument's integer units.
 *
 * <p>Mutable; confined to the engine thread.
 */
final class SimOrder {
  /** Queue position not known (trade matching without a quote at the order's price). */
  static final long UNKNOWN_QUEUE = Long.MAX_VALUE;

  final SubmitOrder command;
  final VenueOrderId venueOrderId;
  final SymbolState symbol;
  final long seq;
  final long arrival;
  final Side side;
  final long quantity;
  final long limit;
  final long trigger;
  long filled;

  /** Estimated quantity ahead of us at our price; never negative. */
  long queueAhead;

  /** The visible level quantity at our price after the last depth update. */
  long levelQuantity;

  /** Trades printed at our price since the last depth update (already taken off the queue). */
  long tradedSinceDepth;

  boolean triggered;
  boolean resting;

  /** Bar matching: the earliest bar open time this order may use. */
  long activeFrom;

  boolean open = true;

  SimOrder(
      SubmitOrder command,
      VenueOrderId venueOrderId,
      SymbolState symbol,
      long seq,
      long arrival,
      long quantity,
      long limit,
      long trigger) {
    this.command = command;
    this.venueOrderId = venueOrderId;
    this.symbol = symbol;
    this.seq = seq;
    this.arrival = arrival;
    this.side = command.side();
    this.quantity = quantity;
    this.limit = limit;
    this.trigger = trigger;
    this.activeFrom = arrival;
  }

  long leaves() {
    return quantity - filled;
  }

  boolean isBuy() {
    return side == Side.BUY;
  }

  /** Market behaviour once active: plain market orders and triggered *_MARKET orders. */
  boolean actsAsMarket() {
    OrderType t = command.type();
    return t == OrderType.MARKET || t == OrderType.STOP_MARKET || t == OrderType.TAKE_PROFIT_MARKET;
  }

  /** Fires when the price rises to the trigger (stop buy, take-profit sell). */
  boolean triggersOnRise() {
    OrderType t = command.type();
    boolean stop = t == OrderType.STOP_MARKET || t == OrderType.STOP_LIMIT;
    return stop == isBuy();
  }
}

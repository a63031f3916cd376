package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;

/**
 * What became of an order, reported identically in backtest, paper and live trading. Events are
 * named in the past tense; business outcomes such as a risk denial or a venue rejection are events,
 * never exceptions.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface OrderEvent
    permits OrderSubmitted,
        OrderAccepted,
        OrderRejected,
        OrderDenied,
        OrderFillEvent,
        OrderCancelled,
        OrderExpired {

  /**
   * The order's client id.
   *
   * @return the id
   */
  ClientOrderId clientOrderId();

  /**
   * The instrument's symbol.
   *
   * @return the symbol
   */
  Symbol symbol();

  /**
   * When the event happened, in UTC epoch milliseconds (the venue's time where the venue reports
   * it, otherwise the engine clock's).
   *
   * @return the event time
   */
  long eventTime();

  /**
   * Whether the order can receive no further events after this one.
   *
   * @return true for filled, rejected, denied, cancelled and expired
   */
  default boolean isTerminal() {
    return false;
  }
}

package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;

/**
 * A command a strategy issues about an order. Every command passes the risk gate before it reaches
 * a venue.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface OrderCommand permits SubmitOrder, CancelOrder {

  /**
   * The client order id the command is about.
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
}

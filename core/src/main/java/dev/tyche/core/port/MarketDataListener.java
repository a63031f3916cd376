package dev.tyche.core.port;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.MarketEvent;

/**
 * Receives market data from a {@link MarketDataClient}. Live clients call it from a network thread,
 * so an implementation only hands the immutable event to the engine's queue and returns.
 *
 * <p>Implementations must be thread-safe when used with a live client.
 */
public interface MarketDataListener {

  /**
   * One market event, in the order the source produced them per symbol and stream.
   *
   * @param event the event
   */
  void onMarketEvent(MarketEvent event);

  /**
   * The data for a symbol became trustworthy or stopped being so (a connection dropped, an order
   * book lost its sequence and is resynchronising). Consumers must not trade on untrusted data.
   *
   * @param symbol the instrument
   * @param status the new status
   * @param reason why, for logs
   */
  default void onStatus(Symbol symbol, DataStatus status, String reason) {}
}

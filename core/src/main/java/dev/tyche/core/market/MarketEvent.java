package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;

/**
 * A piece of market data for one instrument, as the engine dispatches it to strategies. The
 * hierarchy is closed so that every consumer can handle every kind.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface MarketEvent
    permits Bar, Trade, Quote, BookSnapshot, BookDelta, FundingRate, MarkPrice {

  /**
   * The instrument the data is about.
   *
   * @return the symbol
   */
  Symbol symbol();

  /**
   * When the data became known, in UTC epoch milliseconds: the exchange's event time, or for a bar
   * its close time (a bar is usable only once it has closed).
   *
   * @return the event time
   */
  long eventTime();
}

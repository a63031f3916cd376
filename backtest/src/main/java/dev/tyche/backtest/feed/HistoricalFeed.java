package dev.tyche.backtest.feed;

import dev.tyche.core.market.MarketEvent;

/**
 * A stream of historical market events in non-decreasing {@link MarketEvent#eventTime()} order: the
 * time at which the event became known (a bar's close time, a trade's event time, a funding
 * settlement's funding time). A backtest may show an event to a strategy only once its clock has
 * reached that time, which is what rules out look-ahead.
 *
 * <p>Implementations are mutable (they have a read position) and confined to one thread.
 */
public interface HistoricalFeed {

  /**
   * Whether another event follows.
   *
   * @return true if {@link #next()} may be called
   */
  boolean hasNext();

  /**
   * The event time of the next event, without consuming it.
   *
   * @return UTC epoch milliseconds, or {@link Long#MAX_VALUE} when the feed is exhausted
   */
  long peekTime();

  /**
   * The next event, without consuming it.
   *
   * @return the event
   * @throws java.util.NoSuchElementException when the feed is exhausted
   */
  MarketEvent peek();

  /**
   * Consumes and returns the next event.
   *
   * @return the event
   * @throws java.util.NoSuchElementException when the feed is exhausted
   */
  MarketEvent next();

  /**
   * A short name for messages and reports (for example the file it came from).
   *
   * @return the name
   */
  String name();
}

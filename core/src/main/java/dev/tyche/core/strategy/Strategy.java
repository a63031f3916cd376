package dev.tyche.core.strategy;

import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.order.OrderEvent;

/**
 * A trading strategy: it sees market events and its own order events, and acts through the {@link
 * StrategyContext} it receives in {@link #onStart}. The same object runs unchanged in backtest,
 * paper and live trading; it must take time from {@code context.clock()} and randomness from a
 * seed, never from the environment.
 *
 * <p>Every callback is made on the engine thread, one at a time, in event-time order. A decision
 * made in a callback may use only what the strategy has seen so far: the engine delivers a bar only
 * at its close, so no look-ahead is possible through this interface.
 *
 * <p>Implementations are mutable and confined to the engine thread.
 */
public interface Strategy {

  /**
   * Called once before any event.
   *
   * @param context the strategy's handle on the engine; keep it for later callbacks
   */
  void onStart(StrategyContext context);

  /**
   * Called for every market event of a subscribed stream. The default routes each kind to its own
   * callback below; override this instead to handle all kinds in one place.
   *
   * @param event the event
   */
  default void onMarketEvent(MarketEvent event) {
    if (event instanceof Bar) {
      onBar((Bar) event);
    } else if (event instanceof Trade) {
      onTrade((Trade) event);
    } else if (event instanceof Quote) {
      onQuote((Quote) event);
    } else if (event instanceof BookDelta) {
      onBookDelta((BookDelta) event);
    } else if (event instanceof BookSnapshot) {
      onBookSnapshot((BookSnapshot) event);
    } else if (event instanceof FundingRate) {
      onFundingRate((FundingRate) event);
    } else if (event instanceof MarkPrice) {
      onMarkPrice((MarkPrice) event);
    }
  }

  /**
   * A bar has closed.
   *
   * @param bar the bar; its close time is the current time
   */
  default void onBar(Bar bar) {}

  /**
   * A trade printed.
   *
   * @param trade the trade
   */
  default void onTrade(Trade trade) {}

  /**
   * The best bid or ask changed.
   *
   * @param quote the new best bid and ask
   */
  default void onQuote(Quote quote) {}

  /**
   * The order book changed by a delta.
   *
   * @param delta the change
   */
  default void onBookDelta(BookDelta delta) {}

  /**
   * A full order-book snapshot arrived.
   *
   * @param snapshot the book
   */
  default void onBookSnapshot(BookSnapshot snapshot) {}

  /**
   * A funding rate was announced or settled.
   *
   * @param fundingRate the rate
   */
  default void onFundingRate(FundingRate fundingRate) {}

  /**
   * The mark price changed.
   *
   * @param markPrice the mark price
   */
  default void onMarkPrice(MarkPrice markPrice) {}

  /**
   * Something happened to one of this strategy's orders.
   *
   * @param event the order event
   */
  default void onOrderEvent(OrderEvent event) {}

  /**
   * A timer set through {@link StrategyContext#scheduleAt(long, String)} fired.
   *
   * @param timer the timer
   */
  default void onTimer(TimerEvent timer) {}

  /** Called once after the last event; the context must not be used afterwards. */
  default void onStop() {}
}

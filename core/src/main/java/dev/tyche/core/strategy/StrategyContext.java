package dev.tyche.core.strategy;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.Clock;
import java.util.Optional;

/**
 * What a strategy may do and see. The engine implements it identically for backtest, paper and live
 * trading: orders go through the risk gate to the venue, and their outcomes come back as order
 * events on {@link Strategy#onOrderEvent}.
 *
 * <p>Mutable; confined to the engine thread.
 */
public interface StrategyContext {

  /**
   * The strategy's id, the prefix of its client order ids.
   *
   * @return the id
   */
  StrategyId strategyId();

  /**
   * The engine's clock: simulated in a backtest, the system clock live.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Looks up an instrument the engine knows.
   *
   * @param symbol the symbol
   * @return the instrument, or empty if the engine does not trade it
   */
  Optional<Instrument> instrument(Symbol symbol);

  /**
   * A fresh client order id, deterministic given the strategy id and the number of ids issued, so a
   * replay issues the same ids.
   *
   * @return the id
   */
  ClientOrderId nextClientOrderId();

  /**
   * Submits an order. It passes the risk gate first; a denial arrives as an {@code OrderDenied}
   * event, never as an exception.
   *
   * @param order the order, with prices and quantities on the instrument's grid
   */
  void submit(SubmitOrder order);

  /**
   * Requests cancellation of a working order of this strategy.
   *
   * @param clientOrderId the order
   * @param symbol its instrument
   */
  void cancel(ClientOrderId clientOrderId, Symbol symbol);

  /**
   * Sets a timer that fires once at {@code timeMillis} (or at once if that time has passed).
   *
   * @param timeMillis when, in UTC epoch milliseconds
   * @param tag a label handed back with the event
   * @return the timer's id, for {@link #cancelTimer(TimerId)}
   */
  TimerId scheduleAt(long timeMillis, String tag);

  /**
   * Cancels a timer that has not fired yet; cancelling a fired or unknown timer does nothing.
   *
   * @param timerId the timer
   */
  void cancelTimer(TimerId timerId);

  /**
   * Adds a market-data stream for this strategy.
   *
   * @param subscription the stream
   */
  void subscribe(Subscription subscription);

  /**
   * The account as of now: balances, positions, PnL, fees and funding.
   *
   * @return a read-only view
   */
  PortfolioView portfolio();
}

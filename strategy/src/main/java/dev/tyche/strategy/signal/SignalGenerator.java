package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.Subscription;
import java.util.List;

/**
 * The decision half of a strategy: it turns market events into a target exposure per instrument
 * (see {@link Signal} for the convention) and never places orders itself. The order-placing half is
 * the {@link TargetExecutor}; {@link SignalStrategy} joins the two behind core's {@code Strategy}
 * SPI.
 *
 * <p><b>No look-ahead.</b> An implementation's targets after an event depend only on the events it
 * was fed up to and including that one, in order; it keeps no reference to later data (it cannot
 * have any) and reads no clock or randomness. Events for other instruments or streams are ignored.
 *
 * <p>Implementations are mutable; confined to the engine thread.
 */
public interface SignalGenerator {

  /**
   * The instruments this generator sets targets for, in a fixed order.
   *
   * @return the symbols, not empty
   */
  List<Symbol> symbols();

  /**
   * The market-data streams the generator needs.
   *
   * @return the subscriptions
   */
  List<Subscription> subscriptions();

  /**
   * Feeds one market event, delivered at its {@code eventTime()} (a bar at its close).
   *
   * @param event the event
   * @return true if the event was a decision point for this generator (its targets were
   *     re-evaluated, whether or not they changed); false if it was ignored
   */
  boolean onMarketEvent(MarketEvent event);

  /**
   * The current target exposure in one of {@link #symbols()}.
   *
   * @param symbol the instrument
   * @return the exposure in {@code [-1, 1]}; 0 (flat) until the generator has enough data
   * @throws IllegalArgumentException if the generator does not trade {@code symbol}
   */
  double target(Symbol symbol);
}

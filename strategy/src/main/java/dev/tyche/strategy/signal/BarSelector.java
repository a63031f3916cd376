package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.BarInterval;
import java.util.List;
import java.util.Objects;

/**
 * The one bar series (symbol and interval) a single-instrument signal trades on: its symbol list,
 * its subscription, and the test that picks its bars out of the event stream. Bars of other symbols
 * or other intervals are not its own, so a signal on 1h bars ignores a 1m feed of the same symbol.
 *
 * <p>Immutable and thread-safe.
 */
public final class BarSelector {

  private final Symbol symbol;
  private final long intervalMillis;
  private final List<Symbol> symbols;
  private final List<Subscription> subscriptions;

  /**
   * A selector.
   *
   * @param symbol the instrument
   * @param interval the bar interval
   */
  public BarSelector(Symbol symbol, BarInterval interval) {
    this.symbol = Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    this.intervalMillis = interval.durationMillis();
    this.symbols = List.of(symbol);
    this.subscriptions = List.of(Subscription.bars(symbol, interval));
  }

  /**
   * The instrument, as the one-element list {@link SignalGenerator#symbols()} returns.
   *
   * @return the symbols
   */
  public List<Symbol> symbols() {
    return symbols;
  }

  /**
   * The bar subscription, as {@link SignalGenerator#subscriptions()} returns it.
   *
   * @return the subscriptions
   */
  public List<Subscription> subscriptions() {
    return subscriptions;
  }

  /**
   * The event as a bar of this series.
   *
   * @param event any market event
   * @return the bar, or null when the event is not a bar of this symbol and interval
   */
  public Bar select(MarketEvent event) {
    if (event instanceof Bar bar
        && bar.intervalMillis() == intervalMillis
        && bar.symbol().equals(symbol)) {
      return bar;
    }
    return null;
  }
}

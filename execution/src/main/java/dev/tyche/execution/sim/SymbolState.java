package dev.tyche.execution.sim;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.risk.margin.Liquidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The venue's state for one instrument: its book (book matching), reference prices and working
 * orders. Prices are units at the instrument's price scale; 0 means "not known yet".
 *
 * <p>Mutable; confined to the engine thread.
 */
final class SymbolState {
  final Instrument instrument;
  final OrderBook book;

  /** Resting buys, best price first, then by arrival. */
  final List<SimOrder> bids = new ArrayList<>();

  /** Resting sells, best price first, then by arrival. */
  final List<SimOrder> asks = new ArrayList<>();

  /** Untriggered conditional orders, by arrival. */
  final List<SimOrder> conditionals = new ArrayList<>();

  /** Bar matching: orders waiting for their first bar, by arrival. */
  final List<SimOrder> awaiting = new ArrayList<>();

  long lastTrade;
  long mark;
  boolean markFromEvents;
  long quoteBid;
  long quoteBidQuantity;
  long quoteAsk;
  long quoteAskQuantity;
  Bar lastBar;
  long lastFundingNominal = Long.MIN_VALUE;

  long liquidationFillCount = -1;
  Optional<Liquidation> liquidation = Optional.empty();
  boolean liquidatableNow;

  SymbolState(Instrument instrument, boolean withBook) {
    this.instrument = instrument;
    this.book = withBook ? new OrderBook(instrument) : null;
  }

  int priceScale() {
    return instrument.priceScale();
  }

  int quantityScale() {
    return instrument.quantityScale();
  }

  boolean hasWorkingOrders() {
    return !bids.isEmpty() || !asks.isEmpty() || !conditionals.isEmpty() || !awaiting.isEmpty();
  }
}

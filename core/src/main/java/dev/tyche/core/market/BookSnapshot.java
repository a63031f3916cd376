package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A full L2 order-book picture at one update id, as returned by Binance's {@code GET
 * /fapi/v1/depth} (which carries {@code lastUpdateId}) or handed out by a local order book.
 *
 * <p>Bids are sorted by price descending and asks ascending, so the best level of each side comes
 * first. Within a side, prices are unique (compared by value, so {@code 1.0} and {@code 1.00} are
 * the same price) and every quantity is strictly positive. The book is not crossed: the best bid is
 * strictly below the best ask. Either side may be empty. The lists are unmodifiable copies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param lastUpdateId the venue's last order-book update id included in this picture, zero or
 *     positive
 * @param eventTime when the venue produced it, UTC epoch milliseconds (Binance {@code E}; {@code T}
 *     is the matching-engine time and is usually a few ms earlier)
 * @param bids bid levels, best (highest price) first
 * @param asks ask levels, best (lowest price) first
 */
public record BookSnapshot(
    Symbol symbol, long lastUpdateId, long eventTime, List<BookLevel> bids, List<BookLevel> asks)
    implements MarketEvent {

  // A book that is unsorted, has empty levels or is crossed would silently corrupt everything
  // built on it (mid, spread, fills), so it is rejected where it is created.
  public BookSnapshot {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(bids, "bids must not be null");
    Objects.requireNonNull(asks, "asks must not be null");
    if (lastUpdateId < 0) {
      throw new IllegalArgumentException("lastUpdateId must be >= 0 but was " + lastUpdateId);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 (epoch ms) but was " + eventTime);
    }
    bids = List.copyOf(bids); // also rejects null elements
    asks = List.copyOf(asks);
    checkSide(bids, "bids", -1);
    checkSide(asks, "asks", +1);
    if (!bids.isEmpty() && !asks.isEmpty()) {
      BookLevel bestBid = bids.get(0);
      BookLevel bestAsk = asks.get(0);
      if (bestBid.price().compareTo(bestAsk.price()) >= 0) {
        throw new IllegalArgumentException(
            "best bid must be < best ask "
                + bestAsk.price()
                + " but was "
                + bestBid.price()
                + " (crossed book)");
      }
    }
  }

  /** {@code direction} is -1 for strictly descending prices, +1 for strictly ascending. */
  private static void checkSide(List<BookLevel> levels, String name, int direction) {
    for (int i = 0; i < levels.size(); i++) {
      BookLevel level = levels.get(i);
      if (level.quantity().isZero()) {
        throw new IllegalArgumentException(
            name + "[" + i + "] quantity must be > 0 but was " + level.quantity() + " at " + level);
      }
      if (i > 0) {
        int cmp = level.price().compareTo(levels.get(i - 1).price());
        if (cmp == 0) {
          throw new IllegalArgumentException(
              name + "[" + i + "] price must be unique but " + level.price() + " repeats");
        }
        if (Integer.signum(cmp) != direction) {
          throw new IllegalArgumentException(
              name
                  + " must be sorted by price "
                  + (direction < 0 ? "descending" : "ascending")
                  + " but "
                  + name
                  + "["
                  + i
                  + "] = "
                  + level.price()
                  + " follows "
                  + levels.get(i - 1).price());
        }
      }
    }
  }

  /**
   * The best (highest) bid.
   *
   * @return the first bid level, or empty if there are no bids
   */
  public Optional<BookLevel> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /**
   * The best (lowest) ask.
   *
   * @return the first ask level, or empty if there are no asks
   */
  public Optional<BookLevel> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }
}

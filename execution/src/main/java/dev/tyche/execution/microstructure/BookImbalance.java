package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;

/**
 * Order-book (queue) imbalance over the best {@code L} levels of each side:
 *
 * <pre>{@code
 * rho_L = (sum_{i<L} Q^b_i - sum_{i<L} Q^a_i) / (sum_{i<L} Q^b_i + sum_{i<L} Q^a_i)
 * }</pre>
 *
 * in {@code [-1, 1]}: +1 when only bids rest in the first {@code L} levels, -1 when only asks. With
 * {@code L = 1} this is the queue imbalance of Cartea, Donnelly and Jaimungal, "Enhancing trading
 * strategies with order book signals", Applied Mathematical Finance 25 (2018); the multi-level form
 * sums the first {@code L} levels of each side. A side with fewer than {@code L} levels contributes
 * what it has.
 *
 * <p>{@link #update(OrderBook)} costs O(L) and allocates nothing (levels are copied into arrays
 * sized once).
 *
 * <p>Mutable; confined to one thread.
 */
public final class BookImbalance {
  private final int levels;
  private final long[] prices;
  private final long[] quantities;
  private double value = Double.NaN;

  /**
   * An imbalance over the best {@code levels} levels of each side.
   *
   * @param levels {@code L}, positive
   */
  public BookImbalance(int levels) {
    this.levels = Require.positive("levels", levels);
    this.prices = new long[levels];
    this.quantities = new long[levels];
  }

  /**
   * The imbalance of two quantities, {@code (bid - ask) / (bid + ask)}.
   *
   * @param bidQuantity the bid quantity, finite and >= 0
   * @param askQuantity the ask quantity, finite and >= 0, with {@code bid + ask > 0}
   * @return the imbalance in {@code [-1, 1]}
   * @throws IllegalArgumentException if a quantity is negative or not finite, or both are zero
   */
  public static double of(double bidQuantity, double askQuantity) {
    Require.nonNegative("bidQuantity", bidQuantity);
    Require.nonNegative("askQuantity", askQuantity);
    double total = bidQuantity + askQuantity;
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          "bidQuantity + askQuantity must be > 0 but both were 0 (imbalance undefined)");
    }
    // Dividing each part keeps the result inside [-1, 1] under rounding.
    return Math.max(-1.0, Math.min(1.0, (bidQuantity - askQuantity) / total));
  }

  /**
   * Reads the book and recomputes the imbalance.
   *
   * @param book a book with at least one bid and one ask
   * @return the imbalance in {@code [-1, 1]}
   * @throws IllegalStateException if a side of the book is empty
   */
  public double update(OrderBook book) {
    Require.notNull("book", book);
    if (!book.hasBid() || !book.hasAsk()) {
      throw new IllegalStateException("the book needs both sides for an imbalance but was " + book);
    }
    // Sums stay in exact long units; only the ratio is a double, so the scale cancels out.
    long bid = sum(book, Side.BUY);
    long ask = sum(book, Side.SELL);
    value = of((double) bid, (double) ask);
    return value;
  }

  private long sum(OrderBook book, Side side) {
    int n = book.copyLevels(side, prices, quantities, levels);
    long s = 0;
    for (int i = 0; i < n; i++) {
      s = Math.addExact(s, quantities[i]);
    }
    return s;
  }

  /**
   * The number of levels per side.
   *
   * @return {@code L}
   */
  public int levels() {
    return levels;
  }

  /**
   * The imbalance at the last update.
   *
   * @return a value in {@code [-1, 1]}, NaN before the first update
   */
  public double value() {
    return value;
  }
}

package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.OrderBook;

/**
 * Order-flow imbalance (OFI) from changes of the best bid and ask, after Cont, Kukanov and Stoikov,
 * "The price impact of order book events", Journal of Financial Econometrics 12(1) (2014), section
 * 2 (the definition of {@code e_n} and of OFI). For consecutive best-level states {@code n-1, n}
 * (prices {@code P^b, P^a}, quantities {@code q^b, q^a}) the contribution of event {@code n} is
 *
 * <pre>{@code
 * e_n = 1{P^b_n >= P^b_{n-1}} q^b_n - 1{P^b_n <= P^b_{n-1}} q^b_{n-1}
 *     - 1{P^a_n <= P^a_{n-1}} q^a_n + 1{P^a_n >= P^a_{n-1}} q^a_{n-1}
 * }</pre>
 *
 * so bid growth and ask depletion count as buying pressure (positive), and OFI over an interval is
 * the sum of {@code e_n} over the events in it. The first state only initialises ({@code e = 0}).
 * Quantities are in base units; OFI has the same unit.
 *
 * <p>The operator keeps the running total since construction and the sum over a trailing window
 * {@code (t - W, t]}. Each update is O(1) amortised and allocates nothing once the window's ring
 * has grown to the busiest window.
 *
 * <p>Mutable; confined to one thread.
 */
public final class OrderFlowImbalance {
  private final TimeWindowSum window;
  private boolean initialised;
  private double bidPrice;
  private double bidQuantity;
  private double askPrice;
  private double askQuantity;
  private double total;
  private double last;
  private long updates;
  private long lastTime = Long.MIN_VALUE;

  /**
   * An OFI accumulator.
   *
   * @param windowMillis the trailing window {@code W} for {@link #windowSum()}, positive
   */
  public OrderFlowImbalance(long windowMillis) {
    this.window = new TimeWindowSum(windowMillis, 256);
  }

  /**
   * The contribution {@code e_n} of one best-level change (a pure function).
   *
   * @param prevBid the previous best bid price
   * @param prevBidQty the previous best bid quantity
   * @param prevAsk the previous best ask price
   * @param prevAskQty the previous best ask quantity
   * @param bid the new best bid price
   * @param bidQty the new best bid quantity
   * @param ask the new best ask price
   * @param askQty the new best ask quantity
   * @return {@code e_n}, in base units
   */
  public static double contribution(
      double prevBid,
      double prevBidQty,
      double prevAsk,
      double prevAskQty,
      double bid,
      double bidQty,
      double ask,
      double askQty) {
    double e = 0;
    if (bid >= prevBid) {
      e += bidQty;
    }
    if (bid <= prevBid) {
      e -= prevBidQty;
    }
    if (ask <= prevAsk) {
      e -= askQty;
    }
    if (ask >= prevAsk) {
      e += prevAskQty;
    }
    return e;
  }

  /**
   * Takes a new best bid and ask.
   *
   * @param time the update time, epoch milliseconds, not before the previous update
   * @param bid the best bid price, finite and positive
   * @param bidQty the best bid quantity, finite and positive
   * @param ask the best ask price, above {@code bid}
   * @param askQty the best ask quantity, finite and positive
   * @return this update's contribution {@code e_n}; 0 for the first update
   * @throws IllegalArgumentException if a number is invalid, the quote is crossed or time runs
   *     backwards
   */
  public double update(long time, double bid, double bidQty, double ask, double askQty) {
    Checks.quote(bid, ask);
    Require.positive("bidQty", bidQty);
    Require.positive("askQty", askQty);
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    double e = 0;
    if (initialised) {
      e = contribution(bidPrice, bidQuantity, askPrice, askQuantity, bid, bidQty, ask, askQty);
    }
    initialised = true;
    bidPrice = bid;
    bidQuantity = bidQty;
    askPrice = ask;
    askQuantity = askQty;
    total += e;
    last = e;
    updates++;
    window.add(time, e);
    return e;
  }

  /**
   * Takes the best levels of a book (prices and quantities in the book's units: OFI is then in
   * quantity units of the instrument's scale).
   *
   * @param time the update time, epoch milliseconds, not before the previous update
   * @param book a book with at least one bid and one ask
   * @return this update's contribution
   * @throws IllegalStateException if a side of the book is empty
   */
  public double update(long time, OrderBook book) {
    Require.notNull("book", book);
    if (!book.hasBid() || !book.hasAsk()) {
      throw new IllegalStateException("the book needs both sides for OFI but was " + book);
    }
    return update(
        time,
        (double) book.bestBidPriceUnits(),
        (double) book.bestBidQuantityUnits(),
        (double) book.bestAskPriceUnits(),
        (double) book.bestAskQuantityUnits());
  }

  /**
   * Moves the window to {@code time} without an update.
   *
   * @param time epoch milliseconds, not before the previous update
   */
  public void advanceTo(long time) {
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    window.advance(time);
  }

  /**
   * The sum of {@code e_n} since construction.
   *
   * @return base units
   */
  public double total() {
    return total;
  }

  /**
   * The sum of {@code e_n} over the trailing window ending at the last update.
   *
   * @return base units
   */
  public double windowSum() {
    return window.sum();
  }

  /**
   * The last contribution.
   *
   * @return {@code e_n} of the last update, 0 before the second update
   */
  public double last() {
    return last;
  }

  /**
   * The number of updates taken.
   *
   * @return the count
   */
  public long updates() {
    return updates;
  }
}

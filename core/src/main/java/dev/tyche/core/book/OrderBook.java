package dev.tyche.core.book;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Quote;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local L2 (price-level) order book for one instrument, built from a snapshot and kept current
 * with diff-depth deltas.
 *
 * <p><b>Representation.</b> Prices are {@code long} units at the instrument's price scale and
 * quantities {@code long} units at its quantity scale (for BTCUSDT with tick 0.10 and step 0.001:
 * written {@code "0.10"}, the price scale is 2, so 61800.20 is 6180020, and 2.909 is 2909). Each
 * side is a sorted sequence of fixed-size chunks of primitive arrays (64 levels each, with a
 * directory of chunks), updated by binary search and short {@link System#arraycopy} moves; no
 * per-level objects exist, and inserting or removing a level far from the touch costs no more than
 * one near it. Applying a delta allocates nothing once the chunk pool has grown to the book's
 * working size. The {@code BookLevel}/{@code Price} views ({@link #bestBid()}, {@link
 * #snapshot(int)}, ...) allocate and are meant for cold paths; the {@code ...Units} methods do not.
 *
 * <p><b>Deltas.</b> Levels carry absolute quantities; zero removes the level, and removing an
 * absent level is a no-op (Binance USDⓈ-M, "How to manage a local order book correctly", step 6). A
 * delta's bids are applied before its asks, each in the order given.
 *
 * <p><b>Crossing rule.</b> The book is never left crossed or locked. When a level with a positive
 * quantity is set at price {@code p}, every level on the other side at {@code p} or worse for it
 * (asks {@code <= p} for a new bid, bids {@code >= p} for a new ask) is removed: the newest
 * information wins, and the levels it contradicts are stale. Binance's diff stream can show such
 * transient crosses when a removal of the old touch arrives in a later delta than the new level on
 * the other side. For any delta sequence whose plain replay (apply every level, no rule) is
 * uncrossed after each delta, this rule changes nothing: the removed levels are exactly those the
 * same delta removes anyway.
 *
 * <p><b>Sequencing.</b> This class applies what it is given and records the delta's final update
 * id; it does not check the update-id chain. Use {@link OrderBookSynchronizer} for a venue stream.
 * Levels below the depth of the last snapshot (Binance sends 1000 per side) are known only from the
 * deltas that touched them, so far levels may be incomplete.
 *
 * <p>Mutable; confined to one thread.
 */
public final class OrderBook {
  private static final int DEFAULT_LEVELS = 2048;

  private final Instrument instrument;
  private final Symbol symbol;
  private final int priceScale;
  private final int quantityScale;
  private final double priceDivisor;
  private final Ladder bids; // key = price units
  private final Ladder asks; // key = -price units, so that the best ask is the largest key
  private long lastUpdateId;
  private long eventTime;

  /**
   * An empty book with room for 2048 levels per side before it grows.
   *
   * @param instrument the instrument; its scales fix the units of every price and quantity
   */
  public OrderBook(Instrument instrument) {
    this(instrument, DEFAULT_LEVELS);
  }

  /**
   * An empty book.
   *
   * @param instrument the instrument; its scales fix the units of every price and quantity
   * @param initialLevels the capacity per side before the arrays grow, positive
   */
  public OrderBook(Instrument instrument, int initialLevels) {
    this.instrument = Objects.requireNonNull(instrument, "instrument must not be null");
    if (initialLevels <= 0) {
      throw new IllegalArgumentException("initialLevels must be > 0 but was " + initialLevels);
    }
    this.symbol = instrument.symbol();
    this.priceScale = instrument.priceScale();
    this.quantityScale = instrument.quantityScale();
    this.priceDivisor = Math.pow(10, priceScale);
    this.bids = new Ladder(initialLevels);
    this.asks = new Ladder(initialLevels);
  }

  /**
   * The instrument this book is for.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The last update id applied: the snapshot's {@code lastUpdateId} or the last delta's {@code
   * finalUpdateId}.
   *
   * @return the id, 0 before anything was applied or after {@link #clear()}
   */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /**
   * The venue event time of the last snapshot or delta applied.
   *
   * @return UTC epoch milliseconds, 0 before anything was applied or after {@link #clear()}
   */
  public long eventTime() {
    return eventTime;
  }

  /** Empties both sides and forgets the update id and event time. */
  public void clear() {
    bids.clear();
    asks.clear();
    lastUpdateId = 0;
    eventTime = 0;
  }

  /**
   * Replaces the whole book with a snapshot.
   *
   * @param snapshot the snapshot, for this book's symbol, with prices and quantities that fit the
   *     instrument's scales
   * @throws IllegalArgumentException if the symbol differs or a number has more decimals than the
   *     instrument's scale (the book is then left empty)
   */
  public void applySnapshot(BookSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot must not be null");
    checkSymbol(snapshot.symbol(), "snapshot");
    clear();
    try {
      // The snapshot lists the best first; the ladders store the best last.
      List<BookLevel> b = snapshot.bids();
      for (int i = b.size() - 1; i >= 0; i--) {
        bids.appendAscending(priceUnits(b.get(i).price()), quantityUnits(b.get(i).quantity()));
      }
      List<BookLevel> a = snapshot.asks();
      for (int i = a.size() - 1; i >= 0; i--) {
        asks.appendAscending(-priceUnits(a.get(i).price()), quantityUnits(a.get(i).quantity()));
      }
    } catch (IllegalArgumentException e) {
      clear();
      throw e;
    }
    lastUpdateId = snapshot.lastUpdateId();
    eventTime = snapshot.eventTime();
  }

  /**
   * Applies a delta, whatever its update ids (see the class notes on sequencing and crossing).
   *
   * @param delta the delta, for this book's symbol
   * @throws IllegalArgumentException if the symbol differs or a number does not fit the
   *     instrument's scales; nothing is applied then
   */
  public void apply(BookDelta delta) {
    Objects.requireNonNull(delta, "delta must not be null");
    checkSymbol(delta.symbol(), "delta");
    List<BookLevel> b = delta.bids();
    List<BookLevel> a = delta.asks();
    long[] bp = new long[b.size()];
    long[] bq = new long[b.size()];
    long[] ap = new long[a.size()];
    long[] aq = new long[a.size()];
    for (int i = 0; i < bp.length; i++) {
      bp[i] = priceUnits(b.get(i).price());
      bq[i] = quantityUnits(b.get(i).quantity());
    }
    for (int i = 0; i < ap.length; i++) {
      ap[i] = priceUnits(a.get(i).price());
      aq[i] = quantityUnits(a.get(i).quantity());
    }
    applyDelta(delta.finalUpdateId(), delta.eventTime(), bp, bq, bp.length, ap, aq, ap.length);
  }

  /**
   * Applies a delta held in a reusable buffer, without allocating.
   *
   * @param delta the delta, for this book's symbol, in this book's units
   * @throws IllegalArgumentException if the symbol differs
   */
  public void apply(BookDeltaBuffer delta) {
    checkSymbol(delta.symbol(), "delta");
    applyDelta(
        delta.finalUpdateId(),
        delta.eventTime(),
        delta.bidPriceArray(),
        delta.bidQuantityArray(),
        delta.bidCount(),
        delta.askPriceArray(),
        delta.askQuantityArray(),
        delta.askCount());
  }

  /**
   * Applies a delta given as parsed primitive arrays, without allocating. Every level is checked
   * before any is applied, so an invalid delta leaves the book unchanged.
   *
   * @param finalUpdateId the delta's final update id ({@code u}), recorded as {@link
   *     #lastUpdateId()}
   * @param eventTime the delta's event time, UTC epoch milliseconds
   * @param bidPrices bid price units at the instrument's price scale, positive
   * @param bidQuantities absolute bid quantity units at the quantity scale; 0 removes the level
   * @param bidCount how many leading entries of the bid arrays to use
   * @param askPrices ask price units, positive
   * @param askQuantities absolute ask quantity units; 0 removes the level
   * @param askCount how many leading entries of the ask arrays to use
   * @throws IllegalArgumentException if a count exceeds its arrays, a price is not positive or a
   *     quantity is negative
   */
  public void applyDelta(
      long finalUpdateId,
      long eventTime,
      long[] bidPrices,
      long[] bidQuantities,
      int bidCount,
      long[] askPrices,
      long[] askQuantities,
      int askCount) {
    checkLevels(bidPrices, bidQuantities, bidCount, "bid");
    checkLevels(askPrices, askQuantities, askCount, "ask");
    for (int i = 0; i < bidCount; i++) {
      setBid(bidPrices[i], bidQuantities[i]);
    }
    for (int i = 0; i < askCount; i++) {
      setAsk(askPrices[i], askQuantities[i]);
    }
    this.lastUpdateId = finalUpdateId;
    this.eventTime = eventTime;
  }

  /**
   * Sets one level's absolute quantity, applying the crossing rule, without touching the update id.
   *
   * @param side {@link Side#BUY} for a bid, {@link Side#SELL} for an ask
   * @param priceUnits the price units at the instrument's price scale, positive
   * @param quantityUnits the quantity units at the quantity scale; 0 removes the level
   * @throws IllegalArgumentException if the price is not positive or the quantity is negative
   */
  public void setLevel(Side side, long priceUnits, long quantityUnits) {
    checkLevel(priceUnits, quantityUnits, side == Side.BUY ? "bid" : "ask", 0);
    if (side == Side.BUY) {
      setBid(priceUnits, quantityUnits);
    } else {
      setAsk(priceUnits, quantityUnits);
    }
  }

  private void setBid(long price, long quantity) {
    bids.set(price, quantity);
    if (quantity != 0) {
      asks.removeFromBestWhileAtLeast(-price); // asks at prices <= price
    }
  }

  private void setAsk(long price, long quantity) {
    asks.set(-price, quantity);
    if (quantity != 0) {
      bids.removeFromBestWhileAtLeast(price); // bids at prices >= price
    }
  }

  private static void checkLevels(long[] prices, long[] quantities, int count, String side) {
    if (count < 0 || count > prices.length || count > quantities.length) {
      throw new IllegalArgumentException(
          side
              + "Count must be in [0, "
              + Math.min(prices.length, quantities.length)
              + "] but was "
              + count);
    }
    for (int i = 0; i < count; i++) {
      checkLevel(prices[i], quantities[i], side, i);
    }
  }

  private static void checkLevel(long price, long quantity, String side, int index) {
    if (price <= 0) {
      throw new IllegalArgumentException(
          side + " price units [" + index + "] must be > 0 but was " + price);
    }
    if (quantity < 0) {
      throw new IllegalArgumentException(
          side + " quantity units [" + index + "] must be >= 0 but was " + quantity);
    }
  }

  private void checkSymbol(Symbol other, String what) {
    if (!symbol.equals(other)) {
      throw new IllegalArgumentException(
          what + " symbol must be " + symbol + " (this book's) but was " + other);
    }
  }

  private long priceUnits(Price price) {
    if (price.scale() == priceScale) {
      return price.units(); // the usual case; rescaling would allocate
    }
    try {
      return price.withScale(priceScale).units();
    } catch (ArithmeticException e) {
      // Exact rescaling refuses to drop non-zero digits; report it in the caller's terms.
      throw new IllegalArgumentException(
          "price must have at most " + priceScale + " decimals for " + symbol + " but was " + price,
          e);
    }
  }

  private long quantityUnits(Quantity quantity) {
    if (quantity.scale() == quantityScale) {
      return quantity.units();
    }
    try {
      return quantity.withScale(quantityScale).units();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "quantity must have at most "
              + quantityScale
              + " decimals for "
              + symbol
              + " but was "
              + quantity,
          e);
    }
  }

  // ---------------------------------------------------------------- queries, primitive

  /**
   * The number of price levels on one side.
   *
   * @param side {@link Side#BUY} for bids, {@link Side#SELL} for asks
   * @return the level count
   */
  public int levelCount(Side side) {
    return ladder(side).size();
  }

  /**
   * Whether the book holds no level on either side.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return bids.size() == 0 && asks.size() == 0;
  }

  /**
   * Whether there is at least one bid.
   *
   * @return true if the bid side is not empty
   */
  public boolean hasBid() {
    return bids.size() > 0;
  }

  /**
   * Whether there is at least one ask.
   *
   * @return true if the ask side is not empty
   */
  public boolean hasAsk() {
    return asks.size() > 0;
  }

  /**
   * The best (highest) bid price.
   *
   * @return the price units at the instrument's price scale
   * @throws IllegalStateException if there are no bids
   */
  public long bestBidPriceUnits() {
    requireSide(bids, "bids");
    return bids.bestKey();
  }

  /**
   * The quantity at the best bid.
   *
   * @return the quantity units at the instrument's quantity scale
   * @throws IllegalStateException if there are no bids
   */
  public long bestBidQuantityUnits() {
    requireSide(bids, "bids");
    return bids.bestQuantity();
  }

  /**
   * The best (lowest) ask price.
   *
   * @return the price units at the instrument's price scale
   * @throws IllegalStateException if there are no asks
   */
  public long bestAskPriceUnits() {
    requireSide(asks, "asks");
    return -asks.bestKey();
  }

  /**
   * The quantity at the best ask.
   *
   * @return the quantity units at the instrument's quantity scale
   * @throws IllegalStateException if there are no asks
   */
  public long bestAskQuantityUnits() {
    requireSide(asks, "asks");
    return asks.bestQuantity();
  }

  /**
   * The spread {@code bestAsk - bestBid}; positive, because the book is never crossed or locked.
   *
   * @return the spread in price units
   * @throws IllegalStateException if either side is empty
   */
  public long spreadUnits() {
    return bestAskPriceUnits() - bestBidPriceUnits();
  }

  /**
   * The mid price {@code (bestBid + bestAsk) / 2}, as an analytic double.
   *
   * @return the mid in quote units per base unit
   * @throws IllegalStateException if either side is empty
   */
  public double mid() {
    return (bestBidPriceUnits() + bestAskPriceUnits()) / (2.0 * priceDivisor);
  }

  /**
   * The quantity resting at exactly one price.
   *
   * @param side {@link Side#BUY} for bids, {@link Side#SELL} for asks
   * @param priceUnits the price units at the instrument's price scale
   * @return the quantity units, 0 if there is no level at that price
   */
  public long quantityAtUnits(Side side, long priceUnits) {
    return side == Side.BUY ? bids.quantityAt(priceUnits) : asks.quantityAt(-priceUnits);
  }

  /**
   * The total quantity at a price or better: bids at or above {@code priceUnits}, asks at or below
   * it. This is the quantity a marketable order limited at that price could meet.
   *
   * @param side {@link Side#BUY} for bids, {@link Side#SELL} for asks
   * @param priceUnits the limit price units at the instrument's price scale
   * @return the summed quantity units
   */
  public long quantityAtOrBetterUnits(Side side, long priceUnits) {
    return side == Side.BUY
        ? bids.quantityAtOrAbove(priceUnits)
        : asks.quantityAtOrAbove(-priceUnits);
  }

  /**
   * Copies the best levels of one side into caller-provided arrays, best first, without allocating.
   *
   * @param side {@link Side#BUY} for bids (descending prices), {@link Side#SELL} for asks
   *     (ascending prices)
   * @param prices receives price units
   * @param quantities receives quantity units
   * @param maxLevels the most levels to copy, zero or positive
   * @return the number of levels copied: the smallest of {@code maxLevels}, the side's level count
   *     and the arrays' lengths
   */
  public int copyLevels(Side side, long[] prices, long[] quantities, int maxLevels) {
    if (maxLevels < 0) {
      throw new IllegalArgumentException("maxLevels must be >= 0 but was " + maxLevels);
    }
    int n = Math.min(maxLevels, Math.min(prices.length, quantities.length));
    n = ladder(side).copyFromBest(prices, quantities, n);
    if (side == Side.SELL) {
      for (int i = 0; i < n; i++) {
        prices[i] = -prices[i]; // ask keys are negated prices
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- queries, objects

  /**
   * The best bid as a level (allocates).
   *
   * @return the best bid, or empty if there are no bids
   */
  public Optional<BookLevel> bestBid() {
    return hasBid()
        ? Optional.of(level(bestBidPriceUnits(), bestBidQuantityUnits()))
        : Optional.empty();
  }

  /**
   * The best ask as a level (allocates).
   *
   * @return the best ask, or empty if there are no asks
   */
  public Optional<BookLevel> bestAsk() {
    return hasAsk()
        ? Optional.of(level(bestAskPriceUnits(), bestAskQuantityUnits()))
        : Optional.empty();
  }

  /**
   * The exact mid price {@code (bestBid + bestAsk) / 2}; it may need one more decimal than the
   * instrument's price scale.
   *
   * @return the mid, or empty if either side is empty
   */
  public Optional<Decimal> midPrice() {
    if (!hasBid() || !hasAsk()) {
      return Optional.empty();
    }
    long sum = Math.addExact(bestBidPriceUnits(), bestAskPriceUnits());
    if ((sum & 1) == 0) {
      return Optional.of(Decimal.of(sum / 2, priceScale));
    }
    return Optional.of(Decimal.of(Math.multiplyExact(sum, 5L), priceScale + 1));
  }

  /**
   * The exact spread {@code bestAsk - bestBid}.
   *
   * @return the spread at the instrument's price scale, or empty if either side is empty
   */
  public Optional<Decimal> spread() {
    return hasBid() && hasAsk()
        ? Optional.of(Decimal.of(spreadUnits(), priceScale))
        : Optional.empty();
  }

  /**
   * The total quantity at a price or better (see {@link #quantityAtOrBetterUnits(Side, long)}).
   *
   * @param side {@link Side#BUY} for bids, {@link Side#SELL} for asks
   * @param price the limit price, with at most the instrument's price decimals
   * @return the summed quantity at the instrument's quantity scale
   */
  public Quantity quantityAtOrBetter(Side side, Price price) {
    return Quantity.of(quantityAtOrBetterUnits(side, priceUnits(price)), quantityScale);
  }

  /**
   * The top of book as a quote, stamped with this book's last update id and event time.
   *
   * @return the quote, or empty if either side is empty
   */
  public Optional<Quote> quote() {
    if (!hasBid() || !hasAsk()) {
      return Optional.empty();
    }
    return Optional.of(
        new Quote(
            symbol,
            Price.of(bestBidPriceUnits(), priceScale),
            Quantity.of(bestBidQuantityUnits(), quantityScale),
            Price.of(bestAskPriceUnits(), priceScale),
            Quantity.of(bestAskQuantityUnits(), quantityScale),
            lastUpdateId,
            eventTime));
  }

  /**
   * The whole book as an immutable snapshot.
   *
   * @return every level of both sides, stamped with {@link #lastUpdateId()} and {@link
   *     #eventTime()}
   */
  public BookSnapshot snapshot() {
    return snapshot(Integer.MAX_VALUE);
  }

  /**
   * The best {@code maxLevels} levels of each side as an immutable snapshot.
   *
   * @param maxLevels the most levels per side, zero or positive
   * @return the snapshot, stamped with {@link #lastUpdateId()} and {@link #eventTime()}
   */
  public BookSnapshot snapshot(int maxLevels) {
    if (maxLevels < 0) {
      throw new IllegalArgumentException("maxLevels must be >= 0 but was " + maxLevels);
    }
    List<BookLevel> b = levels(Side.BUY, maxLevels);
    List<BookLevel> a = levels(Side.SELL, maxLevels);
    return new BookSnapshot(symbol, lastUpdateId, eventTime, b, a);
  }

  private List<BookLevel> levels(Side side, int maxLevels) {
    int n = Math.min(maxLevels, levelCount(side));
    long[] prices = new long[n];
    long[] quantities = new long[n];
    copyLevels(side, prices, quantities, n);
    List<BookLevel> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(level(prices[i], quantities[i]));
    }
    return out;
  }

  private BookLevel level(long priceUnits, long quantityUnits) {
    return new BookLevel(
        Price.of(priceUnits, priceScale), Quantity.of(quantityUnits, quantityScale));
  }

  private Ladder ladder(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  private static void requireSide(Ladder ladder, String name) {
    if (ladder.size() == 0) {
      throw new IllegalStateException("the book has no " + name);
    }
  }

  @Override
  public String toString() {
    String top =
        hasBid() && hasAsk()
            ? bestBid().orElseThrow() + " / " + bestAsk().orElseThrow()
            : bids.size() + " bids / " + asks.size() + " asks";
    return "OrderBook[" + symbol + " @" + lastUpdateId + ": " + top + "]";
  }
}

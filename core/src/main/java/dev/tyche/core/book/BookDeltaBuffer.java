package dev.tyche.core.book;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reusable, mutable diff-depth update in primitive form, for a decoder that parses a venue
 * message straight into price and quantity units and hands it to an {@link OrderBook} or {@link
 * OrderBookSynchronizer} without allocating. It holds the same fields as {@link BookDelta}: prices
 * as {@code long} units at the instrument's price scale, quantities as {@code long} units at its
 * quantity scale (zero removes the level).
 *
 * <p>Typical use per message: {@link #reset(long, long, long, long)}, then {@link #addBid(long,
 * long)} / {@link #addAsk(long, long)} per level, then {@code synchronizer.onDelta(buffer)}. The
 * arrays grow when a message has more levels than any before and are reused afterwards.
 *
 * <p>Mutable; confined to one thread.
 */
public final class BookDeltaBuffer {
  private final Symbol symbol;
  private long firstUpdateId;
  private long finalUpdateId;
  private long previousFinalUpdateId = -1; // so that a fresh buffer is a valid empty delta
  private long eventTime;
  private long[] bidPrices;
  private long[] bidQuantities;
  private int bidCount;
  private long[] askPrices;
  private long[] askQuantities;
  private int askCount;

  /**
   * An empty buffer.
   *
   * @param symbol the instrument every delta in this buffer belongs to
   * @param initialLevels the initial capacity per side, positive (it grows on demand)
   */
  public BookDeltaBuffer(Symbol symbol, int initialLevels) {
    this.symbol = Objects.requireNonNull(symbol, "symbol must not be null");
    if (initialLevels <= 0) {
      throw new IllegalArgumentException("initialLevels must be > 0 but was " + initialLevels);
    }
    bidPrices = new long[initialLevels];
    bidQuantities = new long[initialLevels];
    askPrices = new long[initialLevels];
    askQuantities = new long[initialLevels];
  }

  /**
   * Starts a new delta, forgetting all levels; the ids follow {@link BookDelta}.
   *
   * @param firstUpdateId Binance {@code U}
   * @param finalUpdateId Binance {@code u}, at least {@code firstUpdateId}
   * @param previousFinalUpdateId Binance {@code pu}, below {@code firstUpdateId}
   * @param eventTime Binance {@code E}, UTC epoch milliseconds, zero or positive
   * @return this buffer
   * @throws IllegalArgumentException if the ids are out of order or the time is negative
   */
  public BookDeltaBuffer reset(
      long firstUpdateId, long finalUpdateId, long previousFinalUpdateId, long eventTime) {
    if (firstUpdateId > finalUpdateId) {
      throw new IllegalArgumentException(
          "firstUpdateId must be <= finalUpdateId " + finalUpdateId + " but was " + firstUpdateId);
    }
    if (previousFinalUpdateId >= firstUpdateId) {
      throw new IllegalArgumentException(
          "previousFinalUpdateId must be < firstUpdateId "
              + firstUpdateId
              + " but was "
              + previousFinalUpdateId);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 (epoch ms) but was " + eventTime);
    }
    this.firstUpdateId = firstUpdateId;
    this.finalUpdateId = finalUpdateId;
    this.previousFinalUpdateId = previousFinalUpdateId;
    this.eventTime = eventTime;
    bidCount = 0;
    askCount = 0;
    return this;
  }

  /**
   * Adds a changed bid level.
   *
   * @param priceUnits the price in units of the instrument's price scale, positive
   * @param quantityUnits the new absolute quantity in units of the quantity scale; 0 removes
   * @return this buffer
   * @throws IllegalArgumentException if the price is not positive or the quantity is negative
   */
  public BookDeltaBuffer addBid(long priceUnits, long quantityUnits) {
    checkLevel(priceUnits, quantityUnits, "bid");
    if (bidCount == bidPrices.length) {
      bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
      bidQuantities = Arrays.copyOf(bidQuantities, bidCount * 2);
    }
    bidPrices[bidCount] = priceUnits;
    bidQuantities[bidCount] = quantityUnits;
    bidCount++;
    return this;
  }

  /**
   * Adds a changed ask level.
   *
   * @param priceUnits the price in units of the instrument's price scale, positive
   * @param quantityUnits the new absolute quantity in units of the quantity scale; 0 removes
   * @return this buffer
   * @throws IllegalArgumentException if the price is not positive or the quantity is negative
   */
  public BookDeltaBuffer addAsk(long priceUnits, long quantityUnits) {
    checkLevel(priceUnits, quantityUnits, "ask");
    if (askCount == askPrices.length) {
      askPrices = Arrays.copyOf(askPrices, askCount * 2);
      askQuantities = Arrays.copyOf(askQuantities, askCount * 2);
    }
    askPrices[askCount] = priceUnits;
    askQuantities[askCount] = quantityUnits;
    askCount++;
    return this;
  }

  private static void checkLevel(long priceUnits, long quantityUnits, String side) {
    if (priceUnits <= 0) {
      throw new IllegalArgumentException(side + " price units must be > 0 but was " + priceUnits);
    }
    if (quantityUnits < 0) {
      throw new IllegalArgumentException(
          side + " quantity units must be >= 0 but was " + quantityUnits);
    }
  }

  /**
   * The instrument.
   *
   * @return the symbol given at construction
   */
  public Symbol symbol() {
    return symbol;
  }

  /**
   * Binance {@code U}.
   *
   * @return the first update id
   */
  public long firstUpdateId() {
    return firstUpdateId;
  }

  /**
   * Binance {@code u}.
   *
   * @return the final update id
   */
  public long finalUpdateId() {
    return finalUpdateId;
  }

  /**
   * Binance {@code pu}.
   *
   * @return the previous delta's final update id
   */
  public long previousFinalUpdateId() {
    return previousFinalUpdateId;
  }

  /**
   * Binance {@code E}.
   *
   * @return the event time, UTC epoch milliseconds
   */
  public long eventTime() {
    return eventTime;
  }

  /**
   * The number of bid levels added since the last reset.
   *
   * @return the bid count
   */
  public int bidCount() {
    return bidCount;
  }

  /**
   * The number of ask levels added since the last reset.
   *
   * @return the ask count
   */
  public int askCount() {
    return askCount;
  }

  /**
   * The price units of bid {@code i}.
   *
   * @param i the index, in [0, {@link #bidCount()})
   * @return the price units
   */
  public long bidPrice(int i) {
    return bidPrices[Objects.checkIndex(i, bidCount)];
  }

  /**
   * The quantity units of bid {@code i}.
   *
   * @param i the index, in [0, {@link #bidCount()})
   * @return the quantity units
   */
  public long bidQuantity(int i) {
    return bidQuantities[Objects.checkIndex(i, bidCount)];
  }

  /**
   * The price units of ask {@code i}.
   *
   * @param i the index, in [0, {@link #askCount()})
   * @return the price units
   */
  public long askPrice(int i) {
    return askPrices[Objects.checkIndex(i, askCount)];
  }

  /**
   * The quantity units of ask {@code i}.
   *
   * @param i the index, in [0, {@link #askCount()})
   * @return the quantity units
   */
  public long askQuantity(int i) {
    return askQuantities[Objects.checkIndex(i, askCount)];
  }

  // Package-private raw access for OrderBook's hot path (no bounds re-checks, no copies).
  long[] bidPriceArray() {
    return bidPrices;
  }

  long[] bidQuantityArray() {
    return bidQuantities;
  }

  long[] askPriceArray() {
    return askPrices;
  }

  long[] askQuantityArray() {
    return askQuantities;
  }

  /**
   * An immutable copy of the current delta (allocates; for buffering or logging).
   *
   * @param priceScale the scale the price units are at
   * @param quantityScale the scale the quantity units are at
   * @return the delta as a record
   */
  public BookDelta toBookDelta(int priceScale, int quantityScale) {
    return new BookDelta(
        symbol,
        firstUpdateId,
        finalUpdateId,
        previousFinalUpdateId,
        eventTime,
        levels(bidPrices, bidQuantities, bidCount, priceScale, quantityScale),
        levels(askPrices, askQuantities, askCount, priceScale, quantityScale));
  }

  private static List<BookLevel> levels(
      long[] prices, long[] quantities, int count, int priceScale, int quantityScale) {
    List<BookLevel> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          new BookLevel(
              Price.of(prices[i], priceScale), Quantity.of(quantities[i], quantityScale)));
    }
    return out;
  }
}

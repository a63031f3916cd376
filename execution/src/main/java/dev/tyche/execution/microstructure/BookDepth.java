package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;

/**
 * Resting depth of an order book: the quantity at the best bid and ask, and the quantity within a
 * band of {@code X} basis points of the mid on each side.
 *
 * <p>Definition: with mid {@code M = (bestBid + bestAsk) / 2}, the bid depth within {@code X} bps
 * is the total quantity of bid levels with price {@code p >= M (1 - X / 10^4)}, and the ask depth
 * the total of ask levels with {@code p <= M (1 + X / 10^4)} (Kyle's "depth" dimension of
 * liquidity; the band form is the usual "depth at X bps" of Binance and crypto market-quality
 * reports). The band edge is rounded inward to the price grid with a tolerance of 10^-9 price units
 * so that a level exactly on the edge is counted. Quantities are in base units.
 *
 * <p>{@link #update(OrderBook)} costs O(log n + k) for the k levels inside the band and allocates
 * nothing.
 *
 * <p>Mutable; confined to one thread.
 */
public final class BookDepth {
  private static final double EDGE_TOLERANCE = 1e-9;

  private final double bandBps;
  private int quantityScale = -1;
  private double quantityDivisor = 1;
  private double bestBidQuantity = Double.NaN;
  private double bestAskQuantity = Double.NaN;
  private double bidDepth = Double.NaN;
  private double askDepth = Double.NaN;

  /**
   * A depth meter for a band of {@code bandBps} around the mid.
   *
   * @param bandBps the half-width {@code X} of the band in basis points of the mid, finite and
   *     positive
   */
  public BookDepth(double bandBps) {
    this.bandBps = Require.positive("bandBps", bandBps);
  }

  /**
   * Reads the book.
   *
   * @param book a book with at least one bid and one ask
   * @throws IllegalStateException if a side of the book is empty
   */
  public void update(OrderBook book) {
    Require.notNull("book", book);
    if (!book.hasBid() || !book.hasAsk()) {
      throw new IllegalStateException("the book needs both sides for depth but was " + book);
    }
    int scale = book.instrument().quantityScale();
    if (scale != quantityScale) {
      quantityScale = scale;
      quantityDivisor = Math.pow(10, scale);
    }
    long bid = book.bestBidPriceUnits();
    long ask = book.bestAskPriceUnits();
    double midUnits = 0.5 * ((double) bid + (double) ask);
    double x = bandBps / 10_000.0;
    long bidEdge = (long) Math.ceil(midUnits * (1 - x) - EDGE_TOLERANCE);
    long askEdge = (long) Math.floor(midUnits * (1 + x) + EDGE_TOLERANCE);
    bestBidQuantity = book.bestBidQuantityUnits() / quantityDivisor;
    bestAskQuantity = book.bestAskQuantityUnits() / quantityDivisor;
    bidDepth = book.quantityAtOrBetterUnits(Side.BUY, bidEdge) / quantityDivisor;
    askDepth = book.quantityAtOrBetterUnits(Side.SELL, askEdge) / quantityDivisor;
  }

  /**
   * The band half-width.
   *
   * @return basis points of the mid
   */
  public double bandBps() {
    return bandBps;
  }

  /**
   * The quantity at the best bid.
   *
   * @return base units, NaN before the first update
   */
  public double bestBidQuantity() {
    return bestBidQuantity;
  }

  /**
   * The quantity at the best ask.
   *
   * @return base units, NaN before the first update
   */
  public double bestAskQuantity() {
    return bestAskQuantity;
  }

  /**
   * The bid quantity priced within the band.
   *
   * @return base units, at least {@link #bestBidQuantity()}, NaN before the first update
   */
  public double bidDepthWithinBand() {
    return bidDepth;
  }

  /**
   * The ask quantity priced within the band.
   *
   * @return base units, at least {@link #bestAskQuantity()}, NaN before the first update
   */
  public double askDepthWithinBand() {
    return askDepth;
  }

  /**
   * Both sides' quantity within the band.
   *
   * @return base units, NaN before the first update
   */
  public double totalDepthWithinBand() {
    return bidDepth + askDepth;
  }
}

package dev.tyche.core.port;

/**
 * The kinds of market data a client can stream.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarketDataKind {
  /** Closed bars (klines) of one interval. */
  BARS,
  /** Individual trades. */
  TRADES,
  /** Best bid and ask. */
  QUOTES,
  /** Order-book snapshots and deltas. */
  BOOK,
  /** Mark price, index price and funding (perpetuals). */
  MARK_PRICE
}

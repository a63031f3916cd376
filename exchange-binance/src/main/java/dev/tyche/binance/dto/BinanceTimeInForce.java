package dev.tyche.binance.dto;

/**
 * Binance USDⓈ-M time-in-force values.
 *
 * <p>Immutable and thread-safe.
 */
public enum BinanceTimeInForce {
  /** Good till cancel. */
  GTC,
  /** Immediate or cancel. */
  IOC,
  /** Fill or kill. */
  FOK,
  /** Good till crossing: post-only. */
  GTX,
  /** Good till date. */
  GTD
}

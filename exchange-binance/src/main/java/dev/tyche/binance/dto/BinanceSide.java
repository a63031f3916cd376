package dev.tyche.binance.dto;

/**
 * Binance's order side values.
 *
 * <p>Immutable and thread-safe.
 */
public enum BinanceSide {
  /** {@code BUY}. */
  BUY,
  /** {@code SELL}. */
  SELL
}

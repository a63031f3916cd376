package dev.tyche.binance.dto;

/**
 * Binance's position sides: {@code BOTH} in one-way mode, {@code LONG}/{@code SHORT} in hedge mode.
 *
 * <p>Immutable and thread-safe.
 */
public enum PositionSide {
  /** One-way mode. */
  BOTH,
  /** Hedge mode, long leg. */
  LONG,
  /** Hedge mode, short leg. */
  SHORT
}

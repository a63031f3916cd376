package dev.tyche.core.account;

/**
 * Which position of a symbol a fill belongs to, as Binance's {@code positionSide}.
 *
 * <p>Immutable and thread-safe.
 */
public enum PositionSide {
  /** The single net position of one-way mode, and of every spot instrument. */
  BOTH,
  /** The long leg in hedge mode: never below zero. */
  LONG,
  /** The short leg in hedge mode: never above zero. */
  SHORT
}

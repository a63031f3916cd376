package dev.tyche.core.account;

/**
 * Whether a fill added liquidity to the book or took it, which decides the fee rate.
 *
 * <p>Immutable and thread-safe.
 */
public enum Liquidity {
  /** The order rested in the book and was hit ({@code m=true} / {@code isMaker=true}). */
  MAKER,
  /** The order crossed the spread and took resting liquidity. */
  TAKER
}

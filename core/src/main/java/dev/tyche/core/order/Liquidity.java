package dev.tyche.core.order;

/**
 * Whether a fill added liquidity to the book or took it, which decides the fee rate.
 *
 * <p>Immutable and thread-safe.
 */
public enum Liquidity {
  /** The order rested in the book and was hit: maker fee. */
  MAKER,
  /** The order crossed the spread on arrival: taker fee. */
  TAKER
}

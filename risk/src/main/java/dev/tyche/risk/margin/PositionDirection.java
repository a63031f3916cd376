package dev.tyche.risk.margin;

/**
 * The direction of a position, the {@code side} of Binance's liquidation-price formula.
 *
 * <p>Immutable and thread-safe.
 */
public enum PositionDirection {
  /** A long position: gains when the price rises; {@code side = +1}. */
  LONG,
  /** A short position: gains when the price falls; {@code side = -1}. */
  SHORT;

  /**
   * The sign used in the margin formulas.
   *
   * @return +1 for {@link #LONG}, -1 for {@link #SHORT}
   */
  public int sign() {
    return this == LONG ? 1 : -1;
  }
}

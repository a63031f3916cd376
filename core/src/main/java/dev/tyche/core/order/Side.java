package dev.tyche.core.order;

/**
 * The direction of an order or trade.
 *
 * <p>Immutable and thread-safe.
 */
public enum Side {
  /** Buy: increases a long position or reduces a short one. */
  BUY,
  /** Sell: reduces a long position or increases a short one. */
  SELL;

  /**
   * The sign this side gives to a position change.
   *
   * @return +1 for {@link #BUY}, -1 for {@link #SELL}
   */
  public int sign() {
    return this == BUY ? 1 : -1;
  }

  /**
   * The other side.
   *
   * @return {@link #SELL} for {@link #BUY} and vice versa
   */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}

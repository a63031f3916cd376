package dev.tyche.execution.routing;

/**
 * How the router works an order, from least to most aggressive ({@link #aggressiveness()}).
 *
 * <p>Immutable and thread-safe.
 */
public enum Route {
  /**
   * Post-only limit order at the own-side touch: earns the spread, pays the maker fee, may not
   * fill.
   */
  PASSIVE(0),
  /** A TWAP schedule: a large order spread evenly over a horizon. */
  TWAP(1),
  /** The adaptive algorithm: a schedule that speeds up or slows down with the market. */
  ADAPTIVE(2),
  /** Take liquidity now: an IOC limit through the touch or a market order; pays the taker fee. */
  AGGRESSIVE(3);

  private final int aggressiveness;

  Route(int aggressiveness) {
    this.aggressiveness = aggressiveness;
  }

  /**
   * The rank used to state monotonicity: more urgency never gives a lower rank.
   *
   * @return 0 for {@link #PASSIVE} up to 3 for {@link #AGGRESSIVE}
   */
  public int aggressiveness() {
    return aggressiveness;
  }
}

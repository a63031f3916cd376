package dev.tyche.execution.algo;

/**
 * How an algorithm prices its child orders.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChildOrderStyle {
  /** Market orders (IOC): certain to execute, pay the spread and the taker fee. */
  MARKET,
  /**
   * GTC limit orders at the own-side touch (the best bid for a buy, the best ask for a sell; the
   * last price when no quote is known) moved {@code limitOffsetTicks} ticks in the aggressive
   * direction. An offset at least the spread in ticks crosses and takes.
   */
  LIMIT,
  /** Post-only (GTX) limit orders at the own-side touch: maker only; expired if they would take. */
  POST_ONLY
}

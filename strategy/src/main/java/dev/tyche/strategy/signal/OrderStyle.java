package dev.tyche.strategy.signal;

/**
 * How the {@link TargetExecutor} sends a rebalancing order.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderStyle {
  /** A market order (immediate-or-cancel): fills now at whatever the book offers. */
  MARKET,
  /**
   * A good-till-cancelled limit order a few ticks inside the reference price; a working order is
   * cancelled at the next decision and the remainder re-priced then.
   */
  LIMIT
}

package dev.tyche.core.order;

/**
 * How long an order stays working.
 *
 * <p>Immutable and thread-safe.
 */
public enum TimeInForce {
  /** Good till cancelled: rests until filled or cancelled. */
  GTC,
  /** Immediate or cancel: fills what it can at once, the rest is cancelled. */
  IOC,
  /** Fill or kill: fills completely at once or not at all. */
  FOK,
  /**
   * Post-only (Binance {@code GTX}): rejected (expired) if it would take liquidity on arrival, so
   * it only ever pays the maker fee.
   */
  POST_ONLY
}

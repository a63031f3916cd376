package dev.tyche.core.order;

/**
 * The order types Tyche can express; a venue adapter maps them to its own (Binance sends the
 * conditional ones to its algo-order endpoint).
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderType {
  /** Executes immediately against the book at the best available prices. */
  MARKET,
  /** Executes at the limit price or better; may rest in the book. */
  LIMIT,
  /** Becomes a market order once the trigger (stop) price trades. */
  STOP_MARKET,
  /** Becomes a limit order once the trigger (stop) price trades. */
  STOP_LIMIT,
  /** Becomes a market order once a take-profit trigger price trades. */
  TAKE_PROFIT_MARKET,
  /** Becomes a limit order once a take-profit trigger price trades. */
  TAKE_PROFIT_LIMIT,
  /**
   * A stop that follows the best price by a callback rate (Binance {@code TRAILING_STOP_MARKET}).
   */
  TRAILING_STOP_MARKET;

  /**
   * Whether orders of this type carry a limit price.
   *
   * @return true for the limit variants
   */
  public boolean hasLimitPrice() {
    return this == LIMIT || this == STOP_LIMIT || this == TAKE_PROFIT_LIMIT;
  }

  /**
   * Whether orders of this type wait for a trigger price.
   *
   * @return true for the stop, take-profit and trailing variants
   */
  public boolean isConditional() {
    return this != MARKET && this != LIMIT;
  }
}

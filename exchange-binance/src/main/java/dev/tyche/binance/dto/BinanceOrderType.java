package dev.tyche.binance.dto;

/**
 * Binance USDⓈ-M order types. Since 2025-12-09 the conditional ones go to the Algo Order endpoint
 * ({@code POST /fapi/v1/algoOrder}); sent to {@code /fapi/v1/order} they fail with -4120.
 *
 * <p>Immutable and thread-safe.
 */
public enum BinanceOrderType {
  /** {@code LIMIT}. */
  LIMIT,
  /** {@code MARKET}. */
  MARKET,
  /** {@code STOP}: stop-limit. */
  STOP,
  /** {@code STOP_MARKET}. */
  STOP_MARKET,
  /** {@code TAKE_PROFIT}: take-profit limit. */
  TAKE_PROFIT,
  /** {@code TAKE_PROFIT_MARKET}. */
  TAKE_PROFIT_MARKET,
  /** {@code TRAILING_STOP_MARKET}. */
  TRAILING_STOP_MARKET;

  /**
   * Whether this type must be sent to the Algo Order endpoint.
   *
   * @return true for the stop, take-profit and trailing types
   */
  public boolean isAlgo() {
    return this != LIMIT && this != MARKET;
  }
}

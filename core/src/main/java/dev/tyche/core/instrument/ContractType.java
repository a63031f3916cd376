package dev.tyche.core.instrument;

/**
 * What kind of contract an instrument is.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContractType {
  /** Spot: the base asset itself changes hands; no leverage, no funding. */
  SPOT,
  /**
   * A linear perpetual future (Binance USDT-M): margined and settled in the quote asset, one
   * contract is one unit of the base asset, and funding is exchanged between longs and shorts at
   * each funding time.
   */
  PERPETUAL
}

package dev.tyche.core.account;

/**
 * How a futures account keeps positions, as Binance USDT-M's {@code dualSidePosition} setting.
 *
 * <p>Immutable and thread-safe.
 */
public enum PositionMode {
  /**
   * One-way mode ({@code dualSidePosition=false}): one net position per symbol, under {@link
   * PositionSide#BOTH}; a sell larger than a long closes it and opens a short.
   */
  ONE_WAY,
  /**
   * Hedge mode ({@code dualSidePosition=true}): a {@link PositionSide#LONG} and a {@link
   * PositionSide#SHORT} position per perpetual symbol, each of which only grows or shrinks and
   * never changes sign.
   */
  HEDGE
}

package dev.tyche.risk.margin;

/**
 * How a USDT-M position is margined (Binance {@code marginType}).
 *
 * <p>Immutable and thread-safe.
 */
public enum MarginMode {
  /**
   * Isolated: the position owns a wallet (its initial margin plus whatever was added), and only
   * that wallet is lost on liquidation.
   */
  ISOLATED,
  /**
   * Cross: the position shares the account's {@code crossWalletBalance} with every other cross
   * position; their maintenance margin and unrealised PnL move its liquidation price.
   */
  CROSS
}

package dev.tyche.binance.dto;

/**
 * One row of {@code GET /fapi/v3/balance}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset code
 * @param balance the wallet balance
 * @param crossWalletBalance the cross wallet balance
 * @param crossUnPnl the cross positions' unrealized PnL
 * @param availableBalance available balance
 * @param maxWithdrawAmount the largest withdrawable amount
 */
public record AssetBalance(
    String asset,
    String balance,
    String crossWalletBalance,
    String crossUnPnl,
    String availableBalance,
    String maxWithdrawAmount) {
  // Balances are exact decimal text.
  public AssetBalance {
    Dto.text(asset, "asset");
    Dto.decimal(balance, "balance");
    crossWalletBalance = Dto.decimalOr(crossWalletBalance, "crossWalletBalance", "0");
    crossUnPnl = Dto.decimalOr(crossUnPnl, "crossUnPnl", "0");
    Dto.decimal(availableBalance, "availableBalance");
    maxWithdrawAmount = Dto.decimalOr(maxWithdrawAmount, "maxWithdrawAmount", "0");
  }
}

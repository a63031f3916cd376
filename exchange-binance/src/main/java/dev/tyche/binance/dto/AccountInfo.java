package dev.tyche.binance.dto;

import java.util.List;

/**
 * {@code GET /fapi/v3/account} (weight 5): account totals, assets and open positions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param totalWalletBalance total wallet balance
 * @param totalUnrealizedProfit total unrealized PnL
 * @param totalMarginBalance total margin balance
 * @param totalInitialMargin total initial margin
 * @param totalMaintMargin total maintenance margin
 * @param availableBalance available balance
 * @param assets per-asset balances
 * @param positions open positions
 */
public record AccountInfo(
    String totalWalletBalance,
    String totalUnrealizedProfit,
    String totalMarginBalance,
    String totalInitialMargin,
    String totalMaintMargin,
    String availableBalance,
    List<AccountAsset> assets,
    List<AccountPosition> positions) {
  // Totals are exact decimal text.
  public AccountInfo {
    Dto.decimal(totalWalletBalance, "totalWalletBalance");
    Dto.decimal(totalUnrealizedProfit, "totalUnrealizedProfit");
    Dto.decimal(totalMarginBalance, "totalMarginBalance");
    Dto.decimal(totalInitialMargin, "totalInitialMargin");
    Dto.decimal(totalMaintMargin, "totalMaintMargin");
    Dto.decimal(availableBalance, "availableBalance");
    assets = Dto.list(assets, "assets");
    positions = Dto.list(positions, "positions");
  }
}

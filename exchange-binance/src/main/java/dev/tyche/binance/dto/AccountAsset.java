package dev.tyche.binance.dto;

/**
 * One asset of {@code GET /fapi/v3/account}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset code
 * @param walletBalance the wallet balance
 * @param unrealizedProfit the unrealized PnL
 * @param marginBalance wallet balance plus unrealized PnL
 * @param maintMargin the maintenance margin
 * @param availableBalance what is available for new positions
 */
public record AccountAsset(
    String asset,
    String walletBalance,
    String unrealizedProfit,
    String marginBalance,
    String maintMargin,
    String availableBalance) {
  // Balances are exact decimal text.
  public AccountAsset {
    Dto.text(asset, "asset");
    Dto.decimal(walletBalance, "walletBalance");
    Dto.decimal(unrealizedProfit, "unrealizedProfit");
    Dto.decimal(marginBalance, "marginBalance");
    Dto.decimal(maintMargin, "maintMargin");
    Dto.decimal(availableBalance, "availableBalance");
  }
}

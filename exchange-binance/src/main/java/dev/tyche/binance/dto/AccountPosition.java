package dev.tyche.binance.dto;

/**
 * One position of {@code GET /fapi/v3/account} (only symbols with a position or open orders).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param positionSide {@code BOTH}, {@code LONG} or {@code SHORT}
 * @param positionAmt the signed position size
 * @param unrealizedProfit the unrealized PnL
 * @param notional the signed notional
 * @param isolatedWallet the isolated wallet ({@code "0"} for cross)
 * @param initialMargin the initial margin
 * @param maintMargin the maintenance margin
 */
public record AccountPosition(
    String symbol,
    String positionSide,
    String positionAmt,
    String unrealizedProfit,
    String notional,
    String isolatedWallet,
    String initialMargin,
    String maintMargin) {
  // Amounts are exact decimal text.
  public AccountPosition {
    Dto.text(symbol, "symbol");
    positionSide = Dto.textOr(positionSide, "BOTH");
    Dto.decimal(positionAmt, "positionAmt");
    Dto.decimal(unrealizedProfit, "unrealizedProfit");
    notional = Dto.decimalOr(notional, "notional", "0");
    isolatedWallet = Dto.decimalOr(isolatedWallet, "isolatedWallet", "0");
    initialMargin = Dto.decimalOr(initialMargin, "initialMargin", "0");
    maintMargin = Dto.decimalOr(maintMargin, "maintMargin", "0");
  }
}

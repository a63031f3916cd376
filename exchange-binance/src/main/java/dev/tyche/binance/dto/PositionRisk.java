package dev.tyche.binance.dto;

/**
 * One row of {@code GET /fapi/v3/positionRisk}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param positionSide {@code BOTH}, {@code LONG} or {@code SHORT}
 * @param positionAmt the signed position size
 * @param entryPrice the average entry price ({@code "0"} when flat)
 * @param breakEvenPrice the break-even price
 * @param markPrice the mark price
 * @param unRealizedProfit the unrealized PnL
 * @param liquidationPrice the liquidation price ({@code "0"} when none)
 * @param isolatedMargin the isolated margin
 * @param notional the signed notional
 * @param initialMargin the initial margin
 * @param maintMargin the maintenance margin
 * @param updateTime last update, UTC epoch ms
 */
public record PositionRisk(
    String symbol,
    String positionSide,
    String positionAmt,
    String entryPrice,
    String breakEvenPrice,
    String markPrice,
    String unRealizedProfit,
    String liquidationPrice,
    String isolatedMargin,
    String notional,
    String initialMargin,
    String maintMargin,
    Long updateTime) {
  // Amounts are exact decimal text.
  public PositionRisk {
    Dto.text(symbol, "symbol");
    positionSide = Dto.textOr(positionSide, "BOTH");
    Dto.decimal(positionAmt, "positionAmt");
    Dto.decimal(entryPrice, "entryPrice");
    breakEvenPrice = Dto.decimalOr(breakEvenPrice, "breakEvenPrice", "0");
    Dto.decimal(markPrice, "markPrice");
    Dto.decimal(unRealizedProfit, "unRealizedProfit");
    liquidationPrice = Dto.decimalOr(liquidationPrice, "liquidationPrice", "0");
    isolatedMargin = Dto.decimalOr(isolatedMargin, "isolatedMargin", "0");
    notional = Dto.decimalOr(notional, "notional", "0");
    initialMargin = Dto.decimalOr(initialMargin, "initialMargin", "0");
    maintMargin = Dto.decimalOr(maintMargin, "maintMargin", "0");
    updateTime = updateTime == null ? 0L : Dto.nonNegative(updateTime, "updateTime");
  }
}

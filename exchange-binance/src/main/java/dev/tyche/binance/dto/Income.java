package dev.tyche.binance.dto;

/**
 * One row of {@code GET /fapi/v1/income}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol (empty for account-wide items such as transfers)
 * @param incomeType {@code REALIZED_PNL, FUNDING_FEE, COMMISSION, TRANSFER, ...}
 * @param income the signed amount
 * @param asset the asset
 * @param info free text
 * @param time UTC epoch ms
 * @param tranId the transaction id
 * @param tradeId the trade id, empty when not a trade
 */
public record Income(
    String symbol,
    String incomeType,
    String income,
    String asset,
    String info,
    Long time,
    Long tranId,
    String tradeId) {
  // Amount, type, asset and time are required.
  public Income {
    symbol = Dto.textOr(symbol, "");
    Dto.text(incomeType, "incomeType");
    Dto.decimal(income, "income");
    Dto.text(asset, "asset");
    info = Dto.textOr(info, "");
    Dto.nonNegative(time, "time");
    Dto.nonNegative(tranId, "tranId");
    tradeId = Dto.textOr(tradeId, "");
  }
}

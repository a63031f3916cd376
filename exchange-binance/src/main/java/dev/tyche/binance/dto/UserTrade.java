package dev.tyche.binance.dto;

/**
 * One row of {@code GET /fapi/v1/userTrades}: an execution of one of the account's orders.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the trade id
 * @param orderId the order's id
 * @param symbol the symbol
 * @param side {@code BUY} or {@code SELL}
 * @param price the execution price
 * @param qty the executed quantity
 * @param commission the fee paid (positive)
 * @param commissionAsset the fee's asset
 * @param realizedPnl the realized PnL of this execution
 * @param maker whether the order was the maker
 * @param time execution time, UTC epoch ms
 */
public record UserTrade(
    Long id,
    Long orderId,
    String symbol,
    String side,
    String price,
    String qty,
    String commission,
    String commissionAsset,
    String realizedPnl,
    Boolean maker,
    Long time) {
  // Every field is needed to build a fill.
  public UserTrade {
    Dto.nonNegative(id, "id");
    Dto.nonNegative(orderId, "orderId");
    Dto.text(symbol, "symbol");
    Dto.text(side, "side");
    Dto.decimal(price, "price");
    Dto.decimal(qty, "qty");
    Dto.decimal(commission, "commission");
    Dto.text(commissionAsset, "commissionAsset");
    realizedPnl = Dto.decimalOr(realizedPnl, "realizedPnl", "0");
    Dto.required(maker, "maker");
    Dto.nonNegative(time, "time");
  }
}

package dev.tyche.binance.dto;

/**
 * A conditional order as {@code POST/GET/DELETE /fapi/v1/algoOrder} return it (reference section
 * 3.3; conditional types moved to the Algo Service on 2025-12-09).
 *
 * <p>Immutable and thread-safe.
 *
 * @param algoId Binance's algo order id
 * @param clientAlgoId the client id
 * @param algoType {@code CONDITIONAL}
 * @param orderType {@code STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET}
 * @param symbol the symbol
 * @param side {@code BUY} or {@code SELL}
 * @param positionSide {@code BOTH}, {@code LONG} or {@code SHORT}
 * @param quantity the quantity ({@code "0"} for close-all)
 * @param algoStatus {@code NEW, CANCELED, TRIGGERING, TRIGGERED, FINISHED, REJECTED, EXPIRED}
 * @param triggerPrice the trigger price ({@code "0"} for a trailing stop without activation)
 * @param price the limit price ({@code "0"} for market variants)
 * @param reduceOnly the reduce-only flag
 * @param createTime creation time, UTC epoch ms
 * @param updateTime last update, UTC epoch ms
 */
public record AlgoOrderResponse(
    Long algoId,
    String clientAlgoId,
    String algoType,
    String orderType,
    String symbol,
    String side,
    String positionSide,
    String quantity,
    String algoStatus,
    String triggerPrice,
    String price,
    Boolean reduceOnly,
    Long createTime,
    Long updateTime) {
  // Identity and state are required.
  public AlgoOrderResponse {
    Dto.nonNegative(algoId, "algoId");
    Dto.text(clientAlgoId, "clientAlgoId");
    algoType = Dto.textOr(algoType, "CONDITIONAL");
    Dto.text(orderType, "orderType");
    Dto.text(symbol, "symbol");
    Dto.text(side, "side");
    positionSide = Dto.textOr(positionSide, "BOTH");
    quantity = Dto.decimalOr(quantity, "quantity", "0");
    Dto.text(algoStatus, "algoStatus");
    triggerPrice = Dto.decimalOr(triggerPrice, "triggerPrice", "0");
    price = Dto.decimalOr(price, "price", "0");
    reduceOnly = reduceOnly != null && reduceOnly;
    createTime = createTime == null ? 0L : Dto.nonNegative(createTime, "createTime");
    updateTime = updateTime == null ? createTime : Dto.nonNegative(updateTime, "updateTime");
  }
}

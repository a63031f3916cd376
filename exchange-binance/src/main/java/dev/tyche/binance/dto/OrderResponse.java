package dev.tyche.binance.dto;

/**
 * An order as {@code POST/GET/DELETE /fapi/v1/order} and {@code GET /fapi/v1/openOrders} return it.
 * Absent optional fields take Binance's defaults ({@code positionSide} {@code BOTH}, prices {@code
 * "0"}, flags false) so that an {@code ACK} reply and a full reply decode alike.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId Binance's order id
 * @param clientOrderId the client order id
 * @param symbol the symbol
 * @param status {@code NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED,
 *     EXPIRED_IN_MATCH}
 * @param side {@code BUY} or {@code SELL}
 * @param positionSide {@code BOTH}, {@code LONG} or {@code SHORT}
 * @param type the order type
 * @param timeInForce the time in force ({@code GTX} = post-only)
 * @param price the limit price ({@code "0"} for market orders)
 * @param avgPrice the average fill price ({@code "0"} before any fill)
 * @param origQty the ordered quantity
 * @param executedQty the filled quantity
 * @param cumQuote the filled notional in the quote asset
 * @param reduceOnly the reduce-only flag
 * @param stopPrice the trigger price ({@code "0"} for plain orders)
 * @param updateTime the last update, UTC epoch ms
 */
public record OrderResponse(
    Long orderId,
    String clientOrderId,
    String symbol,
    String status,
    String side,
    String positionSide,
    String type,
    String timeInForce,
    String price,
    String avgPrice,
    String origQty,
    String executedQty,
    String cumQuote,
    Boolean reduceOnly,
    String stopPrice,
    Long updateTime) {
  // The identity, state and quantities are required; prices default as Binance documents.
  public OrderResponse {
    Dto.nonNegative(orderId, "orderId");
    Dto.text(clientOrderId, "clientOrderId");
    Dto.text(symbol, "symbol");
    Dto.text(status, "status");
    Dto.text(side, "side");
    positionSide = Dto.textOr(positionSide, "BOTH");
    Dto.text(type, "type");
    timeInForce = Dto.textOr(timeInForce, "GTC");
    price = Dto.decimalOr(price, "price", "0");
    avgPrice = Dto.decimalOr(avgPrice, "avgPrice", "0");
    Dto.decimal(origQty, "origQty");
    Dto.decimal(executedQty, "executedQty");
    cumQuote = Dto.decimalOr(cumQuote, "cumQuote", "0");
    reduceOnly = reduceOnly != null && reduceOnly;
    stopPrice = Dto.decimalOr(stopPrice, "stopPrice", "0");
    Dto.nonNegative(updateTime, "updateTime");
  }
}

package dev.tyche.binance.rest;

import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.dto.PositionSide;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of {@code POST /fapi/v1/order} for {@code LIMIT} and {@code MARKET} orders (the
 * conditional types go through {@link AlgoOrderRequest}, reference section 0). Prices and
 * quantities are exact decimal text on the instrument's grid, e.g. {@code Price.toPlainString()}.
 * The reply type is always {@code RESULT}, so market and IOC orders come back in their final state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol e.g. {@code BTCUSDT}
 * @param side buy or sell
 * @param type {@code LIMIT} or {@code MARKET}
 * @param quantity the quantity, positive decimal text
 * @param price the limit price, present exactly for {@code LIMIT}
 * @param timeInForce present exactly for {@code LIMIT} ({@code GTX} = post-only)
 * @param clientOrderId the {@code newClientOrderId}, {@code ^[.A-Z:/a-z0-9_-]{1,36}$}
 * @param reduceOnly the reduce-only flag (one-way mode only)
 * @param positionSide {@code BOTH} in one-way mode
 */
public record NewOrderRequest(
    String symbol,
    BinanceSide side,
    BinanceOrderType type,
    String quantity,
    Optional<String> price,
    Optional<BinanceTimeInForce> timeInForce,
    String clientOrderId,
    boolean reduceOnly,
    PositionSide positionSide)
    implements OrderRequest {

  // Refuse what Binance would refuse, before it costs a request.
  public NewOrderRequest {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(price, "price must not be null (use Optional.empty())");
    Objects.requireNonNull(timeInForce, "timeInForce must not be null (use Optional.empty())");
    Objects.requireNonNull(positionSide, "positionSide must not be null");
    if (type.isAlgo()) {
      throw new IllegalArgumentException(
          "type "
              + type
              + " must be sent to POST /fapi/v1/algoOrder (AlgoOrderRequest); /fapi/v1/order"
              + " answers -4120 since 2025-12-09");
    }
    ClientIds.decimal(quantity, "quantity");
    price.ifPresent(p -> ClientIds.decimal(p, "price"));
    ClientIds.check(clientOrderId, "clientOrderId");
    boolean limit = type == BinanceOrderType.LIMIT;
    if (limit != price.isPresent() || limit != timeInForce.isPresent()) {
      throw new IllegalArgumentException(
          "price and timeInForce must be present exactly for LIMIT orders but type was "
              + type
              + ", price "
              + price.orElse("absent")
              + ", timeInForce "
              + timeInForce.map(Enum::name).orElse("absent"));
    }
    if (reduceOnly && positionSide != PositionSide.BOTH) {
      throw new IllegalArgumentException(
          "reduceOnly must be false in hedge mode but positionSide was " + positionSide);
    }
  }

  /**
   * A one-way-mode market order.
   *
   * @param symbol the symbol
   * @param side buy or sell
   * @param quantity the quantity text
   * @param clientOrderId the client order id
   * @return the request
   */
  public static NewOrderRequest market(
      String symbol, BinanceSide side, String quantity, String clientOrderId) {
    return new NewOrderRequest(
        symbol,
        side,
        BinanceOrderType.MARKET,
        quantity,
        Optional.empty(),
        Optional.empty(),
        clientOrderId,
        false,
        PositionSide.BOTH);
  }

  /**
   * A one-way-mode limit order.
   *
   * @param symbol the symbol
   * @param side buy or sell
   * @param quantity the quantity text
   * @param price the limit price text
   * @param tif the time in force
   * @param clientOrderId the client order id
   * @return the request
   */
  public static NewOrderRequest limit(
      String symbol,
      BinanceSide side,
      String quantity,
      String price,
      BinanceTimeInForce tif,
      String clientOrderId) {
    return new NewOrderRequest(
        symbol,
        side,
        BinanceOrderType.LIMIT,
        quantity,
        Optional.of(price),
        Optional.of(tif),
        clientOrderId,
        false,
        PositionSide.BOTH);
  }

  @Override
  public String clientId() {
    return clientOrderId;
  }

  @Override
  public Params toParams() {
    Params p =
        Params.of()
            .add("symbol", symbol)
            .add("side", side.name())
            .add("positionSide", positionSide.name())
            .add("type", type.name());
    timeInForce.ifPresent(t -> p.add("timeInForce", t.name()));
    p.add("quantity", quantity);
    price.ifPresent(v -> p.add("price", v));
    if (reduceOnly) {
      p.add("reduceOnly", "true");
    }
    return p.add("newClientOrderId", clientOrderId).add("newOrderRespType", "RESULT");
  }

  /**
   * The order as one element of {@code batchOrders}' JSON array (all values as strings, as the
   * Binance documentation shows).
   *
   * @return a JSON object
   */
  String toBatchJson() {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"symbol\":\"").append(symbol).append('"');
    sb.append(",\"side\":\"").append(side.name()).append('"');
    sb.append(",\"positionSide\":\"").append(positionSide.name()).append('"');
    sb.append(",\"type\":\"").append(type.name()).append('"');
    timeInForce.ifPresent(t -> sb.append(",\"timeInForce\":\"").append(t.name()).append('"'));
    sb.append(",\"quantity\":\"").append(quantity).append('"');
    price.ifPresent(v -> sb.append(",\"price\":\"").append(v).append('"'));
    if (reduceOnly) {
      sb.append(",\"reduceOnly\":\"true\"");
    }
    sb.append(",\"newClientOrderId\":\"").append(clientOrderId).append('"');
    sb.append(",\"newOrderRespType\":\"RESULT\"}");
    return sb.toString();
  }
}

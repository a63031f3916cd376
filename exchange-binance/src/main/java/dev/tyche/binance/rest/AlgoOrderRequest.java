package dev.tyche.binance.rest;

import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.binance.dto.PositionSide;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of {@code POST /fapi/v1/algoOrder} ({@code algoType=CONDITIONAL}, reference section
 * 3.3): {@code STOP}/{@code TAKE_PROFIT} need quantity, price and trigger price; {@code
 * STOP_MARKET}/{@code TAKE_PROFIT_MARKET} need the trigger price; {@code TRAILING_STOP_MARKET}
 * needs the callback rate and takes an optional activation price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol e.g. {@code BTCUSDT}
 * @param side buy or sell
 * @param type one of the conditional types
 * @param quantity the quantity, positive decimal text
 * @param price the limit price, present exactly for {@code STOP} and {@code TAKE_PROFIT}
 * @param triggerPrice the trigger price (the activation price for the trailing stop, optional
 *     there)
 * @param callbackRate the trailing stop's callback in percent, present exactly for it
 * @param timeInForce the limit variants' time in force
 * @param clientAlgoId the client id, {@code ^[.A-Z:/a-z0-9_-]{1,36}$}
 * @param reduceOnly the reduce-only flag
 * @param positionSide {@code BOTH} in one-way mode
 */
public record AlgoOrderRequest(
    String symbol,
    BinanceSide side,
    BinanceOrderType type,
    String quantity,
    Optional<String> price,
    Optional<String> triggerPrice,
    Optional<String> callbackRate,
    Optional<BinanceTimeInForce> timeInForce,
    String clientAlgoId,
    boolean reduceOnly,
    PositionSide positionSide)
    implements OrderRequest {

  // The per-type field rules of the Algo Order endpoint.
  public AlgoOrderRequest {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(price, "price must not be null (use Optional.empty())");
    Objects.requireNonNull(triggerPrice, "triggerPrice must not be null (use Optional.empty())");
    Objects.requireNonNull(callbackRate, "callbackRate must not be null (use Optional.empty())");
    Objects.requireNonNull(timeInForce, "timeInForce must not be null (use Optional.empty())");
    Objects.requireNonNull(positionSide, "positionSide must not be null");
    if (!type.isAlgo()) {
      throw new IllegalArgumentException(
          "type must be a conditional type for the algo endpoint but was " + type);
    }
    ClientIds.decimal(quantity, "quantity");
    price.ifPresent(v -> ClientIds.decimal(v, "price"));
    triggerPrice.ifPresent(v -> ClientIds.decimal(v, "triggerPrice"));
    callbackRate.ifPresent(v -> ClientIds.decimal(v, "callbackRate"));
    ClientIds.check(clientAlgoId, "clientAlgoId");
    boolean limit = type == BinanceOrderType.STOP || type == BinanceOrderType.TAKE_PROFIT;
    boolean trailing = type == BinanceOrderType.TRAILING_STOP_MARKET;
    if (limit != price.isPresent()) {
      throw new IllegalArgumentException(
          "price must be " + (limit ? "present" : "absent") + " for a " + type + " order");
    }
    if (!trailing && triggerPrice.isEmpty()) {
      throw new IllegalArgumentException("triggerPrice must be present for a " + type + " order");
    }
    if (trailing != callbackRate.isPresent()) {
      throw new IllegalArgumentException(
          "callbackRate must be present exactly for TRAILING_STOP_MARKET but type was " + type);
    }
  }

  @Override
  public String clientId() {
    return clientAlgoId;
  }

  @Override
  public Params toParams() {
    Params p =
        Params.of()
            .add("algoType", "CONDITIONAL")
            .add("symbol", symbol)
            .add("side", side.name())
            .add("positionSide", positionSide.name())
            .add("type", type.name());
    timeInForce.ifPresent(t -> p.add("timeInForce", t.name()));
    p.add("quantity", quantity);
    price.ifPresent(v -> p.add("price", v));
    if (type == BinanceOrderType.TRAILING_STOP_MARKET) {
      triggerPrice.ifPresent(v -> p.add("activatePrice", v));
      callbackRate.ifPresent(v -> p.add("callbackRate", v));
    } else {
      triggerPrice.ifPresent(v -> p.add("triggerPrice", v));
    }
    if (reduceOnly) {
      p.add("reduceOnly", "true");
    }
    return p.add("clientAlgoId", clientAlgoId).add("newOrderRespType", "RESULT");
  }
}

package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.BinanceOrderType;
import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.dto.BinanceTimeInForce;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.TimeInForce;

/**
 * Explicit, total mappings between core's order enums and Binance's, both ways. Written as switches
 * so that a new constant on either side is a compile-time decision, never a silent name match.
 *
 * <ul>
 *   <li>Side: {@code BUY <-> BUY}, {@code SELL <-> SELL}.
 *   <li>Type: {@code MARKET}, {@code LIMIT}, {@code STOP_MARKET}, {@code TAKE_PROFIT_MARKET},
 *       {@code TRAILING_STOP_MARKET} map to the same names; {@code STOP_LIMIT <-> STOP}, {@code
 *       TAKE_PROFIT_LIMIT <-> TAKE_PROFIT}.
 *   <li>Time in force: {@code GTC}, {@code IOC}, {@code FOK} to the same names, {@code POST_ONLY
 *       <-> GTX}; Binance's {@code GTD} has no core counterpart and is rejected.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class EnumMapping {

  private EnumMapping() {}

  /**
   * Core side to Binance.
   *
   * @param side the core side
   * @return Binance's side
   */
  public static BinanceSide toBinance(Side side) {
    switch (side) {
      case BUY:
        return BinanceSide.BUY;
      case SELL:
        return BinanceSide.SELL;
      default:
        throw new IllegalArgumentException("unmapped side " + side);
    }
  }

  /**
   * Binance side to core.
   *
   * @param side Binance's side
   * @return the core side
   */
  public static Side toCore(BinanceSide side) {
    switch (side) {
      case BUY:
        return Side.BUY;
      case SELL:
        return Side.SELL;
      default:
        throw new IllegalArgumentException("unmapped side " + side);
    }
  }

  /**
   * Core order type to Binance.
   *
   * @param type the core type
   * @return Binance's type
   */
  public static BinanceOrderType toBinance(OrderType type) {
    switch (type) {
      case MARKET:
        return BinanceOrderType.MARKET;
      case LIMIT:
        return BinanceOrderType.LIMIT;
      case STOP_MARKET:
        return BinanceOrderType.STOP_MARKET;
      case STOP_LIMIT:
        return BinanceOrderType.STOP;
      case TAKE_PROFIT_MARKET:
        return BinanceOrderType.TAKE_PROFIT_MARKET;
      case TAKE_PROFIT_LIMIT:
        return BinanceOrderType.TAKE_PROFIT;
      case TRAILING_STOP_MARKET:
        return BinanceOrderType.TRAILING_STOP_MARKET;
      default:
        throw new IllegalArgumentException("unmapped order type " + type);
    }
  }

  /**
   * Binance order type to core.
   *
   * @param type Binance's type
   * @return the core type
   */
  public static OrderType toCore(BinanceOrderType type) {
    switch (type) {
      case MARKET:
        return OrderType.MARKET;
      case LIMIT:
        return OrderType.LIMIT;
      case STOP_MARKET:
        return OrderType.STOP_MARKET;
      case STOP:
        return OrderType.STOP_LIMIT;
      case TAKE_PROFIT_MARKET:
        return OrderType.TAKE_PROFIT_MARKET;
      case TAKE_PROFIT:
        return OrderType.TAKE_PROFIT_LIMIT;
      case TRAILING_STOP_MARKET:
        return OrderType.TRAILING_STOP_MARKET;
      default:
        throw new IllegalArgumentException("unmapped order type " + type);
    }
  }

  /**
   * Core time in force to Binance.
   *
   * @param tif the core value
   * @return Binance's value ({@code POST_ONLY} becomes {@code GTX})
   */
  public static BinanceTimeInForce toBinance(TimeInForce tif) {
    switch (tif) {
      case GTC:
        return BinanceTimeInForce.GTC;
      case IOC:
        return BinanceTimeInForce.IOC;
      case FOK:
        return BinanceTimeInForce.FOK;
      case POST_ONLY:
        return BinanceTimeInForce.GTX;
      default:
        throw new IllegalArgumentException("unmapped time in force " + tif);
    }
  }

  /**
   * Binance time in force to core.
   *
   * @param tif Binance's value
   * @return the core value ({@code GTX} becomes {@code POST_ONLY})
   * @throws IllegalArgumentException for {@code GTD}, which core cannot express
   */
  public static TimeInForce toCore(BinanceTimeInForce tif) {
    switch (tif) {
      case GTC:
        return TimeInForce.GTC;
      case IOC:
        return TimeInForce.IOC;
      case FOK:
        return TimeInForce.FOK;
      case GTX:
        return TimeInForce.POST_ONLY;
      default:
        throw new IllegalArgumentException(
            "time in force " + tif + " has no core counterpart (GTD is not supported)");
    }
  }

  /**
   * Parses Binance's side text.
   *
   * @param text e.g. {@code BUY}
   * @param field the JSON field, for the message
   * @return the core side
   */
  public static Side parseSide(String text, String field) {
    return toCore(parse(BinanceSide.class, text, field));
  }

  /**
   * Parses Binance's order type text.
   *
   * @param text e.g. {@code STOP}
   * @param field the JSON field, for the message
   * @return the core type
   */
  public static OrderType parseOrderType(String text, String field) {
    return toCore(parse(BinanceOrderType.class, text, field));
  }

  /**
   * Parses Binance's time-in-force text.
   *
   * @param text e.g. {@code GTX}
   * @param field the JSON field, for the message
   * @return the core value
   */
  public static TimeInForce parseTimeInForce(String text, String field) {
    return toCore(parse(BinanceTimeInForce.class, text, field));
  }

  static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + " but was '"
              + text
              + "'",
          e);
    }
  }
}

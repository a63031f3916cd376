package dev.tyche.binance.dto;

/**
 * One entry of a symbol's {@code filters} in exchangeInfo. Which fields are present depends on
 * {@code filterType} ({@code PRICE_FILTER}: min/max price, tick size; {@code LOT_SIZE} and {@code
 * MARKET_LOT_SIZE}: min/max quantity, step size; {@code MIN_NOTIONAL}: notional; {@code
 * PERCENT_PRICE}: multipliers; {@code MAX_NUM_ORDERS}: limit). Absent fields are empty strings;
 * present numeric fields must be plain decimal text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param filterType the filter's type
 * @param minPrice PRICE_FILTER minimum price
 * @param maxPrice PRICE_FILTER maximum price
 * @param tickSize PRICE_FILTER tick size
 * @param minQty LOT_SIZE minimum quantity
 * @param maxQty LOT_SIZE maximum quantity
 * @param stepSize LOT_SIZE step size
 * @param notional MIN_NOTIONAL minimum notional
 * @param multiplierUp PERCENT_PRICE upper multiplier
 * @param multiplierDown PERCENT_PRICE lower multiplier
 * @param limit MAX_NUM_ORDERS limit
 */
public record SymbolFilter(
    String filterType,
    String minPrice,
    String maxPrice,
    String tickSize,
    String minQty,
    String maxQty,
    String stepSize,
    String notional,
    String multiplierUp,
    String multiplierDown,
    String limit) {
  // Filters decide what the venue accepts; malformed numbers must not pass silently.
  public SymbolFilter {
    Dto.text(filterType, "filterType");
    minPrice = Dto.decimalOr(minPrice, "minPrice", "");
    maxPrice = Dto.decimalOr(maxPrice, "maxPrice", "");
    tickSize = Dto.decimalOr(tickSize, "tickSize", "");
    minQty = Dto.decimalOr(minQty, "minQty", "");
    maxQty = Dto.decimalOr(maxQty, "maxQty", "");
    stepSize = Dto.decimalOr(stepSize, "stepSize", "");
    notional = Dto.decimalOr(notional, "notional", "");
    multiplierUp = Dto.decimalOr(multiplierUp, "multiplierUp", "");
    multiplierDown = Dto.decimalOr(multiplierDown, "multiplierDown", "");
    limit = Dto.decimalOr(limit, "limit", "");
  }
}

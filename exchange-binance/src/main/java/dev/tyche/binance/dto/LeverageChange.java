package dev.tyche.binance.dto;

/**
 * {@code POST /fapi/v1/leverage}'s reply.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leverage the new leverage
 * @param maxNotionalValue the largest notional allowed at it
 * @param symbol the symbol
 */
public record LeverageChange(Integer leverage, String maxNotionalValue, String symbol) {
  // Binance caps leverage at 125.
  public LeverageChange {
    Dto.required(leverage, "leverage");
    if (leverage < 1 || leverage > 125) {
      throw new IllegalArgumentException(
          "field 'leverage' must be in [1, 125] but was " + leverage);
    }
    Dto.decimal(maxNotionalValue, "maxNotionalValue");
    Dto.text(symbol, "symbol");
  }
}

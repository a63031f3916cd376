package dev.tyche.binance.dto;

/**
 * {@code GET /fapi/v1/commissionRate}: the account's fee rates for a symbol, plain fractions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param makerCommissionRate e.g. {@code "0.0002"}
 * @param takerCommissionRate e.g. {@code "0.0005"}
 */
public record CommissionRate(
    String symbol, String makerCommissionRate, String takerCommissionRate) {
  // Both rates are exact decimal text.
  public CommissionRate {
    Dto.text(symbol, "symbol");
    Dto.decimal(makerCommissionRate, "makerCommissionRate");
    Dto.decimal(takerCommissionRate, "takerCommissionRate");
  }
}

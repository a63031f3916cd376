package dev.tyche.binance.dto;

/**
 * {@code GET /fapi/v1/premiumIndex?symbol=}: mark price, index price and funding.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param markPrice the mark price
 * @param indexPrice the index price
 * @param estimatedSettlePrice the estimated settle price
 * @param lastFundingRate the last funding rate, a plain fraction
 * @param interestRate the interest rate
 * @param nextFundingTime the next funding time, UTC epoch ms
 * @param time the time of the values, UTC epoch ms
 */
public record PremiumIndex(
    String symbol,
    String markPrice,
    String indexPrice,
    String estimatedSettlePrice,
    String lastFundingRate,
    String interestRate,
    Long nextFundingTime,
    Long time) {
  // The fields are what the mark-price mapping reads.
  public PremiumIndex {
    Dto.text(symbol, "symbol");
    Dto.decimal(markPrice, "markPrice");
    Dto.decimal(indexPrice, "indexPrice");
    estimatedSettlePrice = Dto.decimalOr(estimatedSettlePrice, "estimatedSettlePrice", "0");
    Dto.decimal(lastFundingRate, "lastFundingRate");
    interestRate = Dto.decimalOr(interestRate, "interestRate", "0");
    Dto.nonNegative(nextFundingTime, "nextFundingTime");
    Dto.nonNegative(time, "time");
  }
}

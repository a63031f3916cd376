package dev.tyche.binance.dto;

/**
 * One row of {@code GET /fapi/v1/fundingRate} (ascending by time).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the symbol
 * @param fundingRate the rate per interval, plain fraction, positive = longs pay shorts
 * @param fundingTime the settlement time, UTC epoch ms
 * @param markPrice the mark price at settlement, or an empty string when Binance omits it
 */
public record FundingRateEntry(
    String symbol, String fundingRate, Long fundingTime, String markPrice) {
  // Binance leaves markPrice empty for old rows; everything else is required.
  public FundingRateEntry {
    Dto.text(symbol, "symbol");
    Dto.decimal(fundingRate, "fundingRate");
    Dto.nonNegative(fundingTime, "fundingTime");
    markPrice = markPrice == null || markPrice.isEmpty() ? "" : Dto.decimal(markPrice, "markPrice");
  }
}

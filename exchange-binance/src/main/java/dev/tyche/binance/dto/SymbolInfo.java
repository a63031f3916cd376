package dev.tyche.binance.dto;

import java.util.List;
import java.util.Optional;

/**
 * One symbol of exchangeInfo. {@code pricePrecision}/{@code quantityPrecision} are display
 * precisions, not the tick and step sizes, which come from the filters.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol e.g. {@code BTCUSDT}
 * @param pair the underlying pair
 * @param contractType {@code PERPETUAL}, {@code CURRENT_QUARTER}, ...
 * @param status {@code TRADING}, {@code SETTLING}, ...
 * @param baseAsset the base asset
 * @param quoteAsset the quote asset
 * @param marginAsset the margin asset
 * @param pricePrecision display decimals of prices
 * @param quantityPrecision display decimals of quantities
 * @param filters the filters
 * @param orderTypes the supported order types
 * @param timeInForce the supported times in force
 */
public record SymbolInfo(
    String symbol,
    String pair,
    String contractType,
    String status,
    String baseAsset,
    String quoteAsset,
    String marginAsset,
    Integer pricePrecision,
    Integer quantityPrecision,
    List<SymbolFilter> filters,
    List<String> orderTypes,
    List<String> timeInForce) {
  // The instrument mapping needs these; fail on a symbol entry that lacks them.
  public SymbolInfo {
    Dto.text(symbol, "symbol");
    pair = Dto.textOr(pair, symbol);
    Dto.text(contractType, "contractType");
    Dto.text(status, "status");
    Dto.text(baseAsset, "baseAsset");
    Dto.text(quoteAsset, "quoteAsset");
    marginAsset = Dto.textOr(marginAsset, quoteAsset);
    Dto.required(pricePrecision, "pricePrecision");
    Dto.required(quantityPrecision, "quantityPrecision");
    if (pricePrecision < 0
        || pricePrecision > 18
        || quantityPrecision < 0
        || quantityPrecision > 18) {
      throw new IllegalArgumentException(
          "fields 'pricePrecision'/'quantityPrecision' must be in [0, 18] but were "
              + pricePrecision
              + "/"
              + quantityPrecision);
    }
    filters = Dto.list(filters, "filters");
    orderTypes = Dto.listOrEmpty(orderTypes, "orderTypes");
    timeInForce = Dto.listOrEmpty(timeInForce, "timeInForce");
  }

  /**
   * The first filter of a type.
   *
   * @param filterType e.g. {@code PRICE_FILTER}
   * @return the filter, or empty
   */
  public Optional<SymbolFilter> filter(String filterType) {
    return filters.stream().filter(f -> f.filterType().equals(filterType)).findFirst();
  }
}

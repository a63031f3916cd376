package dev.tyche.binance.dto;

import java.util.List;

/**
 * {@code GET /fapi/v1/exchangeInfo} (weight 1): rate limits and the symbols with their filters.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timezone always {@code UTC}
 * @param serverTime Binance's time, UTC epoch milliseconds, never null
 * @param rateLimits the live rate limits
 * @param symbols the symbols
 */
public record ExchangeInfo(
    String timezone, Long serverTime, List<RateLimit> rateLimits, List<SymbolInfo> symbols) {
  // Checks presence of every part the adapter relies on.
  public ExchangeInfo {
    timezone = Dto.textOr(timezone, "UTC");
    Dto.nonNegative(serverTime, "serverTime");
    rateLimits = Dto.list(rateLimits, "rateLimits");
    symbols = Dto.list(symbols, "symbols");
  }
}

package dev.tyche.binance.dto;

/**
 * {@code GET /fapi/v1/time}: {@code {"serverTime":...}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serverTime Binance's time, UTC epoch milliseconds, never null
 */
public record ServerTime(Long serverTime) {
  // Boxed so that a missing field is detected instead of becoming 0.
  public ServerTime {
    Dto.nonNegative(serverTime, "serverTime");
  }
}

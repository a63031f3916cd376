package dev.tyche.binance.dto;

/**
 * One entry of exchangeInfo's {@code rateLimits}, e.g. {@code REQUEST_WEIGHT} 2400 per 1 {@code
 * MINUTE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rateLimitType {@code REQUEST_WEIGHT} or {@code ORDERS}
 * @param interval {@code SECOND}, {@code MINUTE} or {@code DAY}
 * @param intervalNum how many intervals the window spans
 * @param limit the budget per window
 */
public record RateLimit(String rateLimitType, String interval, Integer intervalNum, Integer limit) {
  // Limits drive throttling; a half-filled entry would throttle wrongly.
  public RateLimit {
    Dto.text(rateLimitType, "rateLimitType");
    Dto.text(interval, "interval");
    Dto.required(intervalNum, "intervalNum");
    Dto.required(limit, "limit");
    if (intervalNum < 1 || limit < 1) {
      throw new IllegalArgumentException(
          "fields 'intervalNum' and 'limit' must be >= 1 but were " + intervalNum + ", " + limit);
    }
  }

  /**
   * The window length.
   *
   * @return milliseconds, or -1 for an unknown interval unit
   */
  public long windowMillis() {
    long unit;
    switch (interval) {
      case "SECOND":
        unit = 1_000L;
        break;
      case "MINUTE":
        unit = 60_000L;
        break;
      case "DAY":
        unit = 86_400_000L;
        break;
      default:
        return -1;
    }
    return unit * intervalNum;
  }
}

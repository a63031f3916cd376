package dev.tyche.binance.dto;

import java.util.Locale;

/**
 * Binance USDⓈ-M order statuses.
 *
 * <p>Immutable and thread-safe.
 */
public enum BinanceOrderStatus {
  /** Working, nothing filled. */
  NEW,
  /** Working, part filled. */
  PARTIALLY_FILLED,
  /** Completely filled. */
  FILLED,
  /** Cancelled (by request or by the venue, e.g. the rest of an IOC). */
  CANCELED,
  /** Refused. */
  REJECTED,
  /** Expired by its time in force (GTX that would take, FOK, GTD). */
  EXPIRED,
  /** Expired by self-trade prevention. */
  EXPIRED_IN_MATCH;

  /**
   * Parses Binance's text.
   *
   * @param text e.g. {@code PARTIALLY_FILLED}
   * @param field the JSON field, for the message
   * @return the status
   * @throws IllegalArgumentException naming the field and value if unknown
   */
  public static BinanceOrderStatus parse(String text, String field) {
    try {
      return valueOf(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' must be a Binance order status but was '" + text + "'", e);
    }
  }

  /**
   * Whether the order can change no more.
   *
   * @return true for filled, cancelled, rejected and expired
   */
  public boolean isFinal() {
    return this != NEW && this != PARTIALLY_FILLED;
  }

  @Override
  public String toString() {
    return name().toUpperCase(Locale.ROOT);
  }
}

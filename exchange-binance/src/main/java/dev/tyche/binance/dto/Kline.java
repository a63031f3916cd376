package dev.tyche.binance.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of {@code GET /fapi/v1/klines}: the JSON array {@code [openTime, open, high, low, close,
 * volume, closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote, ignore]}. Times are UTC
 * epoch milliseconds; prices and volumes are exact decimal text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openTime the bar's open time
 * @param open the first price
 * @param high the highest price
 * @param low the lowest price
 * @param close the last price
 * @param volume the base-asset volume
 * @param closeTime the bar's last millisecond
 * @param quoteVolume the quote-asset volume
 * @param trades the number of trades
 * @param takerBuyBaseVolume the taker-buy base volume
 * @param takerBuyQuoteVolume the taker-buy quote volume
 */
public record Kline(
    long openTime,
    String open,
    String high,
    String low,
    String close,
    String volume,
    long closeTime,
    String quoteVolume,
    long trades,
    String takerBuyBaseVolume,
    String takerBuyQuoteVolume) {
  // Every price is decimal text and the close time follows the open time.
  public Kline {
    Dto.unsignedDecimal(open, "open");
    Dto.unsignedDecimal(high, "high");
    Dto.unsignedDecimal(low, "low");
    Dto.unsignedDecimal(close, "close");
    Dto.unsignedDecimal(volume, "volume");
    Dto.unsignedDecimal(quoteVolume, "quoteVolume");
    Dto.unsignedDecimal(takerBuyBaseVolume, "takerBuyBaseVolume");
    Dto.unsignedDecimal(takerBuyQuoteVolume, "takerBuyQuoteVolume");
    if (openTime < 0 || closeTime <= openTime || trades < 0) {
      throw new IllegalArgumentException(
          "kline fields must satisfy 0 <= openTime < closeTime and trades >= 0 but were openTime="
              + openTime
              + " closeTime="
              + closeTime
              + " trades="
              + trades);
    }
  }

  /**
   * Reads one kline array.
   *
   * @param row the JSON array
   * @return the kline
   * @throws IllegalArgumentException naming the element if the row is malformed
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Kline fromRow(JsonNode row) {
    if (row == null || !row.isArray() || row.size() < 11) {
      throw new IllegalArgumentException(
          "kline row must be an array of at least 11 elements but was "
              + (row == null ? "null" : Dto.abbreviate(row.toString())));
    }
    return new Kline(
        Rows.longAt(row, 0, "openTime"),
        Rows.textAt(row, 1, "open"),
        Rows.textAt(row, 2, "high"),
        Rows.textAt(row, 3, "low"),
        Rows.textAt(row, 4, "close"),
        Rows.textAt(row, 5, "volume"),
        Rows.longAt(row, 6, "closeTime"),
        Rows.textAt(row, 7, "quoteVolume"),
        Rows.longAt(row, 8, "trades"),
        Rows.textAt(row, 9, "takerBuyBaseVolume"),
        Rows.textAt(row, 10, "takerBuyQuoteVolume"));
  }
}

package dev.tyche.core.data;

import java.util.List;
import java.util.Locale;

/**
 * The kline CSV layouts the reader understands. All carry the bar's <em>open</em> time in UTC epoch
 * milliseconds first (microseconds are accepted too, see {@link KlineCsvReader}), then open, high,
 * low, close and base-asset volume.
 *
 * <p>Immutable and thread-safe.
 */
public enum KlineLayout {
  /**
   * Binance's official 12-column kline layout (data.binance.vision and the REST {@code klines}
   * endpoint): {@code open_time, open, high, low, close, volume, close_time, quote_volume, count,
   * taker_buy_volume, taker_buy_quote_volume, ignore}, with or without that header line.
   */
  BINANCE(
      List.of(
          "open_time",
          "open",
          "high",
          "low",
          "close",
          "volume",
          "close_time",
          "quote_volume",
          "count",
          "taker_buy_volume",
          "taker_buy_quote_volume",
          "ignore")),

  /** Layout A of the project's data folder: {@code open_time, open, high, low, close, volume}. */
  OPEN_TIME_OHLCV(List.of("open_time", "open", "high", "low", "close", "volume")),

  /**
   * Layout B of the project's data folder: {@code timestamp, open, high, low, close, volume,
   * datetime}, where {@code timestamp} is the open time and {@code datetime} repeats it as UTC text
   * (the reader ignores it).
   */
  TIMESTAMP_OHLCV_DATETIME(
      List.of("timestamp", "open", "high", "low", "close", "volume", "datetime"));

  private final List<String> columns;

  KlineLayout(List<String> columns) {
    this.columns = columns;
  }

  /**
   * The column names, as the header line spells them.
   *
   * @return the names, in order
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * The number of columns each row has.
   *
   * @return the column count
   */
  public int columnCount() {
    return columns.size();
  }

  /**
   * The layout whose header these names are (case-insensitive, surrounding blanks ignored).
   *
   * @param names the header's column names
   * @return the layout, or null if none matches
   */
  static KlineLayout ofHeader(List<String> names) {
    for (KlineLayout layout : values()) {
      if (layout.columns.size() != names.size()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < names.size() && same; i++) {
        same = layout.columns.get(i).equals(names.get(i).trim().toLowerCase(Locale.ROOT));
      }
      if (same) {
        return layout;
      }
    }
    return null;
  }

  /**
   * The layout of a header-less file, from its column count.
   *
   * @param columnCount the number of columns in the first row
   * @return the layout, or null if no layout has that many columns
   */
  static KlineLayout ofColumnCount(int columnCount) {
    for (KlineLayout layout : values()) {
      if (layout.columns.size() == columnCount) {
        return layout;
      }
    }
    return null;
  }
}

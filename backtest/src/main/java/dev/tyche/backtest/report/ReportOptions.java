package dev.tyche.backtest.report;

import java.util.Objects;

/**
 * How an {@link HtmlReport} is laid out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the page title and heading
 * @param maxTradeRows the most fills listed in the trades table, {@code >= 0}; the rest are counted
 * @param chartWidth the width of the charts in CSS pixels, {@code >= 300}
 */
public record ReportOptions(String title, int maxTradeRows, int chartWidth) {

  /** Checks the fields. */
  public ReportOptions {
    Objects.requireNonNull(title, "title must not be null");
    if (maxTradeRows < 0) {
      throw new IllegalArgumentException("maxTradeRows must be >= 0 but was " + maxTradeRows);
    }
    if (chartWidth < 300) {
      throw new IllegalArgumentException("chartWidth must be >= 300 but was " + chartWidth);
    }
  }

  /**
   * Default layout: 200 trade rows, 1100 px charts.
   *
   * @param title the title
   * @return the options
   */
  public static ReportOptions titled(String title) {
    return new ReportOptions(title, 200, 1100);
  }
}

/**
 * Loading and validating historical market data.
 *
 * <p>{@link dev.tyche.core.data.KlineCsvReader} streams kline (OHLCV) CSV files, plain or gzip, in
 * Binance's official 12-column layout and the project's layouts A and B, into exact {@link
 * dev.tyche.core.market.Bar}s or primitive {@link dev.tyche.core.data.BarSeries} columns. {@link
 * dev.tyche.core.data.FundingRateCsvReader} reads funding-rate history. {@link
 * dev.tyche.core.data.DataValidator} checks a series for gaps, duplicates, unsorted rows, OHLC
 * inconsistencies, flat zero-volume bars, launch placeholders and outliers, and produces a {@link
 * dev.tyche.core.data.DataQualityReport} that names every row by line number and time.
 *
 * <p>Times are UTC epoch milliseconds; a bar is stamped with its open time and usable at its close
 * time. Malformed input raises {@link dev.tyche.core.data.MalformedDataException} with the source,
 * line, field and value.
 */
package dev.tyche.core.data;

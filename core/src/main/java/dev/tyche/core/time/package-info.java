/**
 * Time: the {@link dev.tyche.core.time.Clock} port and its two implementations, Binance kline
 * intervals ({@link dev.tyche.core.time.BarInterval}), perpetual-futures funding times ({@link
 * dev.tyche.core.time.FundingSchedule}) and timestamp formatting and parsing ({@link
 * dev.tyche.core.time.Timestamps}).
 *
 * <p>Conventions for the whole library:
 *
 * <ul>
 *   <li>Time on hot paths is a {@code long} of UTC epoch <b>milliseconds</b>, the unit Binance uses
 *       for every timestamp. {@link java.time.Instant} and {@link java.time.Duration} appear only
 *       in cold, convenience APIs.
 *   <li>There is no time zone other than UTC and no daylight-saving time: every calendar
 *       computation (days, Monday weeks, calendar months) is done in UTC.
 *   <li>A bar is stamped with its <b>open time</b> and covers the half-open interval {@code [open,
 *       next open)}. Its Binance close time is {@code next open - 1} ms. A bar's values are known
 *       only once it has closed, that is when the clock has reached {@code next open}; code that
 *       reads a bar earlier is looking ahead.
 *   <li>Deterministic code never reads the wall clock: it takes a {@link dev.tyche.core.time.Clock}
 *       ({@link dev.tyche.core.time.SimulatedClock} in backtests, {@link
 *       dev.tyche.core.time.SystemClock} in paper and live trading).
 * </ul>
 */
package dev.tyche.core.time;

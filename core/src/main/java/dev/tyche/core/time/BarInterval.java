package dev.tyche.core.time;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The kline (candlestick) intervals of Binance, with the UTC alignment Binance uses for each.
 *
 * <p><b>Bar convention.</b> A bar is stamped with its <em>open time</em> and covers the half-open
 * interval {@code [open, nextOpen(open))}. Binance's close time, which it sends with every kline,
 * is {@code nextOpen(open) - 1}: the last millisecond inside the bar ({@link #closeTimeOf(long)}).
 * The bar's values are final only once the clock has reached {@code nextOpen(open)}, so a component
 * may use a bar at time {@code t} only if {@link #isClosedAt(long, long)} holds; anything earlier
 * is look-ahead. Source: Binance USDⓈ-M futures API, "Kline/Candlestick Data" ({@code GET
 * /fapi/v1/klines}): "Klines are uniquely identified by their open time", and the response example
 * pairs open time 1499040000000 with close time 1499644799999.
 *
 * <p><b>Alignment</b> (all in UTC, no time zones, no daylight saving):
 *
 * <ul>
 *   <li>{@code 1m} to {@code 1d}: buckets of the interval's length counted from the Unix epoch.
 *       Because every such length divides a day, hour and day bars start on the hour and at 00:00
 *       UTC (a {@code 4h} bar opens at 00, 04, 08, ... UTC).
 *   <li>{@code 3d}: 3-day buckets counted from 1970-01-01, so a {@code 3d} bar opens on days whose
 *       number since the epoch is a multiple of 3 (2023-12-31 is day 19722 and opens a bar).
 *       Binance does not document this; it is this library's assumption, by analogy with the epoch
 *       alignment of the shorter intervals, and has not been checked against real {@code 3d}
 *       klines.
 *   <li>{@code 1w}: weeks open on Monday 00:00 UTC. The Binance documentation's kline example is a
 *       weekly bar opening at 1499040000000 = Monday 2017-07-03T00:00Z. Because 1970-01-01 was a
 *       Thursday, the week containing the epoch opens at -259200000 (Monday 1969-12-29).
 *   <li>{@code 1M}: calendar months in UTC, opening at 00:00 on the first day; their length is 28
 *       to 31 days, so {@link #durationMillis()} is undefined and {@link #nextOpen(long)} follows
 *       the Gregorian calendar.
 * </ul>
 *
 * <p>Historical Binance data contains a few bars whose open time is off this grid (after outages in
 * 2017-2018, a bar can open at the first trade); {@link #isAligned(long)} is how a data validator
 * detects them.
 *
 * <p><b>Domain.</b> Timestamp arguments must be valid timestamps ({@link Timestamps#isValid(long)})
 * or the open time of the bar that contains the epoch (only {@code 1w} has one before the epoch).
 *
 * <p>Immutable and thread-safe.
 */
public enum BarInterval {
  /** One minute. */
  MINUTE_1("1m", 60_000L),
  /** Three minutes. */
  MINUTE_3("3m", 3 * 60_000L),
  /** Five minutes. */
  MINUTE_5("5m", 5 * 60_000L),
  /** Fifteen minutes. */
  MINUTE_15("15m", 15 * 60_000L),
  /** Thirty minutes. */
  MINUTE_30("30m", 30 * 60_000L),
  /** One hour. */
  HOUR_1("1h", Constants.HOUR),
  /** Two hours. */
  HOUR_2("2h", 2 * Constants.HOUR),
  /** Four hours. */
  HOUR_4("4h", 4 * Constants.HOUR),
  /** Six hours. */
  HOUR_6("6h", 6 * Constants.HOUR),
  /** Eight hours. */
  HOUR_8("8h", 8 * Constants.HOUR),
  /** Twelve hours. */
  HOUR_12("12h", 12 * Constants.HOUR),
  /** One day, opening at 00:00 UTC. */
  DAY_1("1d", Constants.DAY),
  /** Three days, in epoch-aligned 3-day buckets (see the class comment). */
  DAY_3("3d", 3 * Constants.DAY),
  /** One week, opening on Monday 00:00 UTC. */
  WEEK_1("1w", 7 * Constants.DAY),
  /** One calendar month in UTC; variable length. */
  MONTH_1("1M", 0L);

  private final String code;
  // 0 marks the variable-length month.
  private final long durationMillis;
  // Where the bucket grid starts relative to the epoch: Monday 1970-01-05 for weeks, else 0.
  private final long gridOriginMillis;
  // The earliest open time accepted as an argument: the open of the bar containing the epoch.
  private final long firstOpenMillis;

  BarInterval(String code, long durationMillis) {
    this.code = code;
    this.durationMillis = durationMillis;
    this.gridOriginMillis = "1w".equals(code) ? Constants.FIRST_MONDAY : 0L;
    this.firstOpenMillis =
        durationMillis == 0L
            ? 0L
            : Math.floorDiv(-gridOriginMillis, durationMillis) * durationMillis + gridOriginMillis;
  }

  /**
   * Looks up an interval by its Binance code. Codes are case-sensitive, as in Binance's API: {@code
   * 1m} is a minute and {@code 1M} a month.
   *
   * @param code one of {@code 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M}
   * @return the interval
   * @throws IllegalArgumentException if {@code code} is not one of them; the message lists them
   * @throws NullPointerException if {@code code} is null
   */
  public static BarInterval parse(String code) {
    Objects.requireNonNull(code, "code");
    for (BarInterval interval : values()) {
      if (interval.code.equals(code)) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        "code must be a Binance kline interval, one of "
            + Arrays.stream(values()).map(BarInterval::code).collect(Collectors.joining(" "))
            + " (case-sensitive), but was '"
            + code
            + "'");
  }

  /**
   * The Binance code, as used in {@code interval=} query parameters and stream names.
   *
   * @return the code, for example {@code 1h}
   */
  public String code() {
    return code;
  }

  /**
   * Whether every bar has the same length; false only for {@link #MONTH_1}.
   *
   * @return {@code true} for every interval except {@code 1M}
   */
  public boolean isFixedLength() {
    return durationMillis != 0L;
  }

  /**
   * The length of every bar.
   *
   * @return the length in milliseconds, for example 3600000 for {@code 1h}
   * @throws UnsupportedOperationException for {@link #MONTH_1}, whose bars are 28 to 31 days long;
   *     use {@link #nextOpen(long)} instead
   */
  public long durationMillis() {
    if (durationMillis == 0L) {
      throw new UnsupportedOperationException(
          "1M bars are calendar months of 28 to 31 days and have no fixed duration;"
              + " use nextOpen(openTime) - openTime for one bar's length");
    }
    return durationMillis;
  }

  /**
   * The length of every bar, as a {@link Duration}, for cold code.
   *
   * @return the length
   * @throws UnsupportedOperationException for {@link #MONTH_1}
   */
  public Duration duration() {
    return Duration.ofMillis(durationMillis());
  }

  /**
   * The open time of the bar that contains {@code timestamp}: the greatest aligned time that is
   * {@code <= timestamp}.
   *
   * @param timestamp UTC epoch milliseconds
   * @return the bar's open time, UTC epoch milliseconds; for {@code 1w} and a timestamp in the
   *     first four days of 1970 this is -259200000 (Monday 1969-12-29)
   * @throws IllegalArgumentException if {@code timestamp} is outside the domain (see the class
   *     comment)
   */
  public long openTimeOf(long timestamp) {
    requireInDomain(timestamp, "timestamp");
    if (durationMillis == 0L) {
      LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(timestamp, Constants.DAY));
      return day.withDayOfMonth(1).toEpochDay() * Constants.DAY;
    }
    return Math.floorDiv(timestamp - gridOriginMillis, durationMillis) * durationMillis
        + gridOriginMillis;
  }

  /**
   * The open time of the bar after the one that contains {@code timestamp}; always {@code >
   * timestamp}. For an aligned {@code timestamp} this is the end (exclusive) of the bar it opens.
   *
   * @param timestamp UTC epoch milliseconds
   * @return the next open time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code timestamp} is outside the domain
   */
  public long nextOpen(long timestamp) {
    long open = openTimeOf(timestamp);
    if (durationMillis == 0L) {
      // Gregorian calendar arithmetic in UTC: a month has 28, 29, 30 or 31 days.
      return LocalDate.ofEpochDay(open / Constants.DAY).plusMonths(1).toEpochDay() * Constants.DAY;
    }
    return open + durationMillis;
  }

  /**
   * Whether {@code timestamp} is a bar open time of this interval.
   *
   * @param timestamp UTC epoch milliseconds
   * @return {@code true} if {@code openTimeOf(timestamp) == timestamp}
   * @throws IllegalArgumentException if {@code timestamp} is outside the domain
   */
  public boolean isAligned(long timestamp) {
    return openTimeOf(timestamp) == timestamp;
  }

  /**
   * Binance's close time of the bar that opens at {@code openTime}: the last millisecond inside the
   * bar, {@code nextOpen(openTime) - 1}. For example the {@code 1h} bar opening at 1567962000000
   * closes at 1567965599999.
   *
   * @param openTime the bar's open time, UTC epoch milliseconds
   * @return the close time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code openTime} is not aligned to this interval, or is
   *     outside the domain
   */
  public long closeTimeOf(long openTime) {
    requireAligned(openTime);
    return nextOpen(openTime) - 1;
  }

  /**
   * Whether the bar opening at {@code openTime} is complete, and so usable without look-ahead, at
   * time {@code now}: that is, whether {@code now > closeTimeOf(openTime)}.
   *
   * @param openTime the bar's open time, UTC epoch milliseconds
   * @param now the current time, UTC epoch milliseconds
   * @return {@code true} once {@code now >= nextOpen(openTime)}
   * @throws IllegalArgumentException if {@code openTime} is not aligned to this interval, or is
   *     outside the domain
   */
  public boolean isClosedAt(long openTime, long now) {
    return now > closeTimeOf(openTime);
  }

  /**
   * The bar open time of every timestamp, for resampling: element {@code i} of the result is {@code
   * openTimeOf(timestamps[i])}. Equal open times form runs, each run one output bar.
   *
   * @param timestamps UTC epoch milliseconds in non-decreasing order (ties allowed, as several
   *     trades can share a millisecond); may be empty
   * @return a new array of the same length
   * @throws IllegalArgumentException if the timestamps are not in non-decreasing order or one is
   *     outside the domain; the message gives the index
   * @throws NullPointerException if {@code timestamps} is null
   */
  public long[] bucketOpenTimes(long[] timestamps) {
    requireSorted(timestamps);
    long[] opens = new long[timestamps.length];
    for (int i = 0; i < timestamps.length; i++) {
      opens[i] = openTimeOf(timestamps[i]);
    }
    return opens;
  }

  /**
   * The index at which each bar's run of timestamps starts, for resampling. Bar {@code k} holds the
   * elements {@code [starts[k], starts[k + 1])} (the last one runs to {@code timestamps.length}),
   * and its open time is {@code openTimeOf(timestamps[starts[k]])}. Bars with no timestamps are
   * absent, not empty.
   *
   * @param timestamps UTC epoch milliseconds in non-decreasing order; may be empty
   * @return the start indices, strictly increasing, beginning with 0 unless the input is empty
   * @throws IllegalArgumentException if the timestamps are not in non-decreasing order or one is
   *     outside the domain; the message gives the index
   * @throws NullPointerException if {@code timestamps} is null
   */
  public int[] bucketStarts(long[] timestamps) {
    requireSorted(timestamps);
    int[] starts = new int[timestamps.length];
    int count = 0;
    long currentEnd = Long.MIN_VALUE;
    for (int i = 0; i < timestamps.length; i++) {
      // Sorted input: a new bar starts exactly when a timestamp reaches the current bar's end.
      if (timestamps[i] >= currentEnd) {
        starts[count++] = i;
        currentEnd = nextOpen(timestamps[i]);
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /**
   * The Binance code.
   *
   * @return {@link #code()}
   */
  @Override
  public String toString() {
    return code;
  }

  private void requireInDomain(long timestamp, String name) {
    if (timestamp < firstOpenMillis || timestamp > Timestamps.MAX_MILLIS) {
      throw new IllegalArgumentException(
          name
              + " must be a UTC epoch-millisecond timestamp in ["
              + Timestamps.describe(firstOpenMillis)
              + ", "
              + Timestamps.describe(Timestamps.MAX_MILLIS)
              + "] for "
              + code
              + " bars but was "
              + Timestamps.describe(timestamp));
    }
  }

  private void requireAligned(long openTime) {
    long aligned = openTimeOf(openTime);
    if (aligned != openTime) {
      throw new IllegalArgumentException(
          "openTime must be a "
              + code
              + " bar open time but was "
              + Timestamps.describe(openTime)
              + "; the bar containing it opens at "
              + Timestamps.describe(aligned));
    }
  }

  private void requireSorted(long[] timestamps) {
    Objects.requireNonNull(timestamps, "timestamps");
    for (int i = 0; i < timestamps.length; i++) {
      requireInDomain(timestamps[i], "timestamps[" + i + "]");
      if (i > 0 && timestamps[i] < timestamps[i - 1]) {
        throw new IllegalArgumentException(
            "timestamps must be in non-decreasing order but timestamps["
                + i
                + "] = "
                + Timestamps.describe(timestamps[i])
                + " is before timestamps["
                + (i - 1)
                + "] = "
                + Timestamps.describe(timestamps[i - 1]));
      }
    }
  }

  // Enum constants cannot refer to static fields of their own enum in their arguments.
  private static final class Constants {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
    // 1970-01-01 was a Thursday; the first Monday after the epoch is 1970-01-05.
    static final long FIRST_MONDAY = 4 * DAY;

    private Constants() {}
  }
}

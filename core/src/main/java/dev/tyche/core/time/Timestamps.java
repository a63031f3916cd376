package dev.tyche.core.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Objects;

/**
 * Conversions between UTC epoch milliseconds and ISO-8601 text, and the check that a {@code long}
 * is a plausible timestamp.
 *
 * <p>A <em>valid</em> timestamp lies in {@code [MIN_MILLIS, MAX_MILLIS]}, from
 * 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z. Negative values are rejected because no
 * market data predates the Unix epoch, and a negative number is almost always a bug (a duration or
 * a difference passed where a time is expected). The upper bound keeps every arithmetic on valid
 * timestamps (adding a bar length, a month, a funding interval) far from {@code long} overflow.
 *
 * <p>Immutable and thread-safe.
 */
public final class Timestamps {

  /** The first valid timestamp: 1970-01-01T00:00:00.000Z. */
  public static final long MIN_MILLIS = 0L;

  /** The last valid timestamp: 9999-12-31T23:59:59.999Z. */
  public static final long MAX_MILLIS = 253_402_300_799_999L;

  // appendInstant(3) always prints exactly three fractional digits, so output is fixed-width for
  // years 0..9999 and sorts lexicographically in time order.
  private static final DateTimeFormatter ISO_MILLIS =
      new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);

  private Timestamps() {}

  /**
   * Whether {@code epochMillis} is a valid timestamp.
   *
   * @param epochMillis UTC epoch milliseconds
   * @return {@code true} if {@code MIN_MILLIS <= epochMillis <= MAX_MILLIS}
   */
  public static boolean isValid(long epochMillis) {
    return epochMillis >= MIN_MILLIS && epochMillis <= MAX_MILLIS;
  }

  /**
   * Checks that {@code epochMillis} is a valid timestamp.
   *
   * @param epochMillis UTC epoch milliseconds
   * @param name the argument's name, used in the exception message
   * @return {@code epochMillis}
   * @throws IllegalArgumentException if {@code epochMillis} is outside {@code [MIN_MILLIS,
   *     MAX_MILLIS]}; the message names the argument and its value
   */
  public static long requireValid(long epochMillis, String name) {
    if (!isValid(epochMillis)) {
      throw new IllegalArgumentException(
          name
              + " must be a UTC epoch-millisecond timestamp in ["
              + describe(MIN_MILLIS)
              + ", "
              + describe(MAX_MILLIS)
              + "] but was "
              + describe(epochMillis));
    }
    return epochMillis;
  }

  /**
   * Formats a timestamp as ISO-8601 in UTC with exactly three fractional digits, for example {@code
   * 2019-09-08T17:00:00.000Z}. Any {@code long} is accepted, so it is safe to call while building
   * an error message about an invalid value.
   *
   * @param epochMillis UTC epoch milliseconds
   * @return the ISO-8601 text
   */
  public static String format(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * Describes a timestamp for an error message: the raw number followed by its ISO-8601 form, for
   * example {@code 1567962000000 (2019-09-08T17:00:00.000Z)}. Both are given because Binance
   * payloads carry the number and people read the date.
   *
   * @param epochMillis UTC epoch milliseconds
   * @return the description
   */
  public static String describe(long epochMillis) {
    return epochMillis + " (" + format(epochMillis) + ")";
  }

  /**
   * Parses an ISO-8601 date or date-time to UTC epoch milliseconds. Accepted forms:
   *
   * <ul>
   *   <li>a date, {@code 2024-02-29}: midnight UTC at the start of that day;
   *   <li>a local date-time, {@code 2024-02-29T13:45}, {@code 2024-02-29T13:45:30} or {@code
   *       2024-02-29T13:45:30.123}: read as UTC;
   *   <li>a date-time with an offset, {@code 2024-02-29T13:45:30Z} or {@code
   *       2024-02-29T15:45:30.5+02:00}: converted to UTC.
   * </ul>
   *
   * @param text the ISO-8601 text
   * @return UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code text} is not one of these forms, has a
   *     sub-millisecond part (which milliseconds cannot hold without loss), or is not a valid
   *     timestamp
   * @throws NullPointerException if {@code text} is null
   */
  public static long parse(String text) {
    Objects.requireNonNull(text, "text");
    Instant instant;
    try {
      instant = parseInstant(text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "text must be an ISO-8601 date (2024-02-29) or date-time (2024-02-29T13:45:30.123,"
              + " optionally with Z or an offset) but was '"
              + text
              + "'",
          e);
    }
    return toMillis(instant, "text '" + text + "'");
  }

  /**
   * Converts an instant to UTC epoch milliseconds, checking that nothing is lost.
   *
   * @param instant the instant
   * @param name the argument's name, used in exception messages
   * @return UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code instant} has a sub-millisecond part or is not a
   *     valid timestamp
   * @throws NullPointerException if {@code instant} is null
   */
  public static long toMillis(Instant instant, String name) {
    Objects.requireNonNull(instant, name);
    if (instant.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          name + " must be a whole number of milliseconds but was " + instant);
    }
    if (instant.isBefore(Instant.ofEpochMilli(MIN_MILLIS))
        || instant.isAfter(Instant.ofEpochMilli(MAX_MILLIS))) {
      throw new IllegalArgumentException(
          name
              + " must lie in ["
              + format(MIN_MILLIS)
              + ", "
              + format(MAX_MILLIS)
              + "] but was "
              + instant);
    }
    return instant.toEpochMilli();
  }

  /**
   * Converts UTC epoch milliseconds to an instant, for cold code.
   *
   * @param epochMillis UTC epoch milliseconds; any value
   * @return the instant
   */
  public static Instant toInstant(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }

  private static Instant parseInstant(String text) {
    // A bare date has no 'T'; a trailing Z or an offset sign after the time means an explicit
    // offset; everything else is a local date-time, which this library always reads as UTC.
    int t = text.indexOf('T');
    if (t < 0) {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    }
    String time = text.substring(t + 1);
    if (time.endsWith("Z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0) {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
    return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .toInstant(ZoneOffset.UTC);
  }
}

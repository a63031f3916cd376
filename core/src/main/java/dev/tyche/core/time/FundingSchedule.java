package dev.tyche.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * The funding times of a perpetual-futures contract: every {@code intervalHours} hours, anchored at
 * 00:00 UTC. Binance settles most USDⓈ-M perpetuals every 8 hours (00:00, 08:00 and 16:00 UTC); its
 * {@code GET /fapi/v1/fundingInfo} endpoint reports {@code fundingIntervalHours} of 4 or 1 for some
 * symbols. Any divisor of 24 is accepted, so the grid is the same every day and, because a day is a
 * whole number of intervals, it is also the grid of multiples of the interval counted from the Unix
 * epoch.
 *
 * <p><b>Boundaries.</b> A funding at time {@code T} belongs to the moment {@code T}: once the clock
 * reads {@code T} it has happened. Hence {@link #previousFundingTime(long)} is at or before its
 * argument, {@link #nextFundingTime(long)} strictly after, and {@link #fundingTimesBetween(long,
 * long)} covers the half-open range {@code (from, to]}, so that a backtest stepping its clock
 * through consecutive ranges settles each funding exactly once.
 *
 * <p><b>Recorded times.</b> Binance's funding history ({@code GET /fapi/v1/fundingRate}) records
 * {@code fundingTime} with a few milliseconds of jitter, for example 1568476800001 for
 * 2019-09-14T16:00:00.000Z (the largest seen in this project's BTCUSDT and ETHUSDT history is 47
 * ms). {@link #nearestFundingTime(long, long)} snaps such values to the grid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param intervalHours hours between fundings: a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24)
 */
public record FundingSchedule(int intervalHours) {

  /** Binance's usual schedule: every 8 hours, at 00:00, 08:00 and 16:00 UTC. */
  public static final FundingSchedule EVERY_8_HOURS = new FundingSchedule(8);

  private static final long HOUR_MILLIS = 3_600_000L;

  // Fail fast: a schedule that does not divide the day would drift against 00:00 UTC.
  public FundingSchedule {
    if (intervalHours <= 0 || intervalHours > 24 || 24 % intervalHours != 0) {
      throw new IllegalArgumentException(
          "intervalHours must be a divisor of 24 (1, 2, 3, 4, 6, 8, 12 or 24) but was "
              + intervalHours);
    }
  }

  /**
   * The schedule with fundings every {@code intervalHours} hours from 00:00 UTC.
   *
   * @param intervalHours a divisor of 24, such as Binance's {@code fundingIntervalHours}
   * @return the schedule
   * @throws IllegalArgumentException if {@code intervalHours} does not divide 24
   */
  public static FundingSchedule everyHours(int intervalHours) {
    return new FundingSchedule(intervalHours);
  }

  /**
   * The time between fundings.
   *
   * @return {@code intervalHours} in milliseconds
   */
  public long intervalMillis() {
    return intervalHours * HOUR_MILLIS;
  }

  /**
   * The time between fundings, for cold code.
   *
   * @return {@code intervalHours} as a duration
   */
  public Duration interval() {
    return Duration.ofHours(intervalHours);
  }

  /**
   * How many fundings happen per UTC day, for converting a per-funding rate to a daily one.
   *
   * @return {@code 24 / intervalHours}
   */
  public int fundingsPerDay() {
    return 24 / intervalHours;
  }

  /**
   * Whether a funding happens exactly at {@code timestamp}.
   *
   * @param timestamp UTC epoch milliseconds
   * @return {@code true} if {@code timestamp} is on the funding grid
   * @throws IllegalArgumentException if {@code timestamp} is not a valid timestamp
   */
  public boolean isFundingTime(long timestamp) {
    Timestamps.requireValid(timestamp, "timestamp");
    return timestamp % intervalMillis() == 0;
  }

  /**
   * The last funding at or before {@code timestamp}; equal to {@code timestamp} if a funding
   * happens then.
   *
   * @param timestamp UTC epoch milliseconds
   * @return the funding time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code timestamp} is not a valid timestamp
   */
  public long previousFundingTime(long timestamp) {
    Timestamps.requireValid(timestamp, "timestamp");
    long interval = intervalMillis();
    return timestamp - timestamp % interval;
  }

  /**
   * The first funding strictly after {@code timestamp}. At a funding time this is the following
   * one, because the funding at {@code timestamp} has already happened (see the class comment).
   *
   * @param timestamp UTC epoch milliseconds
   * @return the funding time, UTC epoch milliseconds; {@code > timestamp}
   * @throws IllegalArgumentException if {@code timestamp} is not a valid timestamp
   */
  public long nextFundingTime(long timestamp) {
    return previousFundingTime(timestamp) + intervalMillis();
  }

  /**
   * Every funding time {@code t} with {@code from < t <= to}, in increasing order.
   *
   * @param from the exclusive start, UTC epoch milliseconds
   * @param to the inclusive end, UTC epoch milliseconds; {@code >= from}
   * @return the funding times; empty if none falls in the range
   * @throws IllegalArgumentException if either bound is not a valid timestamp or if {@code from >
   *     to}
   */
  public long[] fundingTimesBetween(long from, long to) {
    Timestamps.requireValid(from, "from");
    Timestamps.requireValid(to, "to");
    if (from > to) {
      throw new IllegalArgumentException(
          "from must be <= to but from was "
              + Timestamps.describe(from)
              + " and to was "
              + Timestamps.describe(to));
    }
    long interval = intervalMillis();
    long first = nextFundingTime(from);
    long last = previousFundingTime(to);
    if (first > last) {
      return new long[0];
    }
    // Valid timestamps span under 10,000 years, at most about 88 million hourly fundings, so the
    // count always fits in an int.
    long count = (last - first) / interval + 1;
    long[] times = new long[(int) count];
    for (int i = 0; i < times.length; i++) {
      times[i] = first + i * interval;
    }
    return times;
  }

  /**
   * Snaps a recorded funding time to the grid: the funding time nearest to {@code timestamp},
   * provided it is at most {@code toleranceMillis} away. Binance's recorded times carry a few
   * milliseconds of jitter ({@code 1568476800001 -> 1568476800000}); a value farther off is not a
   * funding time of this schedule, and is rejected rather than silently moved.
   *
   * @param timestamp the recorded time, UTC epoch milliseconds
   * @param toleranceMillis the largest accepted distance from the grid, in milliseconds; {@code >=
   *     0} and less than half the interval, so the nearest funding time is unique
   * @return the funding time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code timestamp} is not a valid timestamp, if {@code
   *     toleranceMillis} is out of range, or if {@code timestamp} is farther than {@code
   *     toleranceMillis} from every funding time
   */
  public long nearestFundingTime(long timestamp, long toleranceMillis) {
    long interval = intervalMillis();
    if (toleranceMillis < 0 || toleranceMillis >= interval / 2) {
      throw new IllegalArgumentException(
          "toleranceMillis must be in [0, "
              + interval / 2
              + ") (less than half the "
              + intervalHours
              + "h interval) but was "
              + toleranceMillis);
    }
    long previous = previousFundingTime(timestamp);
    long offset = timestamp - previous;
    long nearest = offset <= interval - offset ? previous : previous + interval;
    long distance = Math.abs(timestamp - nearest);
    if (distance > toleranceMillis) {
      throw new IllegalArgumentException(
          "timestamp "
              + Timestamps.describe(timestamp)
              + " is "
              + distance
              + " ms from the nearest "
              + intervalHours
              + "h funding time "
              + Timestamps.describe(nearest)
              + ", more than the tolerance of "
              + toleranceMillis
              + " ms");
    }
    return nearest;
  }

  /**
   * Snaps a recorded funding time to the grid; see {@link #nearestFundingTime(long, long)}.
   *
   * @param timestamp the recorded time, UTC epoch milliseconds
   * @param tolerance the largest accepted distance from the grid, truncated to milliseconds
   * @return the funding time, UTC epoch milliseconds
   * @throws IllegalArgumentException as {@link #nearestFundingTime(long, long)}
   * @throws NullPointerException if {@code tolerance} is null
   */
  public long nearestFundingTime(long timestamp, Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative() || tolerance.compareTo(interval().dividedBy(2)) >= 0) {
      throw new IllegalArgumentException(
          "tolerance must be in [0, "
              + interval().dividedBy(2)
              + ") (less than half the interval) but was "
              + tolerance);
    }
    return nearestFundingTime(timestamp, tolerance.toMillis());
  }

  @Override
  public String toString() {
    return "FundingSchedule[every " + intervalHours + "h from 00:00 UTC]";
  }
}

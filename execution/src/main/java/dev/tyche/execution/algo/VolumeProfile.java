package dev.tyche.execution.algo;

import dev.tyche.core.data.BarSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * An intraday volume profile: the expected fraction of a UTC day's volume traded in each bucket of
 * {@code bucketMillis}, as used by VWAP algorithms (Berkowitz, Logue and Noser 1988, "The total
 * cost of transactions on the NYSE", J. Finance 43(1), for the VWAP benchmark; Kakade, Kearns,
 * Mansour and Ortiz 2004, "Competitive algorithms for VWAP and limit order trading", for trading
 * along a historical profile).
 *
 * <p>{@link #learn} estimates it from historical bars: for each UTC day {@code d} with volume
 * {@code V_d > 0}, the share {@code v_{d,b} / V_d} of each bucket {@code b}; the profile is the
 * mean share over those days (each day weighs the same, so one heavy day does not dominate),
 * normalised to sum to 1 (days with missing bars make the raw means sum to less).
 *
 * <p>Immutable and thread-safe (the array is copied in and out).
 *
 * @param bucketMillis the bucket length, {@code > 0}, dividing a day
 * @param fractions one fraction per bucket of the day ({@code 86 400 000 / bucketMillis} of them),
 *     finite, {@code >= 0}, summing to 1 (within 1e-9)
 */
public record VolumeProfile(long bucketMillis, double[] fractions) {

  /** One UTC day in milliseconds. */
  public static final long DAY_MILLIS = 86_400_000L;

  // A profile that does not sum to 1 would silently scale every VWAP schedule.
  public VolumeProfile {
    Objects.requireNonNull(fractions, "fractions must not be null");
    if (bucketMillis <= 0 || DAY_MILLIS % bucketMillis != 0) {
      throw new IllegalArgumentException(
          "bucketMillis must be > 0 and divide a day (86400000 ms) but was " + bucketMillis);
    }
    if (fractions.length != DAY_MILLIS / bucketMillis) {
      throw new IllegalArgumentException(
          "fractions must hold "
              + DAY_MILLIS / bucketMillis
              + " buckets but held "
              + fractions.length);
    }
    double sum = 0;
    for (int b = 0; b < fractions.length; b++) {
      if (!(fractions[b] >= 0) || !Double.isFinite(fractions[b])) {
        throw new IllegalArgumentException(
            "fractions[" + b + "] must be finite and >= 0 but was " + fractions[b]);
      }
      sum += fractions[b];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("fractions must sum to 1 but sum to " + sum);
    }
    fractions = fractions.clone();
  }

  /**
   * Learns the profile from historical bars.
   *
   * @param bars the history; bar intervals must divide {@code bucketMillis}
   * @param bucketMillis the bucket length, dividing a day and a multiple of the bar interval
   * @return the profile
   * @throws IllegalArgumentException if the series is empty, a volume is negative or not finite, no
   *     day has volume, or the bucket does not fit the bars
   */
  public static VolumeProfile learn(BarSeries bars, long bucketMillis) {
    Objects.requireNonNull(bars, "bars must not be null");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("bars must not be empty");
    }
    if (bucketMillis <= 0
        || DAY_MILLIS % bucketMillis != 0
        || bucketMillis % bars.intervalMillis() != 0) {
      throw new IllegalArgumentException(
          "bucketMillis must divide a day and be a multiple of the bar interval "
              + bars.intervalMillis()
              + " ms but was "
              + bucketMillis);
    }
    int buckets = (int) (DAY_MILLIS / bucketMillis);
    double[] sumOfShares = new double[buckets];
    double[] day = new double[buckets];
    long currentDay = Long.MIN_VALUE;
    int days = 0;
    for (int i = 0; i <= bars.size(); i++) {
      long d = i < bars.size() ? Math.floorDiv(bars.openTime(i), DAY_MILLIS) : Long.MAX_VALUE;
      if (d != currentDay) {
        if (currentDay != Long.MIN_VALUE) {
          double total = Arrays.stream(day).sum();
          if (total > 0) {
            days++;
            for (int b = 0; b < buckets; b++) {
              sumOfShares[b] += day[b] / total;
            }
          }
          Arrays.fill(day, 0);
        }
        currentDay = d;
      }
      if (i == bars.size()) {
        break;
      }
      double v = bars.volume(i);
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "volume of bar "
                + i
                + " (line "
                + bars.lineNumber(i)
                + ") must be finite and >= 0"
                + " but was "
                + v);
      }
      int b = (int) (Math.floorMod(bars.openTime(i), DAY_MILLIS) / bucketMillis);
      day[b] += v;
    }
    if (days == 0) {
      throw new IllegalArgumentException("bars must hold at least one day with volume > 0");
    }
    double total = Arrays.stream(sumOfShares).sum();
    double[] f = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      f[b] = sumOfShares[b] / total;
    }
    return new VolumeProfile(bucketMillis, f);
  }

  /**
   * The profile's fractions.
   *
   * @return a copy, one per bucket of the day
   */
  @Override
  public double[] fractions() {
    return fractions.clone();
  }

  /**
   * The expected share of the day's volume in the bucket containing a time.
   *
   * @param timeMillis UTC epoch milliseconds
   * @return the bucket's fraction
   */
  public double fractionAt(long timeMillis) {
    return fractions[(int) (Math.floorMod(timeMillis, DAY_MILLIS) / bucketMillis)];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeProfile
        && ((VolumeProfile) o).bucketMillis == bucketMillis
        && Arrays.equals(((VolumeProfile) o).fractions, fractions);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(bucketMillis) + Arrays.hashCode(fractions);
  }

  @Override
  public String toString() {
    return "VolumeProfile[bucketMillis=" + bucketMillis + ", buckets=" + fractions.length + "]";
  }
}

package dev.tyche.core.data;

/**
 * Missing bars between two consecutive (in time) rows of a series.
 *
 * <p>Immutable and thread-safe.
 *
 * @param previousLine the 1-based source line of the row before the gap
 * @param previousOpenTime its open time, UTC epoch milliseconds
 * @param nextLine the 1-based source line of the row after the gap
 * @param nextOpenTime its open time, UTC epoch milliseconds
 * @param intervalMillis the bar length
 */
public record Gap(
    long previousLine,
    long previousOpenTime,
    long nextLine,
    long nextOpenTime,
    long intervalMillis) {

  // A gap must span at least two intervals and a whole number of them.
  public Gap {
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("intervalMillis must be > 0 but was " + intervalMillis);
    }
    long span = nextOpenTime - previousOpenTime;
    if (span < 2 * intervalMillis || span % intervalMillis != 0) {
      throw new IllegalArgumentException(
          "nextOpenTime - previousOpenTime must be a multiple >= 2 of "
              + intervalMillis
              + " but was "
              + span);
    }
  }

  /**
   * The number of missing bars.
   *
   * @return at least 1
   */
  public long missingBars() {
    return (nextOpenTime - previousOpenTime) / intervalMillis - 1;
  }

  /**
   * The open time of the first missing bar.
   *
   * @return UTC epoch milliseconds
   */
  public long firstMissingOpenTime() {
    return previousOpenTime + intervalMillis;
  }

  /**
   * The open time of the last missing bar.
   *
   * @return UTC epoch milliseconds
   */
  public long lastMissingOpenTime() {
    return nextOpenTime - intervalMillis;
  }

  /**
   * The open times of all missing bars.
   *
   * @return the times, ascending
   * @throws IllegalStateException if there are more than 10 million (ask for the range instead)
   */
  public long[] missingOpenTimes() {
    long n = missingBars();
    if (n > 10_000_000L) {
      throw new IllegalStateException(
          "gap of "
              + n
              + " bars is too long to list; use firstMissingOpenTime/lastMissingOpenTime");
    }
    long[] times = new long[(int) n];
    for (int i = 0; i < times.length; i++) {
      times[i] = previousOpenTime + (i + 1) * intervalMillis;
    }
    return times;
  }
}

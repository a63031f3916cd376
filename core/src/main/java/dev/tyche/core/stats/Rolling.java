package dev.tyche.core.stats;

import java.util.Objects;

/**
 * Rolling (moving-window) statistics over a whole array.
 *
 * <p><b>Alignment.</b> For input {@code x[0..n-1]} and window {@code w}, the output has length
 * {@code n} and {@code out[t]} is the statistic of {@code x[t-w+1..t]}: the window ends at (and
 * includes) {@code t}. The first {@code w - 1} entries, where the window is not yet full, are
 * {@link Double#NaN}. This is the layout of R TTR's {@code runMean}/{@code runSD} and pandas'
 * {@code rolling(w)}.
 *
 * <p>Sum, mean and standard deviation run through {@link RollingWindow}, which updates its moments
 * in {@code O(1)} per step and recomputes them exactly from the window every {@code w} steps (and
 * when a sliding update cancels the variance), so rounding error cannot accumulate; for ordinary
 * data that is {@code O(n)} in total. Minimum and maximum use the ascending-minima deque (each
 * index enters and leaves the deque once), {@code O(n)}.
 *
 * <p>The window must satisfy {@code 1 <= w <= n} ({@code 2 <= w} for the sample standard
 * deviation); values must be finite. Violations throw {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rolling {

  private Rolling() {}

  /**
   * Rolling sum over windows of {@code w} values.
   *
   * @param x the values, all finite
   * @param w the window length, {@code 1 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] sum(double[] x, int w) {
    return run(x, w, 1, Stat.SUM);
  }

  /**
   * Rolling arithmetic mean over windows of {@code w} values (simple moving average).
   *
   * @param x the values, all finite
   * @param w the window length, {@code 1 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] mean(double[] x, int w) {
    return run(x, w, 1, Stat.MEAN);
  }

  /**
   * Rolling sample standard deviation (divisor {@code w - 1}) over windows of {@code w} values.
   *
   * @param x the values, all finite
   * @param w the window length, {@code 2 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] sampleStandardDeviation(double[] x, int w) {
    return run(x, w, 2, Stat.SAMPLE_SD);
  }

  /**
   * Rolling population standard deviation (divisor {@code w}) over windows of {@code w} values, as
   * used by Bollinger bands.
   *
   * @param x the values, all finite
   * @param w the window length, {@code 1 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] populationStandardDeviation(double[] x, int w) {
    return run(x, w, 1, Stat.POPULATION_SD);
  }

  /**
   * Rolling minimum over windows of {@code w} values.
   *
   * @param x the values, all finite
   * @param w the window length, {@code 1 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] min(double[] x, int w) {
    return extreme(x, w, true);
  }

  /**
   * Rolling maximum over windows of {@code w} values.
   *
   * @param x the values, all finite
   * @param w the window length, {@code 1 <= w <= x.length}
   * @return {@code x.length} values, the first {@code w - 1} NaN
   * @throws IllegalArgumentException on a bad window or a NaN or infinite value
   */
  public static double[] max(double[] x, int w) {
    return extreme(x, w, false);
  }

  private enum Stat {
    SUM,
    MEAN,
    SAMPLE_SD,
    POPULATION_SD
  }

  private static double[] run(double[] x, int w, int minWindow, Stat stat) {
    check(x, w, minWindow);
    RollingWindow window = new RollingWindow(w);
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      window.add(x[t]);
      if (!window.isReady()) {
        out[t] = Double.NaN;
        continue;
      }
      switch (stat) {
        case SUM:
          out[t] = window.sum();
          break;
        case MEAN:
          out[t] = window.mean();
          break;
        case SAMPLE_SD:
          out[t] = window.sampleStandardDeviation();
          break;
        default:
          out[t] = window.populationStandardDeviation();
          break;
      }
    }
    return out;
  }

  private static double[] extreme(double[] x, int w, boolean minimum) {
    check(x, w, 1);
    int n = x.length;
    double[] out = new double[n];
    // Deque of indices whose values are strictly monotone: candidates for the window extreme.
    int[] deque = new int[n];
    int first = 0;
    int last = 0;
    for (int t = 0; t < n; t++) {
      while (last > first && dominates(x[t], x[deque[last - 1]], minimum)) {
        last--;
      }
      deque[last++] = t;
      if (deque[first] <= t - w) {
        first++;
      }
      out[t] = t >= w - 1 ? x[deque[first]] : Double.NaN;
    }
    return out;
  }

  private static boolean dominates(double candidate, double held, boolean minimum) {
    return minimum ? candidate <= held : candidate >= held;
  }

  private static void check(double[] x, int w, int minWindow) {
    Objects.requireNonNull(x, "x");
    if (w < minWindow || w > x.length) {
      throw new IllegalArgumentException(
          "w must be in [" + minWindow + ", x.length = " + x.length + "] but was " + w);
    }
    Checks.finite(x, "x", 1);
  }
}

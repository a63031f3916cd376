package dev.tyche.backtest.walkforward;

import dev.tyche.core.stats.PerformanceMetrics;
import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.core.stats.Returns;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of a walk-forward analysis: one {@link WindowResult} per window and the out-of-sample
 * (OOS) returns of all test windows stitched in time order.
 *
 * <p>The stitched series holds, for every window in order, the returns its chosen parameters earned
 * on its test periods, so {@code oosPeriods} is exactly the concatenation of the test ranges. It is
 * the track record a trader following the walk-forward procedure would have had.
 *
 * <p>Immutable and thread-safe (arrays are copied out).
 *
 * @param windows the per-window results, in time order, at least one
 * @param oosPeriods the period index of each stitched OOS return, strictly increasing
 * @param oosTimestamps the timestamp of each stitched OOS return (the period index itself when the
 *     analysis ran on an index range), strictly increasing
 * @param oosReturns the stitched OOS returns
 * @param oosScore the objective on {@code oosReturns}, possibly NaN
 */
public record WalkForwardResult(
    List<WindowResult> windows,
    int[] oosPeriods,
    long[] oosTimestamps,
    double[] oosReturns,
    double oosScore) {

  /** Validates the lengths and copies the arrays. */
  public WalkForwardResult {
    windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
    oosPeriods = Objects.requireNonNull(oosPeriods, "oosPeriods").clone();
    oosTimestamps = Objects.requireNonNull(oosTimestamps, "oosTimestamps").clone();
    oosReturns = Objects.requireNonNull(oosReturns, "oosReturns").clone();
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("windows must be non-empty");
    }
    if (oosPeriods.length != oosReturns.length || oosTimestamps.length != oosReturns.length) {
      throw new IllegalArgumentException(
          "oosPeriods, oosTimestamps and oosReturns must have equal lengths but had "
              + oosPeriods.length
              + ", "
              + oosTimestamps.length
              + " and "
              + oosReturns.length);
    }
  }

  /**
   * The period indices of the stitched OOS returns (a copy).
   *
   * @return the indices
   */
  @Override
  public int[] oosPeriods() {
    return oosPeriods.clone();
  }

  /**
   * The timestamps of the stitched OOS returns (a copy).
   *
   * @return the timestamps
   */
  @Override
  public long[] oosTimestamps() {
    return oosTimestamps.clone();
  }

  /**
   * The stitched OOS returns (a copy).
   *
   * @return the returns
   */
  @Override
  public double[] oosReturns() {
    return oosReturns.clone();
  }

  /**
   * The OOS equity curve compounded from 1: {@code E_0 = 1, E_t = E_{t-1} (1 + r_t)} ({@link
   * Returns#equityFromSimple}).
   *
   * @return {@code oosReturns.length + 1} equity values
   */
  public double[] oosEquity() {
    return Returns.equityFromSimple(oosReturns, 1.0);
  }

  /**
   * All {@link PerformanceMetrics} of the OOS equity curve.
   *
   * @param periodsPerYear periods per year for annualising, finite and {@code > 0}
   * @param rfPerPeriod risk-free return per period, finite
   * @param mar minimum acceptable return per period, finite
   * @return the summary
   * @throws IllegalArgumentException if there are fewer than 2 OOS returns or an argument is bad
   */
  public PerformanceSummary oosSummary(double periodsPerYear, double rfPerPeriod, double mar) {
    return PerformanceMetrics.summarize(oosEquity(), periodsPerYear, rfPerPeriod, mar);
  }

  /**
   * Mean of the per-window in-sample scores, ignoring NaN.
   *
   * @return the mean, or NaN if every score is NaN
   */
  public double meanInSampleScore() {
    return meanIgnoringNaN(windows.stream().mapToDouble(WindowResult::inSampleScore).toArray());
  }

  /**
   * Mean of the per-window out-of-sample scores, ignoring NaN.
   *
   * @return the mean, or NaN if every score is NaN
   */
  public double meanOutOfSampleScore() {
    return meanIgnoringNaN(windows.stream().mapToDouble(WindowResult::outOfSampleScore).toArray());
  }

  private static double meanIgnoringNaN(double[] x) {
    double s = 0.0;
    int n = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WalkForwardResult r
        && windows.equals(r.windows)
        && Arrays.equals(oosPeriods, r.oosPeriods)
        && Arrays.equals(oosTimestamps, r.oosTimestamps)
        && Arrays.equals(oosReturns, r.oosReturns)
        && Double.compare(oosScore, r.oosScore) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        windows,
        Arrays.hashCode(oosPeriods),
        Arrays.hashCode(oosTimestamps),
        Arrays.hashCode(oosReturns),
        oosScore);
  }

  @Override
  public String toString() {
    return "WalkForwardResult["
        + windows.size()
        + " windows, "
        + oosReturns.length
        + " OOS periods, oosScore="
        + oosScore
        + "]";
  }
}

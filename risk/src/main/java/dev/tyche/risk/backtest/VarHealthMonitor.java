package dev.tyche.risk.backtest;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A streaming health check of a VaR model: fed one (realised return, VaR forecast) pair per period,
 * it keeps the exceedance indicators of the last {@code window} periods and classifies them with
 * the tests of {@link VarBacktests} at a fixed significance.
 *
 * <p>The exceedance count and the four Christoffersen transition counts of the window are updated
 * incrementally (the transition that leaves with the oldest period is subtracted), so {@link
 * #update(double, double)} and {@link #status()} run in constant time and allocate nothing. The
 * tests compare each statistic with its chi-square critical value, computed once: {@code chi2_1} as
 * the square of the standard normal {@code 1 - s/2} quantile and {@code chi2_2} as {@code -2 ln s},
 * so a test rejects exactly when its p-value is below the significance {@code s}.
 *
 * <p>Classification, in order: window not yet full: {@link CoverageStatus#WARMING_UP}; Kupiec
 * rejects: {@link CoverageStatus#TOO_MANY} or {@link CoverageStatus#TOO_FEW} by the observed rate;
 * Christoffersen independence or conditional coverage rejects: {@link CoverageStatus#CLUSTERED};
 * otherwise {@link CoverageStatus#OK}. Remember that with small windows and small {@code p} the
 * asymptotic tests have little power (250 days at 99 % expect 2.5 exceedances).
 *
 * <p>Mutable; confined to one thread.
 */
public final class VarHealthMonitor {

  private final int window;
  private final double expectedRate;
  private final double significance;
  private final double critical1;
  private final double critical2;
  private final boolean[] ring;
  private int head;
  private int size;
  private int exceedanceCount;
  private final int[] transitions = new int[4];
  private boolean last;
  private long updates;

  /**
   * Creates a monitor.
   *
   * @param window the number of most recent periods tested, {@code >= 2}
   * @param expectedRate the expected exceedance rate {@code p = 1 - a} of the VaR, in (0, 1)
   * @param significance the size of each test, in (0, 1), e.g. 0.05
   */
  public VarHealthMonitor(int window, double expectedRate, double significance) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2 but was " + window);
    }
    this.window = window;
    this.expectedRate = Checks.probability("expectedRate", expectedRate);
    this.significance = Checks.probability("significance", significance);
    double q =
        new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - significance / 2);
    this.critical1 = q * q;
    this.critical2 = -2.0 * Math.log(significance);
    this.ring = new boolean[window];
  }

  /**
   * Records one period and returns the status of the updated window.
   *
   * @param realisedReturn the realised simple return of the period, finite
   * @param varForecast the VaR that was forecast for the period (positive = loss), finite
   * @return the status after this period, as {@link #status()}
   * @throws IllegalArgumentException if either value is not finite; the monitor is then unchanged
   */
  public CoverageStatus update(double realisedReturn, double varForecast) {
    boolean e = VarBacktests.isExceedance(realisedReturn, varForecast, updates);
    if (size == window) {
      boolean oldest = ring[head];
      boolean second = ring[(head + 1) % window];
      transitions[index(oldest, second)]--;
      exceedanceCount -= oldest ? 1 : 0;
      ring[head] = e;
      head = (head + 1) % window;
    } else {
      ring[(head + size) % window] = e;
      size++;
    }
    if (updates > 0) {
      transitions[index(last, e)]++;
    }
    exceedanceCount += e ? 1 : 0;
    last = e;
    updates++;
    return status();
  }

  /**
   * The status of the current window; see the class description.
   *
   * @return the coverage status
   */
  public CoverageStatus status() {
    if (size < window) {
      return CoverageStatus.WARMING_UP;
    }
    double pof = VarBacktests.lrPof(size, exceedanceCount, expectedRate);
    if (pof > critical1) {
      return exceedanceCount > expectedRate * size
          ? CoverageStatus.TOO_MANY
          : CoverageStatus.TOO_FEW;
    }
    double ind = VarBacktests.lrInd(transitions[0], transitions[1], transitions[2], transitions[3]);
    if (ind > critical1 || pof + ind > critical2) {
      return CoverageStatus.CLUSTERED;
    }
    return CoverageStatus.OK;
  }

  /**
   * The full test results for the current window (allocates; for reporting, not the hot path).
   *
   * @return Kupiec, Christoffersen and conditional coverage on the window
   * @throws IllegalStateException if fewer than two periods have been recorded
   */
  public ConditionalCoverageResult testResults() {
    if (size < 2) {
      throw new IllegalStateException(
          "testResults needs at least 2 recorded periods but had " + size);
    }
    double pofLr = VarBacktests.lrPof(size, exceedanceCount, expectedRate);
    KupiecResult pof =
        new KupiecResult(
            size, exceedanceCount, expectedRate, pofLr, VarBacktests.chiSquareUpperTail(pofLr, 1));
    ChristoffersenResult ind =
        VarBacktests.christoffersen(transitions[0], transitions[1], transitions[2], transitions[3]);
    double lr = pof.lr() + ind.lr();
    return new ConditionalCoverageResult(pof, ind, lr, VarBacktests.chiSquareUpperTail(lr, 2));
  }

  /**
   * The exceedance indicators currently in the window, oldest first (allocates).
   *
   * @return a new array of {@link #size()} indicators
   */
  public boolean[] windowExceedances() {
    boolean[] out = new boolean[size];
    for (int i = 0; i < size; i++) {
      out[i] = ring[(head + i) % window];
    }
    return out;
  }

  /**
   * The number of periods in the window, at most {@link #window()}.
   *
   * @return the current window size
   */
  public int size() {
    return size;
  }

  /**
   * The configured window length.
   *
   * @return the maximum number of periods tested
   */
  public int window() {
    return window;
  }

  /**
   * The number of exceedances in the window.
   *
   * @return the exceedance count {@code x}
   */
  public int exceedances() {
    return exceedanceCount;
  }

  /**
   * The number of periods recorded since construction, including those that left the window.
   *
   * @return the total number of updates
   */
  public long updates() {
    return updates;
  }

  /**
   * The significance used by {@link #status()}.
   *
   * @return the test size
   */
  public double significance() {
    return significance;
  }

  private static int index(boolean from, boolean to) {
    return (from ? 2 : 0) + (to ? 1 : 0);
  }
}

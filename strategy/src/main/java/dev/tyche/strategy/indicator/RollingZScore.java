package dev.tyche.strategy.indicator;

import dev.tyche.core.stats.RollingWindow;

/**
 * Rolling z-score of the latest value against its window: {@code z_t = (x_t - mean) / sd} over the
 * last {@code n} values including {@code x_t}, with the <b>population</b> standard deviation
 * (divisor {@code n}, the same as {@link BollingerBands}, so {@code z = k (2 %B - 1)}). Defined as
 * 0 when {@code sd = 0} (a flat window).
 *
 * <p>Warm-up: {@code n} updates. Units: standard deviations. The window is a {@link RollingWindow}
 * (compensated sums, amortised {@code O(1)}, exact zero variance for equal values); no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingZScore implements Indicator {

  private final RollingWindow window;
  private double last;

  /**
   * Creates the indicator.
   *
   * @param period the window length {@code n}, {@code >= 2}
   * @throws IllegalArgumentException if {@code period < 2}
   */
  public RollingZScore(int period) {
    window = new RollingWindow(Checks.period("period", period, 2));
  }

  @Override
  public void update(double x) {
    window.add(Checks.finite("x", x));
    last = x;
  }

  @Override
  public int warmUpPeriod() {
    return window.capacity();
  }

  @Override
  public boolean isReady() {
    return window.isReady();
  }

  @Override
  public double value() {
    if (!window.isReady()) {
      return Double.NaN;
    }
    double sd = window.populationStandardDeviation();
    return sd > 0.0 ? (last - window.mean()) / sd : 0.0;
  }
}

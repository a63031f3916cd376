package dev.tyche.strategy.indicator;

import dev.tyche.core.stats.RollingWindow;

/**
 * Rolling (close-to-close) volatility: the sample standard deviation (divisor {@code n - 1}) of the
 * last {@code n} log returns {@code r_t = ln(x_t / x_{t-1})}, scaled by {@code
 * sqrt(periodsPerYear)} (pass 1 for per-period volatility, 365 for daily crypto bars, 252 for daily
 * equity bars).
 *
 * <p>Warm-up: {@code n + 1} prices. Units: log-return per {@code 1/periodsPerYear} of a year, as a
 * fraction (0.6 = 60 % annualised). The returns are kept in a {@link RollingWindow} (amortised
 * {@code O(1)}); no allocation. Inputs must be positive prices.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingVolatility implements Indicator {

  private final RollingWindow returns;
  private final double scale;
  private double previous;
  private boolean started;

  /**
   * Creates the estimator.
   *
   * @param period the number of returns {@code n}, {@code >= 2}
   * @param periodsPerYear the annualisation factor, finite and {@code > 0} (1 for none)
   * @throws IllegalArgumentException if {@code period < 2} or {@code periodsPerYear} is not
   *     positive
   */
  public RollingVolatility(int period, double periodsPerYear) {
    returns = new RollingWindow(Checks.period("period", period, 2));
    scale = Math.sqrt(Checks.positive("periodsPerYear", periodsPerYear));
  }

  /**
   * Feeds the next price.
   *
   * @param x the price, finite and {@code > 0}
   * @throws IllegalArgumentException if {@code x} is not finite and positive
   */
  @Override
  public void update(double x) {
    Checks.positive("x", x);
    if (started) {
      returns.add(Math.log(x / previous));
    }
    started = true;
    previous = x;
  }

  @Override
  public int warmUpPeriod() {
    return returns.capacity() + 1;
  }

  @Override
  public boolean isReady() {
    return returns.isReady();
  }

  @Override
  public double value() {
    return returns.isReady() ? returns.sampleStandardDeviation() * scale : Double.NaN;
  }
}

package dev.tyche.strategy.indicator;

/**
 * Simple moving average: {@code SMA_t = (x_{t-n+1} + ... + x_t) / n}.
 *
 * <p>Warm-up: {@code n} updates. Units: those of the input. A running sum over a ring buffer makes
 * an update amortised {@code O(1)}; the sum is recomputed from the buffer once per window so
 * rounding error stays bounded. No allocation per update.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Sma implements Indicator {

  private final int period;
  private final RollingSum sum;

  /**
   * Creates the average.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Sma(int period) {
    this.period = Checks.period("period", period, 1);
    this.sum = new RollingSum(period);
  }

  @Override
  public void update(double x) {
    sum.add(Checks.finite("x", x));
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return sum.isFull();
  }

  @Override
  public double value() {
    return sum.isFull() ? sum.sum() / period : Double.NaN;
  }
}

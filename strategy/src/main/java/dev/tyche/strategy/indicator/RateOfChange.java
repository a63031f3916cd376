package dev.tyche.strategy.indicator;

/**
 * Rate of change over {@code n} updates, as TTR's {@code ROC(x, n, type = "discrete")}: {@code
 * ROC_t = x_t / x_{t-n} - 1}, a simple return (multiply by 100 for percent). Inputs must be
 * positive prices.
 *
 * <p>Warm-up: {@code n + 1} updates. Units: fraction. {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RateOfChange implements Indicator {

  private final RingBuffer ring;
  private double value;
  private boolean ready;

  /**
   * Creates the indicator.
   *
   * @param period the lag {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public RateOfChange(int period) {
    ring = new RingBuffer(Checks.period("period", period, 1));
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
    if (ring.isFull()) {
      value = x / ring.oldest() - 1.0;
      ready = true;
    }
    ring.push(x);
  }

  @Override
  public int warmUpPeriod() {
    return ring.capacity() + 1;
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  @Override
  public double value() {
    return ready ? value : Double.NaN;
  }
}

package dev.tyche.strategy.indicator;

/**
 * Momentum over {@code n} updates, as TTR's {@code momentum(x, n)}: {@code M_t = x_t - x_{t-n}}.
 *
 * <p>Warm-up: {@code n + 1} updates. Units: those of the input. {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Momentum implements Indicator {

  private final RingBuffer ring;
  private double value;
  private boolean ready;

  /**
   * Creates the indicator.
   *
   * @param period the lag {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Momentum(int period) {
    ring = new RingBuffer(Checks.period("period", period, 1));
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    if (ring.isFull()) {
      value = x - ring.oldest();
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

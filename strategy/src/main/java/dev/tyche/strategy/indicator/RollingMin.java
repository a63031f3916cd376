package dev.tyche.strategy.indicator;

/**
 * Rolling minimum: the smallest of the last {@code n} values (current value included).
 *
 * <p>Warm-up: {@code n} updates. Units: those of the input. A monotonic deque over primitive ring
 * arrays keeps the candidates in order, so an update is amortised {@code O(1)} (each value enters
 * and leaves the deque once) and allocates nothing.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingMin implements Indicator {

  private final int period;
  private final MonotonicDeque deque;

  /**
   * Creates the indicator.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public RollingMin(int period) {
    this.period = Checks.period("period", period, 1);
    deque = new MonotonicDeque(period, false);
  }

  @Override
  public void update(double x) {
    deque.add(Checks.finite("x", x));
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return deque.count() >= period;
  }

  @Override
  public double value() {
    return isReady() ? deque.extreme() : Double.NaN;
  }
}

package dev.tyche.strategy.indicator;

/**
 * Slope of the least-squares line through the last {@code n} values against their position {@code i
 * = 0..n-1} (oldest first): {@code b = (n sum(i y_i) - sum(i) sum(y_i)) / (n sum(i^2) - sum(i)^2)},
 * the ordinary least-squares estimate.
 *
 * <p>Warm-up: {@code n} updates. Units: input units per update (per bar). The sums {@code sum(y)}
 * and {@code sum(i y)} slide in {@code O(1)} ({@code T' = T - (S - y_old) + (n - 1) y_new}, {@code
 * S' = S - y_old + y_new}) and are recomputed from the window once per window to bound rounding
 * drift; no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class LinearRegressionSlope implements Indicator {

  private final int period;
  private final RingBuffer ring;
  private final double sumI;
  private final double denominator;
  private double sumY;
  private double sumIy;
  private int sinceRefresh;

  /**
   * Creates the indicator.
   *
   * @param period the window length {@code n}, {@code >= 2}
   * @throws IllegalArgumentException if {@code period < 2}
   */
  public LinearRegressionSlope(int period) {
    this.period = Checks.period("period", period, 2);
    ring = new RingBuffer(period);
    double n = period;
    sumI = n * (n - 1.0) / 2.0;
    double sumI2 = (n - 1.0) * n * (2.0 * n - 1.0) / 6.0;
    denominator = n * sumI2 - sumI * sumI;
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    if (!ring.isFull()) {
      sumIy += ring.size() * x;
      sumY += x;
      ring.push(x);
      return;
    }
    double old = ring.push(x);
    if (++sinceRefresh >= period) {
      sinceRefresh = 0;
      double s = 0.0;
      double t = 0.0;
      for (int i = 0; i < period; i++) {
        double v = ring.get(i);
        s += v;
        t += i * v;
      }
      sumY = s;
      sumIy = t;
    } else {
      // Every remaining value moves one position down (index i -> i - 1), which removes the old
      // sum without the evicted value; the oldest value had index 0 and weight 0.
      sumIy += (period - 1) * x - (sumY - old);
      sumY += x - old;
    }
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return ring.isFull();
  }

  @Override
  public double value() {
    return ring.isFull() ? (period * sumIy - sumI * sumY) / denominator : Double.NaN;
  }
}

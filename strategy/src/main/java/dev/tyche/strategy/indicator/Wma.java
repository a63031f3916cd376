package dev.tyche.strategy.indicator;

/**
 * Linearly weighted moving average: {@code WMA_t = sum_{i=1..n} i x_{t-n+i} / (n(n+1)/2)}, the
 * newest value having weight {@code n} (TTR's {@code WMA} with default weights).
 *
 * <p>Warm-up: {@code n} updates. Units: those of the input. The weighted sum slides in {@code
 * O(1)}: {@code N' = N - S + n x_new}, where {@code S} is the plain sum of the window before the
 * slide; both sums are recomputed from the buffer once per window to bound rounding drift. No
 * allocation per update.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Wma implements Indicator {

  private final int period;
  private final RingBuffer ring;
  private final double denominator;
  private double sum;
  private double weighted;
  private int sinceRefresh;

  /**
   * Creates the average.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Wma(int period) {
    this.period = Checks.period("period", period, 1);
    this.ring = new RingBuffer(period);
    this.denominator = period * (period + 1.0) / 2.0;
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    if (!ring.isFull()) {
      ring.push(x);
      sum += x;
      weighted += ring.size() * x;
      return;
    }
    double old = ring.push(x);
    if (++sinceRefresh >= period) {
      sinceRefresh = 0;
      double s = 0.0;
      double w = 0.0;
      for (int i = 0; i < period; i++) {
        double v = ring.get(i);
        s += v;
        w += (i + 1) * v;
      }
      sum = s;
      weighted = w;
    } else {
      weighted += period * x - sum;
      sum += x - old;
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
    return ring.isFull() ? weighted / denominator : Double.NaN;
  }
}

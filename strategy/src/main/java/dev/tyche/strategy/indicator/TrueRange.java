package dev.tyche.strategy.indicator;

/**
 * Wilder's true range (J. W. Wilder, "New Concepts in Technical Trading Systems", 1978): {@code
 * TR_t = max(H_t, C_{t-1}) - min(L_t, C_{t-1})}, the bar's range extended to the previous close.
 * {@link #trueHigh()} and {@link #trueLow()} are the two extended ends, as TTR's {@code ATR}
 * reports them.
 *
 * <p>Warm-up: 2 updates. As in TTR, the first bar has no true range because it has no previous
 * close (some libraries use {@code H_0 - L_0} there). Units: price. Volume is ignored. {@code
 * O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class TrueRange implements BarIndicator {

  private double previousClose;
  private boolean started;
  private boolean ready;
  private double trueHigh;
  private double trueLow;

  /** Creates the indicator. */
  public TrueRange() {
    // Stateless until the first bar.
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    if (started) {
      trueHigh = Math.max(high, previousClose);
      trueLow = Math.min(low, previousClose);
      ready = true;
    }
    started = true;
    previousClose = close;
  }

  /**
   * {@code max(H_t, C_{t-1})}.
   *
   * @return the true high, or NaN before the second bar
   */
  public double trueHigh() {
    return ready ? trueHigh : Double.NaN;
  }

  /**
   * {@code min(L_t, C_{t-1})}.
   *
   * @return the true low, or NaN before the second bar
   */
  public double trueLow() {
    return ready ? trueLow : Double.NaN;
  }

  @Override
  public int warmUpPeriod() {
    return 2;
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  @Override
  public double value() {
    return ready ? trueHigh - trueLow : Double.NaN;
  }
}

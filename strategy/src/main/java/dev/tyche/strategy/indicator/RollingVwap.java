package dev.tyche.strategy.indicator;

/**
 * Rolling volume-weighted average price over the last {@code n} bars: {@code VWAP_t = sum(TP_i V_i)
 * / sum(V_i)} with the typical price {@code TP = (H + L + C)/3} standing in for the bar's unknown
 * traded prices. When every volume in the window is zero the plain mean of the typical prices is
 * returned (each bar weighted equally) instead of {@code 0/0}.
 *
 * <p>Warm-up: {@code n} updates. Units: price. Running sums make an update amortised {@code O(1)}
 * (recomputed from the window once per window); a count of non-zero volumes makes the zero-volume
 * test exact. No allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingVwap implements BarIndicator {

  private final int period;
  private final RollingSum priceVolume;
  private final RollingSum volume;
  private final RollingSum price;
  private final RingBuffer nonZero;
  private int nonZeroCount;

  /**
   * Creates the average.
   *
   * @param period the window length {@code n} in bars, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public RollingVwap(int period) {
    this.period = Checks.period("period", period, 1);
    priceVolume = new RollingSum(period);
    volume = new RollingSum(period);
    price = new RollingSum(period);
    nonZero = new RingBuffer(period);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    Checks.volume(volume);
    double tp = (high + low + close) / 3.0;
    priceVolume.add(tp * volume);
    this.volume.add(volume);
    price.add(tp);
    double flag = volume > 0.0 ? 1.0 : 0.0;
    boolean full = nonZero.isFull();
    double old = nonZero.push(flag);
    nonZeroCount += (int) flag - (full ? (int) old : 0);
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return price.isFull();
  }

  @Override
  public double value() {
    if (!price.isFull()) {
      return Double.NaN;
    }
    return nonZeroCount > 0 ? priceVolume.sum() / volume.sum() : price.sum() / period;
  }
}

package dev.tyche.strategy.indicator;

/**
 * Williams %R (L. Williams, "How I Made One Million Dollars Last Year Trading Commodities", 1973):
 * {@code %R = -100 (HH - C_t) / (HH - LL)} over the last {@code n} bars (current bar included);
 * {@code -50} when {@code HH = LL}. It equals {@code %K - 100} of the {@link Stochastic} with the
 * same look-back.
 *
 * <p>Warm-up: {@code n} updates. Units: percent, {@code [-100, 0]} when the close lies within the
 * bar. Volume is ignored. Amortised {@code O(1)} by monotonic deques; no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class WilliamsR implements BarIndicator {

  private final int period;
  private final MonotonicDeque highs;
  private final MonotonicDeque lows;
  private double value;

  /**
   * Creates the indicator.
   *
   * @param period the look-back {@code n}, {@code >= 1} (14 by convention)
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public WilliamsR(int period) {
    this.period = Checks.period("period", period, 1);
    highs = new MonotonicDeque(period, true);
    lows = new MonotonicDeque(period, false);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    highs.add(high);
    lows.add(low);
    double hh = highs.extreme();
    double ll = lows.extreme();
    value = hh > ll ? -100.0 * (hh - close) / (hh - ll) : -50.0;
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return highs.count() >= period;
  }

  @Override
  public double value() {
    return isReady() ? value : Double.NaN;
  }
}

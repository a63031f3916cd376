package dev.tyche.strategy.indicator;

/**
 * Lane's stochastic oscillator (G. C. Lane, "Lane's Stochastics", Technical Analysis of Stocks and
 * Commodities 2(3), 1984): the close's position in the recent high-low range.
 *
 * <p>Formula: {@code %K = 100 (C_t - LL) / (HH - LL)} with {@code HH = max(H_{t-n+1}..H_t)} and
 * {@code LL = min(L_{t-n+1}..L_t)} (current bar included); {@code %K = 50} when {@code HH = LL} (a
 * flat window; TTR returns NaN there). {@code %D = SMA_d(%K)}. Apply a further SMA to {@code %D}
 * for Lane's "slow" line. TTR's {@code stoch} reports fractions in {@code [0, 1]}; here the units
 * are percent ({@code [0, 100]} when the close lies within the bar).
 *
 * <p>Warm-up: {@code %K} ({@link #value()}) after {@code n} updates; {@code %D} after {@link
 * #dWarmUpPeriod()} {@code = n + d - 1}. Volume is ignored. Amortised {@code O(1)} by monotonic
 * deques; no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Stochastic implements BarIndicator {

  private final int kPeriod;
  private final MonotonicDeque highs;
  private final MonotonicDeque lows;
  private final Sma d;
  private double k;

  /**
   * Creates the oscillator.
   *
   * @param kPeriod the look-back {@code n} of %K, {@code >= 1} (14 by convention)
   * @param dPeriod the SMA length {@code d} of %D, {@code >= 1} (3 by convention)
   * @throws IllegalArgumentException if a period is {@code < 1}
   */
  public Stochastic(int kPeriod, int dPeriod) {
    this.kPeriod = Checks.period("kPeriod", kPeriod, 1);
    Checks.period("dPeriod", dPeriod, 1);
    highs = new MonotonicDeque(kPeriod, true);
    lows = new MonotonicDeque(kPeriod, false);
    d = new Sma(dPeriod);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    highs.add(high);
    lows.add(low);
    if (highs.count() >= kPeriod) {
      double hh = highs.extreme();
      double ll = lows.extreme();
      k = hh > ll ? 100.0 * (close - ll) / (hh - ll) : 50.0;
      d.update(k);
    }
  }

  /**
   * {@code %K}.
   *
   * @return %K in percent, or NaN while not ready
   */
  public double k() {
    return isReady() ? k : Double.NaN;
  }

  /**
   * {@code %D}, the SMA of %K.
   *
   * @return %D in percent, or NaN before {@link #dWarmUpPeriod()} updates
   */
  public double d() {
    return d.value();
  }

  /**
   * Updates needed before %D is defined: {@code n + d - 1}.
   *
   * @return the %D warm-up
   */
  public int dWarmUpPeriod() {
    return kPeriod + d.warmUpPeriod() - 1;
  }

  @Override
  public int warmUpPeriod() {
    return kPeriod;
  }

  @Override
  public boolean isReady() {
    return highs.count() >= kPeriod;
  }

  /**
   * {@code %K}.
   *
   * @return {@link #k()}
   */
  @Override
  public double value() {
    return k();
  }
}

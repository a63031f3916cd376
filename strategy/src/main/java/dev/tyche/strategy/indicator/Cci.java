package dev.tyche.strategy.indicator;

/**
 * Commodity channel index (D. R. Lambert, "Commodity Channel Index: Tools for Trading Cyclic
 * Trends", Commodities (now Futures) magazine, October 1980), as TTR's {@code CCI(HLC, n, c)}.
 *
 * <p>Formula: typical price {@code TP_t = (H_t + L_t + C_t)/3}; {@code m = SMA_n(TP)}; mean
 * deviation {@code MD = (1/n) sum |TP_i - m|} over the same window; {@code CCI = (TP_t - m) / (c
 * MD)} with Lambert's constant {@code c = 0.015}. Defined as 0 when {@code MD = 0} (a flat window);
 * a mean deviation below {@code 1e-12 |m|}, which is rounding noise of the window mean, counts as
 * 0.
 *
 * <p>Warm-up: {@code n} updates. Units: dimensionless (roughly 70-80 % of values fall within +/-100
 * by Lambert's choice of {@code c}). The mean deviation must revisit the whole window after each
 * update because the mean moves, so an update is {@code O(n)}; it allocates nothing. Volume is
 * ignored.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Cci implements BarIndicator {

  private final int period;
  private final double constant;
  private final RollingSum window;
  private double value;

  /**
   * Creates the index with Lambert's constant 0.015.
   *
   * @param period the window length {@code n}, {@code >= 1} (20 by convention)
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Cci(int period) {
    this(period, 0.015);
  }

  /**
   * Creates the index.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @param constant the scaling constant {@code c}, finite and {@code > 0}
   * @throws IllegalArgumentException if {@code period < 1} or {@code constant} is not positive
   */
  public Cci(int period, double constant) {
    this.period = Checks.period("period", period, 1);
    this.constant = Checks.positive("constant", constant);
    this.window = new RollingSum(period);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    double tp = (high + low + close) / 3.0;
    window.add(tp);
    if (window.isFull()) {
      double mean = window.sum() / period;
      double dev = 0.0;
      for (int i = 0; i < period; i++) {
        dev += Math.abs(window.get(i) - mean);
      }
      dev /= period;
      value = dev > 1e-12 * Math.abs(mean) ? (tp - mean) / (constant * dev) : 0.0;
    }
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  @Override
  public double value() {
    return window.isFull() ? value : Double.NaN;
  }
}

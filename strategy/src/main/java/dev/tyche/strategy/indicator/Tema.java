package dev.tyche.strategy.indicator;

/**
 * Triple exponential moving average (P. G. Mulloy, "Smoothing Data with Less Lag", Technical
 * Analysis of Stocks and Commodities 12(2), 1994): {@code TEMA = 3 E1 - 3 E2 + E3} with {@code E1 =
 * EMA(x)}, {@code E2 = EMA(E1)}, {@code E3 = EMA(E2)}, each with period {@code n}, {@code alpha =
 * 2/(n+1)} and SMA seeding; each EMA is fed only once the one before it is defined.
 *
 * <p>Warm-up: {@code 3n - 2} updates. Units: those of the input. {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Tema implements Indicator {

  private final Ema e1;
  private final Ema e2;
  private final Ema e3;

  /**
   * Creates the average.
   *
   * @param period the EMA period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Tema(int period) {
    Checks.period("period", period, 1);
    e1 = new Ema(period);
    e2 = new Ema(period);
    e3 = new Ema(period);
  }

  @Override
  public void update(double x) {
    e1.update(x);
    if (e1.isReady()) {
      e2.update(e1.value());
      if (e2.isReady()) {
        e3.update(e2.value());
      }
    }
  }

  @Override
  public int warmUpPeriod() {
    return 3 * e1.warmUpPeriod() - 2;
  }

  @Override
  public boolean isReady() {
    return e3.isReady();
  }

  @Override
  public double value() {
    return e3.isReady() ? 3.0 * e1.value() - 3.0 * e2.value() + e3.value() : Double.NaN;
  }
}

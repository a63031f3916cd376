package dev.tyche.strategy.indicator;

/**
 * Double exponential moving average (P. G. Mulloy, "Smoothing Data with Faster Moving Averages",
 * Technical Analysis of Stocks and Commodities 12(1), 1994): {@code DEMA = 2 EMA(x) - EMA(EMA(x))},
 * both EMAs with period {@code n}, {@code alpha = 2/(n+1)} and SMA seeding (TTR's {@code DEMA} with
 * {@code v = 1}). The inner EMA feeds the outer one only once it is defined.
 *
 * <p>Warm-up: {@code 2n - 1} updates. Units: those of the input. {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Dema implements Indicator {

  private final Ema first;
  private final Ema second;

  /**
   * Creates the average.
   *
   * @param period the EMA period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Dema(int period) {
    Checks.period("period", period, 1);
    first = new Ema(period);
    second = new Ema(period);
  }

  @Override
  public void update(double x) {
    first.update(x);
    if (first.isReady()) {
      second.update(first.value());
    }
  }

  @Override
  public int warmUpPeriod() {
    return 2 * first.warmUpPeriod() - 1;
  }

  @Override
  public boolean isReady() {
    return second.isReady();
  }

  @Override
  public double value() {
    return second.isReady() ? 2.0 * first.value() - second.value() : Double.NaN;
  }
}

package dev.tyche.strategy.indicator;

/**
 * Average true range with Wilder's smoothing (J. W. Wilder, "New Concepts in Technical Trading
 * Systems", 1978), as TTR's {@code ATR(HLC, n)}.
 *
 * <p>Formula: {@link TrueRange} {@code TR_t} for {@code t >= 1}; {@code ATR} is seeded with {@code
 * mean(TR_1..TR_n)} and then {@code ATR_t = ATR_{t-1} + (TR_t - ATR_{t-1}) / n}.
 *
 * <p>Warm-up: {@code n + 1} updates; {@link #trueRange()}, {@link #trueHigh()} and {@link
 * #trueLow()} are defined from the second update. Units: price. Volume is ignored. {@code O(1)}, no
 * allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Atr implements BarIndicator {

  private final TrueRange tr = new TrueRange();
  private final Ema average;

  /**
   * Creates the indicator.
   *
   * @param period the Wilder period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Atr(int period) {
    average = Ema.wilder(period);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    tr.update(high, low, close, volume);
    if (tr.isReady()) {
      average.update(tr.value());
    }
  }

  /**
   * The latest true range.
   *
   * @return {@code TR_t}, or NaN before the second bar
   */
  public double trueRange() {
    return tr.value();
  }

  /**
   * The latest {@code max(H_t, C_{t-1})}.
   *
   * @return the true high, or NaN before the second bar
   */
  public double trueHigh() {
    return tr.trueHigh();
  }

  /**
   * The latest {@code min(L_t, C_{t-1})}.
   *
   * @return the true low, or NaN before the second bar
   */
  public double trueLow() {
    return tr.trueLow();
  }

  @Override
  public int warmUpPeriod() {
    return average.warmUpPeriod() + 1;
  }

  @Override
  public boolean isReady() {
    return average.isReady();
  }

  @Override
  public double value() {
    return average.value();
  }
}

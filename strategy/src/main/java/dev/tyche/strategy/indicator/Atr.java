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
 * allocation. The true range and Wilder average are computed inline (not through {@link TrueRange}
 * and {@link Ema#wilder(int)}) so that a steady-state update is one validation, two branch-free
 * {@code max}/{@code min} and one multiply-add; the arithmetic, and so every result, is the same as
 * those two classes chained.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Atr implements BarIndicator {

  private final int period;

  /** Wilder's {@code 1/n}, as {@link Ema#wilder(int)} uses it. */
  private final double alpha;

  /** Bars accepted, counted up to {@code period + 1} (the first ready update) and no further. */
  private int bars;

  private double previousClose;
  private double trueHigh = Double.NaN;
  private double trueLow = Double.NaN;

  /** Sum of the first {@code n} true ranges, for the seed. */
  private double seedSum;

  private double value = Double.NaN;

  /**
   * Creates the indicator.
   *
   * @param period the Wilder period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Atr(int period) {
    this.period = Checks.period("period", period, 1);
    this.alpha = 1.0 / period;
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    if (bars > period) {
      // Steady state. Math.max/min rather than a ternary: the comparison with the previous close
      // is a coin flip on real data, and the intrinsics are branch-free.
      double th = Math.max(high, previousClose);
      double tl = Math.min(low, previousClose);
      double tr = Checks.finite("true range", th - tl);
      trueHigh = th;
      trueLow = tl;
      previousClose = close;
      value += alpha * (tr - value);
      return;
    }
    warmUp(high, low, close);
  }

  private void warmUp(double high, double low, double close) {
    if (bars > 0) {
      double th = Math.max(high, previousClose);
      double tl = Math.min(low, previousClose);
      double tr = Checks.finite("true range", th - tl);
      trueHigh = th;
      trueLow = tl;
      seedSum += tr;
      if (bars == period) {
        value = seedSum / period;
      }
    }
    previousClose = close;
    bars++;
  }

  /**
   * The latest true range.
   *
   * @return {@code TR_t}, or NaN before the second bar
   */
  public double trueRange() {
    return trueHigh - trueLow;
  }

  /**
   * The latest {@code max(H_t, C_{t-1})}.
   *
   * @return the true high, or NaN before the second bar
   */
  public double trueHigh() {
    return trueHigh;
  }

  /**
   * The latest {@code min(L_t, C_{t-1})}.
   *
   * @return the true low, or NaN before the second bar
   */
  public double trueLow() {
    return trueLow;
  }

  @Override
  public int warmUpPeriod() {
    return period + 1;
  }

  @Override
  public boolean isReady() {
    return bars > period;
  }

  @Override
  public double value() {
    return value;
  }
}

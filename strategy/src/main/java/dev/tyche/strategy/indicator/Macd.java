package dev.tyche.strategy.indicator;

import java.util.Objects;

/**
 * Moving average convergence/divergence (G. Appel, "The Moving Average Convergence-Divergence
 * Trading Method", 1979), as TTR's {@code MACD(x, nFast, nSlow, nSig)} with SMA-seeded EMAs.
 *
 * <p>Formula: {@code fast = EMA_nFast(x)}, {@code slow = EMA_nSlow(x)} (each {@link Ema}, {@code
 * alpha = 2/(n+1)}, seeded with the SMA of its first {@code n} inputs). The MACD line is {@code
 * fast - slow} in {@link Form#PRICE_DIFFERENCE} form (Appel's original; units of price) or {@code
 * 100 (fast / slow - 1)} in {@link Form#PERCENT} form (TTR's default; percent). The signal line is
 * an SMA-seeded {@code EMA_nSig} of the MACD line, fed from the first defined MACD value; the
 * histogram is {@code macd - signal}.
 *
 * <p>Warm-up: the MACD line ({@link #value()}, {@link #macd()}) after {@code nSlow} updates; the
 * signal line and histogram after {@link #signalWarmUpPeriod()} {@code = nSlow + nSig - 1} updates.
 * {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Macd implements Indicator {

  /** How the MACD line compares the two averages. */
  public enum Form {
    /** {@code fast - slow}, in price units (Appel). */
    PRICE_DIFFERENCE,
    /** {@code 100 (fast / slow - 1)}, in percent (TTR's default {@code percent = TRUE}). */
    PERCENT
  }

  private final Ema fast;
  private final Ema slow;
  private final Ema signal;
  private final boolean percent;
  private double macd;

  /**
   * Creates the indicator.
   *
   * @param fastPeriod the fast EMA period, {@code >= 1} (12 by convention)
   * @param slowPeriod the slow EMA period, {@code > fastPeriod} (26 by convention)
   * @param signalPeriod the signal EMA period, {@code >= 1} (9 by convention)
   * @param form price-difference or percent form
   * @throws IllegalArgumentException if a period is out of range
   * @throws NullPointerException if {@code form} is null
   */
  public Macd(int fastPeriod, int slowPeriod, int signalPeriod, Form form) {
    Checks.period("fastPeriod", fastPeriod, 1);
    if (slowPeriod <= fastPeriod) {
      throw new IllegalArgumentException(
          "slowPeriod must be > fastPeriod (" + fastPeriod + ") but was " + slowPeriod);
    }
    Checks.period("signalPeriod", signalPeriod, 1);
    this.percent = Objects.requireNonNull(form, "form") == Form.PERCENT;
    fast = new Ema(fastPeriod);
    slow = new Ema(slowPeriod);
    signal = new Ema(signalPeriod);
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    fast.update(x);
    slow.update(x);
    if (slow.isReady()) {
      double f = fast.value();
      double s = slow.value();
      macd = percent ? 100.0 * (f / s - 1.0) : f - s;
      signal.update(macd);
    }
  }

  /**
   * The MACD line.
   *
   * @return the MACD line, or NaN before {@code nSlow} updates
   */
  public double macd() {
    return slow.isReady() ? macd : Double.NaN;
  }

  /**
   * The signal line, an EMA of the MACD line.
   *
   * @return the signal line, or NaN before {@link #signalWarmUpPeriod()} updates
   */
  public double signal() {
    return signal.value();
  }

  /**
   * {@code macd - signal}.
   *
   * @return the histogram, or NaN before {@link #signalWarmUpPeriod()} updates
   */
  public double histogram() {
    return signal.isReady() ? macd - signal.value() : Double.NaN;
  }

  /**
   * Updates needed before the signal line and histogram are defined: {@code nSlow + nSig - 1}.
   *
   * @return the signal warm-up
   */
  public int signalWarmUpPeriod() {
    return slow.warmUpPeriod() + signal.warmUpPeriod() - 1;
  }

  @Override
  public int warmUpPeriod() {
    return slow.warmUpPeriod();
  }

  @Override
  public boolean isReady() {
    return slow.isReady();
  }

  /**
   * The MACD line.
   *
   * @return {@link #macd()}
   */
  @Override
  public double value() {
    return macd();
  }
}

package dev.tyche.strategy.indicator;

/**
 * Keltner channel in its modern form (C. W. Keltner, "How to Make Money in Commodities", 1960,
 * introduced a 10-day average of the typical price with bands at its average daily range; the ATR
 * form below was popularised by L. Raschke and is what TTR's {@code keltnerChannels} computes, up
 * to the choice of ATR smoothing).
 *
 * <p>Formula: {@code middle = EMA_nMid((H + L + C)/3)} (SMA-seeded, {@code alpha = 2/(n+1)});
 * {@code upper/lower = middle +/- m ATR_nAtr} with Wilder's {@link Atr}.
 *
 * <p>Warm-up: {@code max(nMid, nAtr + 1)} updates, for every output. Units: price. Volume is
 * ignored. {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class KeltnerChannel implements BarIndicator {

  private final Ema middle;
  private final Atr atr;
  private final double multiplier;

  /**
   * Creates the channel.
   *
   * @param emaPeriod the EMA period of the middle line, {@code >= 1} (20 by convention)
   * @param atrPeriod the ATR period, {@code >= 1} (10 by convention)
   * @param multiplier the band half-width in ATRs, finite and {@code > 0} (2 by convention)
   * @throws IllegalArgumentException if a period is {@code < 1} or the multiplier is not positive
   */
  public KeltnerChannel(int emaPeriod, int atrPeriod, double multiplier) {
    middle = new Ema(emaPeriod);
    atr = new Atr(atrPeriod);
    this.multiplier = Checks.positive("multiplier", multiplier);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    atr.update(high, low, close, volume);
    middle.update((high + low + close) / 3.0);
  }

  /**
   * The EMA of the typical price.
   *
   * @return the middle line, or NaN while not ready
   */
  public double middle() {
    return isReady() ? middle.value() : Double.NaN;
  }

  /**
   * {@code middle + m ATR}.
   *
   * @return the upper band, or NaN while not ready
   */
  public double upper() {
    return middle() + multiplier * atr.value();
  }

  /**
   * {@code middle - m ATR}.
   *
   * @return the lower band, or NaN while not ready
   */
  public double lower() {
    return middle() - multiplier * atr.value();
  }

  @Override
  public int warmUpPeriod() {
    return Math.max(middle.warmUpPeriod(), atr.warmUpPeriod());
  }

  @Override
  public boolean isReady() {
    return middle.isReady() && atr.isReady();
  }

  /**
   * The middle line.
   *
   * @return {@link #middle()}
   */
  @Override
  public double value() {
    return middle();
  }
}

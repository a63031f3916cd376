package dev.tyche.strategy.indicator;

/**
 * Wilder's directional movement system (J. W. Wilder, "New Concepts in Technical Trading Systems",
 * 1978): +DI, -DI, DX and the average directional index ADX.
 *
 * <p>Formula, for {@code t >= 1}: {@code up = H_t - H_{t-1}}, {@code down = L_{t-1} - L_t}; {@code
 * +DM = up} if {@code up > down} and {@code up > 0}, else 0; {@code -DM = down} if {@code down >
 * up} and {@code down > 0}, else 0; {@link TrueRange} {@code TR_t}. {@code +DM}, {@code -DM} and
 * {@code TR} are smoothed with Wilder's average ({@link Ema#wilder(int)}: seeded with the mean of
 * the first {@code n}, then {@code avg += (x - avg)/n}; Wilder's running sums give the same
 * ratios). {@code +DI = 100 avg(+DM)/avg(TR)}, {@code -DI = 100 avg(-DM)/avg(TR)} (both 0 when
 * {@code avg(TR) = 0}); {@code DX = 100 |+DI - -DI| / (+DI + -DI)} (0 when both are 0); {@code ADX}
 * is the Wilder average of DX.
 *
 * <p>Warm-up: +DI, -DI and DX after {@link #directionalWarmUpPeriod()} {@code = n + 1} updates; ADX
 * ({@link #value()}) after {@code 2n} updates. Units: 0 to 100. Volume is ignored. {@code O(1)}, no
 * allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Adx implements BarIndicator {

  private final Ema plusDm;
  private final Ema minusDm;
  private final Ema trueRange;
  private final Ema adx;
  private final TrueRange tr = new TrueRange();
  private double previousHigh;
  private double previousLow;
  private double plusDi;
  private double minusDi;
  private double dx;

  /**
   * Creates the indicator.
   *
   * @param period the Wilder period {@code n}, {@code >= 1} (14 by convention)
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Adx(int period) {
    plusDm = Ema.wilder(period);
    minusDm = Ema.wilder(period);
    trueRange = Ema.wilder(period);
    adx = Ema.wilder(period);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    tr.update(high, low, close, volume);
    if (tr.isReady()) {
      double up = high - previousHigh;
      double down = previousLow - low;
      plusDm.update(up > down && up > 0.0 ? up : 0.0);
      minusDm.update(down > up && down > 0.0 ? down : 0.0);
      trueRange.update(tr.value());
      if (trueRange.isReady()) {
        double range = trueRange.value();
        plusDi = range > 0.0 ? 100.0 * plusDm.value() / range : 0.0;
        minusDi = range > 0.0 ? 100.0 * minusDm.value() / range : 0.0;
        double sum = plusDi + minusDi;
        dx = sum > 0.0 ? 100.0 * Math.abs(plusDi - minusDi) / sum : 0.0;
        adx.update(dx);
      }
    }
    previousHigh = high;
    previousLow = low;
  }

  /**
   * The positive directional indicator.
   *
   * @return +DI in {@code [0, 100]}, or NaN before {@link #directionalWarmUpPeriod()} updates
   */
  public double plusDi() {
    return trueRange.isReady() ? plusDi : Double.NaN;
  }

  /**
   * The negative directional indicator.
   *
   * @return -DI in {@code [0, 100]}, or NaN before {@link #directionalWarmUpPeriod()} updates
   */
  public double minusDi() {
    return trueRange.isReady() ? minusDi : Double.NaN;
  }

  /**
   * The directional movement index of the latest bar.
   *
   * @return DX in {@code [0, 100]}, or NaN before {@link #directionalWarmUpPeriod()} updates
   */
  public double dx() {
    return trueRange.isReady() ? dx : Double.NaN;
  }

  /**
   * Updates needed before +DI, -DI and DX are defined: {@code n + 1}.
   *
   * @return the directional warm-up
   */
  public int directionalWarmUpPeriod() {
    return trueRange.warmUpPeriod() + 1;
  }

  @Override
  public int warmUpPeriod() {
    return 2 * trueRange.warmUpPeriod();
  }

  @Override
  public boolean isReady() {
    return adx.isReady();
  }

  /**
   * The average directional index.
   *
   * @return ADX in {@code [0, 100]}, or NaN while not ready
   */
  @Override
  public double value() {
    return adx.value();
  }
}

package dev.tyche.strategy.indicator;

/**
 * Relative strength index with Wilder's smoothing (J. W. Wilder, "New Concepts in Technical Trading
 * Systems", 1978), as TTR's {@code RSI(x, n)} with its default Wilder EMA.
 *
 * <p>Formula: {@code d_t = x_t - x_{t-1}}, {@code U_t = max(d_t, 0)}, {@code D_t = max(-d_t, 0)};
 * {@code avgU} and {@code avgD} are Wilder averages ({@link Ema#wilder(int)}: seeded with the mean
 * of the first {@code n} changes, then {@code avg += (u - avg)/n}); {@code RSI = 100 avgU / (avgU +
 * avgD)}. When both averages are zero (no price change over the whole memory) the RSI is defined as
 * 50, the neutral value (TTR returns NaN there).
 *
 * <p>Warm-up: {@code n + 1} updates (one extra for the first change). Units: 0 to 100. {@code
 * O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Rsi implements Indicator {

  private final Ema gains;
  private final Ema losses;
  private double previous;
  private boolean started;

  /**
   * Creates the index.
   *
   * @param period the smoothing period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Rsi(int period) {
    gains = Ema.wilder(period);
    losses = Ema.wilder(period);
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    if (started) {
      double d = x - previous;
      gains.update(d > 0.0 ? d : 0.0);
      losses.update(d < 0.0 ? -d : 0.0);
    }
    started = true;
    previous = x;
  }

  @Override
  public int warmUpPeriod() {
    return gains.warmUpPeriod() + 1;
  }

  @Override
  public boolean isReady() {
    return gains.isReady();
  }

  @Override
  public double value() {
    if (!gains.isReady()) {
      return Double.NaN;
    }
    double up = gains.value();
    double total = up + losses.value();
    return total == 0.0 ? 50.0 : 100.0 * up / total;
  }
}

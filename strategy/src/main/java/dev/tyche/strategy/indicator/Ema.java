package dev.tyche.strategy.indicator;

/**
 * Exponential moving average seeded with the simple mean of its first {@code n} inputs, as R's
 * {@code TTR::EMA}.
 *
 * <p>Formula: {@code EMA_{n-1} = mean(x_0..x_{n-1})}, then {@code EMA_t = EMA_{t-1} + alpha (x_t -
 * EMA_{t-1})}. The usual smoothing is {@code alpha = 2/(n+1)} ({@link #Ema(int)}); Wilder's
 * smoothing (J. W. Wilder, "New Concepts in Technical Trading Systems", 1978, used there for RSI,
 * ATR and ADX) is the same recursion with {@code alpha = 1/n} ({@link #wilder(int)}). Warm-up:
 * {@code n} updates. Units: those of the input. {@code O(1)} per update, no allocation.
 *
 * <p>Other libraries seed differently (ta4j starts at {@code EMA_0 = x_0}); the two agree once the
 * seed's weight {@code (1 - alpha)^t} has decayed.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Ema implements Indicator {

  private final int period;
  private final double alpha;
  private int count;
  private double sum;
  private double value;

  /**
   * An EMA with {@code alpha = 2/(period + 1)}.
   *
   * @param period the period {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Ema(int period) {
    this(Checks.period("period", period, 1), 2.0 / (period + 1.0));
  }

  private Ema(int period, double alpha) {
    this.period = period;
    this.alpha = alpha;
  }

  /**
   * Wilder's smoothing: an SMA-seeded EMA with {@code alpha = 1/period} (TTR's {@code
   * EMA(wilder=TRUE)}).
   *
   * @param period the period {@code n}, {@code >= 1}
   * @return a new average
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public static Ema wilder(int period) {
    return new Ema(Checks.period("period", period, 1), 1.0 / period);
  }

  /**
   * The smoothing constant.
   *
   * @return {@code alpha}, in {@code (0, 1]}
   */
  public double alpha() {
    return alpha;
  }

  @Override
  public void update(double x) {
    Checks.finite("x", x);
    if (count < period) {
      sum += x;
      if (++count == period) {
        value = sum / period;
      }
    } else {
      value += alpha * (x - value);
    }
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  @Override
  public double value() {
    return count >= period ? value : Double.NaN;
  }
}

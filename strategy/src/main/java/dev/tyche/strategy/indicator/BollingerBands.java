package dev.tyche.strategy.indicator;

import dev.tyche.core.stats.RollingWindow;

/**
 * Bollinger bands (J. Bollinger, "Bollinger on Bollinger Bands", 2001), as TTR's {@code
 * BBands(price, n, sd = k)}.
 *
 * <p>Formula: {@code middle = SMA_n(price)}; {@code sd} is the <b>population</b> standard deviation
 * of the same {@code n} prices (divisor {@code n}, as TTR and Bollinger use; not {@code n - 1});
 * {@code upper/lower = middle +/- k sd}; {@code %B = (price - lower) / (upper - lower)} for the
 * latest price; {@code bandwidth = (upper - lower) / middle}. {@code %B} is NaN when the bands
 * coincide (zero deviation), as in TTR; {@code bandwidth} is NaN or infinite when {@code middle =
 * 0}. Feed the close, or the typical price {@code (H + L + C)/3} to get TTR's HLC variant.
 *
 * <p>Warm-up: {@code n} updates, for every output. Units: price for the bands and sd; {@code %B}
 * and bandwidth are dimensionless fractions (not percent). The window's sum and sum of squared
 * deviations are maintained by {@link RollingWindow} (compensated, amortised {@code O(1)}, exact
 * recomputation once per window); an update allocates nothing and computes the middle band and
 * deviation once (one division and one square root), so the getters are plain arithmetic.
 *
 * <p>Mutable; confined to one thread.
 */
public final class BollingerBands implements Indicator {

  private final RollingWindow window;
  private final double k;
  private double last;

  /** The middle band and deviation as of the latest update; NaN until the window is full. */
  private double middle = Double.NaN;

  private double sd = Double.NaN;

  /**
   * Creates the bands.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @param k the band half-width in standard deviations, finite and {@code > 0} (2 by convention)
   * @throws IllegalArgumentException if {@code period < 1} or {@code k} is not finite and positive
   */
  public BollingerBands(int period, double k) {
    window = new RollingWindow(Checks.period("period", period, 1));
    this.k = Checks.positive("k", k);
  }

  @Override
  public void update(double x) {
    // RollingWindow.add rejects a non-finite x with the same message before changing anything.
    window.add(x);
    last = x;
    if (window.isReady()) {
      // Computed once here rather than in every getter: upper() and lower() would otherwise each
      // pay for the mean and a square root.
      middle = window.mean();
      sd = window.populationStandardDeviation();
    }
  }

  /**
   * The middle band (the SMA).
   *
   * @return the middle band, or NaN while not ready
   */
  public double middle() {
    return middle;
  }

  /**
   * The population standard deviation of the window.
   *
   * @return the deviation, or NaN while not ready
   */
  public double standardDeviation() {
    return sd;
  }

  /**
   * {@code middle + k sd}.
   *
   * @return the upper band, or NaN while not ready
   */
  public double upper() {
    return middle + k * sd;
  }

  /**
   * {@code middle - k sd}.
   *
   * @return the lower band, or NaN while not ready
   */
  public double lower() {
    return middle - k * sd;
  }

  /**
   * {@code %B = (price - lower) / (upper - lower)} of the latest price: 0 at the lower band, 1 at
   * the upper band.
   *
   * @return %B as a fraction, NaN while not ready or when the bands coincide
   */
  public double percentB() {
    double lo = lower();
    double width = upper() - lo;
    // Coinciding bands leave %B undefined (TTR's 0/0); say so rather than return a signed infinity
    // produced by rounding in the numerator.
    return width > 0.0 ? (last - lo) / width : Double.NaN;
  }

  /**
   * {@code (upper - lower) / middle}, Bollinger's BandWidth as a fraction of the middle band.
   *
   * @return the bandwidth, or NaN while not ready
   */
  public double bandwidth() {
    return (upper() - lower()) / middle;
  }

  @Override
  public int warmUpPeriod() {
    return window.capacity();
  }

  @Override
  public boolean isReady() {
    return window.isReady();
  }

  /**
   * The middle band.
   *
   * @return {@link #middle()}
   */
  @Override
  public double value() {
    return middle;
  }
}

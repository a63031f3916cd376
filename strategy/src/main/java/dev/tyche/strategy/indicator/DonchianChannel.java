package dev.tyche.strategy.indicator;

/**
 * Donchian channel (R. Donchian's price channel; TTR's {@code DonchianChannel(cbind(H, L), n)}):
 * {@code upper = max(H_{t-n+1}..H_t)}, {@code lower = min(L_{t-n+1}..L_t)}, {@code middle = (upper
 * + lower)/2}. The current bar is included, as in TTR (some breakout rules compare the close with
 * the channel of the previous {@code n} bars instead; read the values before updating for that).
 *
 * <p>Warm-up: {@code n} updates. Units: price. Volume and close are ignored (the close is still
 * validated). Monotonic deques make an update amortised {@code O(1)}; no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class DonchianChannel implements BarIndicator {

  private final int period;
  private final MonotonicDeque highs;
  private final MonotonicDeque lows;

  /**
   * Creates the channel.
   *
   * @param period the window length {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public DonchianChannel(int period) {
    this.period = Checks.period("period", period, 1);
    highs = new MonotonicDeque(period, true);
    lows = new MonotonicDeque(period, false);
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    highs.add(high);
    lows.add(low);
  }

  /**
   * The highest high of the window.
   *
   * @return the upper band, or NaN while not ready
   */
  public double upper() {
    return isReady() ? highs.extreme() : Double.NaN;
  }

  /**
   * The lowest low of the window.
   *
   * @return the lower band, or NaN while not ready
   */
  public double lower() {
    return isReady() ? lows.extreme() : Double.NaN;
  }

  /**
   * {@code (upper + lower) / 2}.
   *
   * @return the middle, or NaN while not ready
   */
  public double middle() {
    return (upper() + lower()) / 2.0;
  }

  @Override
  public int warmUpPeriod() {
    return period;
  }

  @Override
  public boolean isReady() {
    return highs.count() >= period;
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

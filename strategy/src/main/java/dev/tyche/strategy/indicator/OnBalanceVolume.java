package dev.tyche.strategy.indicator;

/**
 * On-balance volume (J. Granville, "Granville's New Key to Stock Market Profits", 1963), as TTR's
 * {@code OBV(price, volume)}: {@code OBV_0 = V_0}; then {@code OBV_t = OBV_{t-1} + V_t} if {@code
 * C_t > C_{t-1}}, {@code - V_t} if {@code C_t < C_{t-1}}, unchanged if equal. Only the level's
 * changes carry information; the start value is TTR's.
 *
 * <p>Warm-up: 1 update. Units: base-asset volume. Uses close and volume (high and low are
 * validated). {@code O(1)}, no allocation.
 *
 * <p>Mutable; confined to one thread.
 */
public final class OnBalanceVolume implements BarIndicator {

  private double previousClose;
  private boolean started;
  private double value;

  /** Creates the indicator. */
  public OnBalanceVolume() {
    // Zero state until the first bar.
  }

  @Override
  public void update(double high, double low, double close, double volume) {
    Checks.bar(high, low, close);
    Checks.volume(volume);
    if (!started) {
      value = volume;
      started = true;
    } else if (close > previousClose) {
      value += volume;
    } else if (close < previousClose) {
      value -= volume;
    }
    previousClose = close;
  }

  @Override
  public int warmUpPeriod() {
    return 1;
  }

  @Override
  public boolean isReady() {
    return started;
  }

  @Override
  public double value() {
    return started ? value : Double.NaN;
  }
}

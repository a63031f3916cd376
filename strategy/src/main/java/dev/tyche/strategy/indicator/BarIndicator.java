package dev.tyche.strategy.indicator;

import dev.tyche.core.market.Bar;

/**
 * A streaming indicator of bars, fed the bar's high, low, close and volume as primitives so that
 * the hot path allocates nothing.
 *
 * <p>Price-only indicators ignore the volume argument (it is not validated); volume indicators
 * require it finite and {@code >= 0}. Every implementation requires high, low and close finite and
 * {@code high >= low}. The close is not required to lie inside {@code [low, high]}.
 *
 * <p>Implementations are mutable; confined to one thread.
 */
public interface BarIndicator extends StreamingIndicator {

  /**
   * Feeds the next bar. Allocates nothing.
   *
   * @param high the bar's highest price, finite
   * @param low the bar's lowest price, finite and {@code <= high}
   * @param close the bar's last price, finite
   * @param volume the traded quantity in base units, finite and {@code >= 0} for volume indicators;
   *     ignored by price-only indicators
   * @throws IllegalArgumentException if an argument is NaN, infinite, {@code high < low}, or a
   *     volume indicator gets a negative volume; the state is then unchanged
   */
  void update(double high, double low, double close, double volume);

  /**
   * Feeds a bar without volume: {@code update(high, low, close, NaN)}. Price-only indicators accept
   * it; volume indicators reject it because the volume is not finite.
   *
   * @param high the bar's highest price, finite
   * @param low the bar's lowest price, finite and {@code <= high}
   * @param close the bar's last price, finite
   * @throws IllegalArgumentException as for {@link #update(double, double, double, double)}
   */
  default void update(double high, double low, double close) {
    update(high, low, close, Double.NaN);
  }

  /**
   * Updates with a closed bar: its high, low, close and volume converted to {@code double}.
   * Convenient, but reading the exact values costs a few conversions; hot loops over a {@code
   * BarSeries} pass its primitive columns instead.
   *
   * @param bar the bar, delivered at its close
   */
  default void update(Bar bar) {
    update(
        bar.high().toDouble(),
        bar.low().toDouble(),
        bar.close().toDouble(),
        bar.volume().toDouble());
  }
}

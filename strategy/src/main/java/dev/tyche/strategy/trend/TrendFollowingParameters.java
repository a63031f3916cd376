package dev.tyche.strategy.trend;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import java.util.Objects;

/**
 * Parameters of {@link TrendFollowingSignal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument traded
 * @param interval the bar interval the signal reads; fixed-length (not {@code 1M})
 * @param averageType SMA or EMA for both averages
 * @param fastPeriod the fast average's period in bars, {@code >= 1}
 * @param slowPeriod the slow average's period in bars, {@code > fastPeriod}
 * @param atrPeriod the ATR period in bars (Wilder smoothing), {@code >= 1}
 * @param atrMultiple the trailing stop's distance {@code k} in ATRs, finite and {@code > 0}
 * @param allowShort whether the signal goes short ({@code -1}) in a down-trend, or stays flat
 */
public record TrendFollowingParameters(
    Symbol symbol,
    BarInterval interval,
    MovingAverageType averageType,
    int fastPeriod,
    int slowPeriod,
    int atrPeriod,
    double atrMultiple,
    boolean allowShort) {

  // A fast average no faster than the slow one has no crossover to trade.
  public TrendFollowingParameters {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    Objects.requireNonNull(averageType, "averageType must not be null");
    if (!interval.isFixedLength()) {
      throw new IllegalArgumentException(
          "interval must have a fixed length but was " + interval.code());
    }
    if (fastPeriod < 1) {
      throw new IllegalArgumentException("fastPeriod must be >= 1 but was " + fastPeriod);
    }
    if (slowPeriod <= fastPeriod) {
      throw new IllegalArgumentException(
          "slowPeriod must be > fastPeriod " + fastPeriod + " but was " + slowPeriod);
    }
    if (atrPeriod < 1) {
      throw new IllegalArgumentException("atrPeriod must be >= 1 but was " + atrPeriod);
    }
    if (!(atrMultiple > 0.0 && atrMultiple < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "atrMultiple must be finite and > 0 but was " + atrMultiple);
    }
  }

  /**
   * A common setting: EMA 20/50 crossover, 14-bar ATR, stop 3 ATR from the extreme close, long and
   * short.
   *
   * @param symbol the instrument
   * @param interval the bar interval
   * @return the parameters
   */
  public static TrendFollowingParameters defaults(Symbol symbol, BarInterval interval) {
    return new TrendFollowingParameters(
        symbol, interval, MovingAverageType.EMA, 20, 50, 14, 3.0, true);
  }
}

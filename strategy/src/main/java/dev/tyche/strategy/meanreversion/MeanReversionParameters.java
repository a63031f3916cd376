package dev.tyche.strategy.meanreversion;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import java.util.Objects;

/**
 * Parameters of {@link MeanReversionSignal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument traded
 * @param interval the bar interval the signal reads; fixed-length (not {@code 1M})
 * @param bandPeriod the Bollinger window in bars, {@code >= 2}
 * @param bandWidth the band half-width in (population) standard deviations, finite and {@code > 0}
 * @param rsiPeriod the RSI period in bars, {@code >= 1}
 * @param oversold the RSI level below which a long may open, in {@code (0, overbought)}
 * @param overbought the RSI level above which a short may open, in {@code (oversold, 100)}
 * @param stopFraction the stop distance as a fraction of the entry close, in {@code (0, 1)}
 * @param allowShort whether the signal goes short above the upper band, or only trades long
 */
public record MeanReversionParameters(
    Symbol symbol,
    BarInterval interval,
    int bandPeriod,
    double bandWidth,
    int rsiPeriod,
    double oversold,
    double overbought,
    double stopFraction,
    boolean allowShort) {

  // Thresholds that overlap would open a long and a short on the same bar.
  public MeanReversionParameters {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    if (!interval.isFixedLength()) {
      throw new IllegalArgumentException(
          "interval must have a fixed length but was " + interval.code());
    }
    if (bandPeriod < 2) {
      throw new IllegalArgumentException("bandPeriod must be >= 2 but was " + bandPeriod);
    }
    if (!(bandWidth > 0.0 && bandWidth < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("bandWidth must be finite and > 0 but was " + bandWidth);
    }
    if (rsiPeriod < 1) {
      throw new IllegalArgumentException("rsiPeriod must be >= 1 but was " + rsiPeriod);
    }
    if (!(oversold > 0.0 && oversold < overbought && overbought < 100.0)) {
      throw new IllegalArgumentException(
          "oversold and overbought must satisfy 0 < oversold < overbought < 100 but were "
              + oversold
              + " and "
              + overbought);
    }
    if (!(stopFraction > 0.0 && stopFraction < 1.0)) {
      throw new IllegalArgumentException("stopFraction must be in (0, 1) but was " + stopFraction);
    }
  }

  /**
   * A common setting: 20-bar bands at 2 deviations, 14-bar RSI with 30/70, 5 % stop, long and
   * short.
   *
   * @param symbol the instrument
   * @param interval the bar interval
   * @return the parameters
   */
  public static MeanReversionParameters defaults(Symbol symbol, BarInterval interval) {
    return new MeanReversionParameters(symbol, interval, 20, 2.0, 14, 30.0, 70.0, 0.05, true);
  }
}

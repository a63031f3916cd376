package dev.tyche.strategy.range;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import java.util.Objects;

/**
 * Parameters of {@link RangeTradingSignal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument traded
 * @param interval the bar interval the signal reads; fixed-length (not {@code 1M})
 * @param lookback the number of previous bars {@code n} whose extremes define the range, {@code >=
 *     2}
 * @param entryZone the band next to support (resistance) in which to buy (sell), as a fraction of
 *     the range width, in {@code (0, 0.5)}
 * @param breakoutThreshold how far beyond the range, as a fraction of its width, a close must be to
 *     count as a breakout, finite and {@code >= 0}
 * @param cooldownBars bars to stay flat after a breakout bar, {@code >= 0}
 * @param allowShort whether the signal goes short near resistance, or only sells its long there
 */
public record RangeTradingParameters(
    Symbol symbol,
    BarInterval interval,
    int lookback,
    double entryZone,
    double breakoutThreshold,
    int cooldownBars,
    boolean allowShort) {

  // Zones of half the width or more would make support and resistance zones overlap.
  public RangeTradingParameters {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
    if (!interval.isFixedLength()) {
      throw new IllegalArgumentException(
          "interval must have a fixed length but was " + interval.code());
    }
    if (lookback < 2) {
      throw new IllegalArgumentException("lookback must be >= 2 but was " + lookback);
    }
    if (!(entryZone > 0.0 && entryZone < 0.5)) {
      throw new IllegalArgumentException("entryZone must be in (0, 0.5) but was " + entryZone);
    }
    if (!(breakoutThreshold >= 0.0 && breakoutThreshold < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "breakoutThreshold must be finite and >= 0 but was " + breakoutThreshold);
    }
    if (cooldownBars < 0) {
      throw new IllegalArgumentException("cooldownBars must be >= 0 but was " + cooldownBars);
    }
  }

  /**
   * A common setting: 20-bar range, entry in the outer 20 % of it, breakout 10 % of the width
   * beyond it, 5 bars aside after a breakout, long and short.
   *
   * @param symbol the instrument
   * @param interval the bar interval
   * @return the parameters
   */
  public static RangeTradingParameters defaults(Symbol symbol, BarInterval interval) {
    return new RangeTradingParameters(symbol, interval, 20, 0.2, 0.1, 5, true);
  }
}

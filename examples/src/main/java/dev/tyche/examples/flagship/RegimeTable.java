package dev.tyche.examples.flagship;

import dev.tyche.core.market.Bar;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.regime.detector.RegimeDetector;
import dev.tyche.strategy.regime.detector.RegimeDetectorConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link RegimeDetector} (library defaults for daily bars: 4-state HMM on trend and GARCH
 * volatility, first fit after 250 days, refit every 21) once over an instrument's daily closes and
 * keeps the estimate after each day. The detector is causal (the estimate after day {@code t} uses
 * days {@code <= t} only), so every backtest may share the table instead of refitting the same
 * models per run; a lookup at time {@code t} returns the estimate of the last day that closed at or
 * before {@code t}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegimeTable {

  private RegimeTable() {}

  /**
   * Regimes of one instrument by day.
   *
   * @param closeTimes the close time of each day, UTC ms, increasing
   * @param regimes the regime after each day
   */
  public record Regimes(long[] closeTimes, List<MarketRegime> regimes) {
    /** Copies. */
    public Regimes {
      closeTimes = closeTimes.clone();
      regimes = List.copyOf(regimes);
    }

    /**
     * The regime known at a time.
     *
     * @param time UTC ms
     * @return the regime after the last day that closed at or before {@code time}, {@code UNKNOWN}
     *     before the first
     */
    public MarketRegime at(long time) {
      int i = Arrays.binarySearch(closeTimes, time);
      int k = i >= 0 ? i : -i - 2;
      return k < 0 ? MarketRegime.UNKNOWN : regimes.get(k);
    }

    /**
     * Days per regime, in enum order.
     *
     * @return counts indexed by {@link MarketRegime#ordinal()}
     */
    public int[] counts() {
      int[] c = new int[MarketRegime.values().length];
      for (MarketRegime r : regimes) {
        c[r.ordinal()]++;
      }
      return c;
    }
  }

  /**
   * Runs the detector over daily bars.
   *
   * @param daily the daily bars
   * @return the table
   */
  public static Regimes of(List<Bar> daily) {
    RegimeDetector detector = new RegimeDetector(RegimeDetectorConfig.defaults());
    long[] times = new long[daily.size()];
    List<MarketRegime> regimes = new ArrayList<>(daily.size());
    for (int i = 0; i < daily.size(); i++) {
      Bar d = daily.get(i);
      times[i] = d.closeTime();
      regimes.add(detector.update(d.closeTime(), d.close().toDouble()).regime());
    }
    return new Regimes(times, regimes);
  }
}

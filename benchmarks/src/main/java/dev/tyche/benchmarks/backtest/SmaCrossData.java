package dev.tyche.benchmarks.backtest;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.time.BarInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * Deterministic one-minute bars for the end-to-end backtest benchmark: a seeded random walk on a
 * 0.01 price grid, built once as Tyche {@link Bar}s and once as a ta4j {@link BarSeries} with the
 * very same open, high, low and close values (ta4j with {@code DoubleNum}, its fastest number
 * type).
 *
 * <p>Immutable and thread-safe after construction (the ta4j series must not be modified).
 */
public final class SmaCrossData {

  /** The instrument traded. */
  public static final Symbol SYMBOL = Symbol.of("BTCUSDT");

  /** A USD-M style perpetual on a 0.01 tick and 0.001 step. */
  public static final Instrument INSTRUMENT =
      Instrument.builder(SYMBOL)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.01")
          .stepSize("0.001")
          .build();

  /** 2024-01-01T00:00Z. */
  public static final long T0 = 1_704_067_200_000L;

  private static final long MINUTE = BarInterval.MINUTE_1.durationMillis();

  private final List<Bar> bars;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;

  /**
   * Generates the bars.
   *
   * @param count the number of bars, {@code > 0}
   * @param seed the random walk's seed
   */
  public SmaCrossData(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    bars = new ArrayList<>(count);
    open = new double[count];
    high = new double[count];
    low = new double[count];
    close = new double[count];
    Quantity volume = Quantity.parse("10.000");
    long c = 2_000_000; // 20 000.00 in cents
    for (int i = 0; i < count; i++) {
      long o = c;
      // About 2 bp per minute, so the averages cross often enough to trade.
      c = Math.max(100_000, o + Math.round(rnd.nextGaussian() * 400));
      long h = Math.max(o, c) + rnd.nextInt(200);
      long l = Math.min(o, c) - rnd.nextInt(200);
      bars.add(
          new Bar(
              SYMBOL,
              MINUTE,
              T0 + i * MINUTE,
              Price.of(o, 2),
              Price.of(h, 2),
              Price.of(l, 2),
              Price.of(c, 2),
              volume));
      open[i] = o / 100.0;
      high[i] = h / 100.0;
      low[i] = l / 100.0;
      close[i] = c / 100.0;
    }
  }

  /**
   * The Tyche bars.
   *
   * @return an unmodifiable view
   */
  public List<Bar> bars() {
    return java.util.Collections.unmodifiableList(bars);
  }

  /**
   * The number of bars.
   *
   * @return the count
   */
  public int size() {
    return bars.size();
  }

  /**
   * A new ta4j series with the same bars (end time = Tyche's close time).
   *
   * @return the series
   */
  public BarSeries ta4jSeries() {
    BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    s.setMaximumBarCount(Integer.MAX_VALUE);
    Duration minute = Duration.ofMillis(MINUTE);
    for (int i = 0; i < close.length; i++) {
      ZonedDateTime end =
          ZonedDateTime.ofInstant(Instant.ofEpochMilli(T0 + (i + 1) * MINUTE), ZoneOffset.UTC);
      s.addBar(minute, end, open[i], high[i], low[i], close[i], 10.0);
    }
    return s;
  }
}

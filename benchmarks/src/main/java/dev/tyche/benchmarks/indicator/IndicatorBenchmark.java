package dev.tyche.benchmarks.indicator;

import dev.tyche.strategy.indicator.Atr;
import dev.tyche.strategy.indicator.BollingerBands;
import dev.tyche.strategy.indicator.Ema;
import dev.tyche.strategy.indicator.Rsi;
import dev.tyche.strategy.indicator.Sma;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * Per-update cost of SMA(20), EMA(20), RSI(14), ATR(14) and Bollinger(20, 2): Tyche's streaming
 * indicators against ta4j 0.17 on the same seeded random-walk bar series, in the same run.
 *
 * <p>What one operation is:
 *
 * <ul>
 *   <li>Tyche: one {@code update} with the next bar's primitive values, then reading the output(s).
 *       The indicator runs continuously over the series (wrapping around at its end); its state is
 *       bounded, so this is the steady-state cost of a live update.
 *   <li>ta4j: the series is fully loaded into a {@code BarSeries} (with {@code DoubleNum}, ta4j's
 *       fastest number type) in {@code @Setup}; one operation is {@code getValue(i)} for the next
 *       index {@code i} on an indicator that has already been asked for {@code 0..i-1}, which is
 *       how ta4j computes a new bar incrementally (its {@code CachedIndicator} stores every earlier
 *       result). When {@code i} wraps to 0 a fresh indicator chain is built, so its construction
 *       and cache growth are amortised over {@value #SIZE} operations and included. ta4j's cost
 *       includes boxing each result into a {@code Num} object and appending it to its cache; that
 *       is inherent to its design, not an artefact of the harness.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IndicatorBenchmark -f 1 -wi 2 -i 3
 * -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class IndicatorBenchmark {

  static final int SIZE = 1 << 14;
  private static final int MASK = SIZE - 1;

  private final double[] high = new double[SIZE];
  private final double[] low = new double[SIZE];
  private final double[] close = new double[SIZE];
  private int index;

  private Sma sma;
  private Ema ema;
  private Rsi rsi;
  private Atr atr;
  private BollingerBands bollinger;

  private BarSeries series;
  private ClosePriceIndicator closePrice;
  private SMAIndicator taSma;
  private EMAIndicator taEma;
  private RSIIndicator taRsi;
  private ATRIndicator taAtr;
  private BollingerBandsUpperIndicator taUpper;
  private BollingerBandsLowerIndicator taLower;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20240307L);
    double x = 3000.0;
    series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    ZonedDateTime t0 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < SIZE; i++) {
      double open = x;
      x *= Math.exp(0.03 * (random.nextDouble() - 0.5));
      close[i] = x;
      high[i] = Math.max(open, x) * (1.0 + 0.01 * random.nextDouble());
      low[i] = Math.min(open, x) * (1.0 - 0.01 * random.nextDouble());
      series.addBar(t0.plusDays(i + 1L), open, high[i], low[i], close[i], 1000.0);
    }
    closePrice = new ClosePriceIndicator(series);
    sma = new Sma(20);
    ema = new Ema(20);
    rsi = new Rsi(14);
    atr = new Atr(14);
    bollinger = new BollingerBands(20, 2.0);
    // Warm the Tyche indicators so that every measured update is a steady-state one.
    for (int i = 0; i < SIZE; i++) {
      sma.update(close[i]);
      ema.update(close[i]);
      rsi.update(close[i]);
      atr.update(high[i], low[i], close[i]);
      bollinger.update(close[i]);
    }
    freshTa4j();
  }

  private void freshTa4j() {
    taSma = new SMAIndicator(closePrice, 20);
    taEma = new EMAIndicator(closePrice, 20);
    taRsi = new RSIIndicator(closePrice, 14);
    taAtr = new ATRIndicator(series, 14);
    SMAIndicator mid = new SMAIndicator(closePrice, 20);
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(mid);
    StandardDeviationIndicator sd = new StandardDeviationIndicator(closePrice, 20);
    taUpper = new BollingerBandsUpperIndicator(middle, sd, series.numOf(2));
    taLower = new BollingerBandsLowerIndicator(middle, sd, series.numOf(2));
  }

  private int next() {
    int i = index;
    index = (i + 1) & MASK;
    return i;
  }

  private int nextTa4j() {
    int i = next();
    if (i == 0) {
      freshTa4j();
    }
    return i;
  }

  @Benchmark
  public double tycheSma() {
    sma.update(close[next()]);
    return sma.value();
  }

  @Benchmark
  public double ta4jSma() {
    return taSma.getValue(nextTa4j()).doubleValue();
  }

  @Benchmark
  public double tycheEma() {
    ema.update(close[next()]);
    return ema.value();
  }

  @Benchmark
  public double ta4jEma() {
    return taEma.getValue(nextTa4j()).doubleValue();
  }

  @Benchmark
  public double tycheRsi() {
    rsi.update(close[next()]);
    return rsi.value();
  }

  @Benchmark
  public double ta4jRsi() {
    return taRsi.getValue(nextTa4j()).doubleValue();
  }

  @Benchmark
  public double tycheAtr() {
    int i = next();
    atr.update(high[i], low[i], close[i]);
    return atr.value();
  }

  @Benchmark
  public double ta4jAtr() {
    return taAtr.getValue(nextTa4j()).doubleValue();
  }

  @Benchmark
  public void tycheBollinger(Blackhole bh) {
    bollinger.update(close[next()]);
    bh.consume(bollinger.upper());
    bh.consume(bollinger.lower());
  }

  @Benchmark
  public void ta4jBollinger(Blackhole bh) {
    int i = nextTa4j();
    bh.consume(taUpper.getValue(i).doubleValue());
    bh.consume(taLower.getValue(i).doubleValue());
  }
}

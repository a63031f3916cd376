package dev.tyche.benchmarks.backtest;

import dev.tyche.backtest.result.BacktestResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;

/**
 * End-to-end backtest throughput: an SMA(10)/SMA(50) crossover over {@value #BARS} one-minute bars
 * (seeded random walk, {@link SmaCrossData}), Tyche against ta4j in the same run. The score is bars
 * per second ({@code @OperationsPerInvocation(BARS)}, throughput mode).
 *
 * <ul>
 *   <li>{@code tyche}: {@code BacktestRunner.run} on the pre-built bar list: a fresh engine, risk
 *       gate, simulated venue (bar fill model) and ledger; every bar is dispatched, the strategy's
 *       orders go through the gate and fill at the next open, the account is valued at every bar
 *       close (equity curve, exposures, per-strategy PnL), the event log is kept, and the result
 *       with its performance metrics is built.
 *   <li>{@code ta4j}: {@code BarSeriesManager.run} of a {@code BaseStrategy} with {@code
 *       CrossedUpIndicatorRule} / {@code CrossedDownIndicatorRule} on two {@code SMAIndicator}s of
 *       closes, unstable period 50, default {@code TradeOnNextOpenModel}, on a pre-built {@code
 *       BarSeries} ({@code DoubleNum}); indicators are created afresh each time, so their caches
 *       start empty. ta4j computes no equity curve, costs or account; Tyche does more work.
 * </ul>
 *
 * <p>Both make the same decisions on the same bars (checked by {@code SmaCrossParityTest}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'Backtest' -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class BacktestBenchmark {

  /** Bars per run: 2^20, a little over a million (about two years of minutes). */
  public static final int BARS = 1 << 20;

  private SmaCrossData data;
  private BarSeries series;

  /** Builds the bars and the ta4j series once. */
  @Setup(Level.Trial)
  public void setUp() {
    data = new SmaCrossData(BARS, 20_240_101L);
    series = data.ta4jSeries();
  }

  /**
   * Tyche's full backtest.
   *
   * @return the result (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public BacktestResult tyche() {
    return SmaCrossRuns.tyche(data, 10, 50);
  }

  /**
   * ta4j's bar series manager.
   *
   * @return the trading record (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public TradingRecord ta4j() {
    return SmaCrossRuns.ta4j(series, 10, 50);
  }
}

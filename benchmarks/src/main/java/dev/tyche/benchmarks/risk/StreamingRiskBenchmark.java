package dev.tyche.benchmarks.risk;

import dev.tyche.risk.backtest.CoverageStatus;
import dev.tyche.risk.backtest.VarHealthMonitor;
import dev.tyche.risk.var.CvarRule;
import dev.tyche.risk.var.QuantileRule;
import dev.tyche.risk.var.RollingHistoricalVar;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-observation cost of the windowed streaming risk estimators (EWMA has no window: {@link
 * EwmaUpdateBenchmark}): one operation folds in one daily return. The returns cycle through the
 * 5,000 simulated GARCH values of {@link RiskBenchData}, divided by 100 (simple-return scale), so
 * the windows see a fresh, heavy-tailed mix. Run with {@code -prof gc}: every benchmark here should
 * show {@code gc.alloc.rate.norm} of 0 B/op.
 *
 * <p>Mutable JMH state; confined to one benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamingRiskBenchmark {

  /** Rolling window length in observations (one trading year, four years). */
  @Param({"250", "1000"})
  public int window;

  private double[] returns;
  private double[] varForecasts;
  private int i;

  private RollingHistoricalVar rolling;
  private VarHealthMonitor monitor;

  /** Builds the inputs and fills every window once, so that the measured updates evict. */
  @Setup
  public void setUp() {
    double[] x = RiskBenchData.simulatedPercentReturns();
    returns = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      returns[t] = x[t] / 100.0;
    }
    // A 99 % VaR forecast per period from a rolling historical VaR of the preceding returns.
    varForecasts = new double[returns.length];
    RollingHistoricalVar warm = new RollingHistoricalVar(window, 0.99);
    warm.update(returns[returns.length - 1]);
    for (int t = 0; t < returns.length; t++) {
      varForecasts[t] = warm.var(QuantileRule.TYPE_7_LINEAR);
      warm.update(returns[t]);
    }
    rolling = new RollingHistoricalVar(window, 0.99);
    monitor = new VarHealthMonitor(window, 0.01, 0.05);
    for (int t = 0; t < window; t++) {
      rolling.update(returns[t]);
      monitor.update(returns[t], varForecasts[t]);
    }
    i = window;
  }

  private int nextIndex() {
    int t = i;
    i = t + 1 == returns.length ? 0 : t + 1;
    return t;
  }

  /**
   * Rolling historical VaR: fold in one return (one leaves), then read the 99 % type-7 VaR.
   *
   * @return the VaR
   */
  @Benchmark
  public double rollingHistoricalVarUpdate() {
    rolling.update(returns[nextIndex()]);
    return rolling.var(QuantileRule.TYPE_7_LINEAR);
  }

  /**
   * As {@link #rollingHistoricalVarUpdate()}, plus the 99 % CVaR (mean of the worst {@code
   * ceil(0.01 window)} returns).
   *
   * @return the sum of VaR and CVaR
   */
  @Benchmark
  public double rollingHistoricalVarAndCvarUpdate() {
    rolling.update(returns[nextIndex()]);
    return rolling.var(QuantileRule.TYPE_7_LINEAR) + rolling.cvar(CvarRule.WORST_K_MEAN);
  }

  /**
   * VaR health monitor: record one (return, VaR forecast) pair and classify the window (Kupiec and
   * Christoffersen at 5 %).
   *
   * @return the status
   */
  @Benchmark
  public CoverageStatus varHealthMonitorUpdate() {
    int t = nextIndex();
    return monitor.update(returns[t], varForecasts[t]);
  }
}

package dev.tyche.benchmarks.risk;

import dev.tyche.risk.volatility.EwmaVolatility;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-observation cost of the RiskMetrics EWMA variance update ({@link EwmaVolatility#update}),
 * cycling through the 5,000 simulated returns of {@link RiskBenchData} divided by 100. Run with
 * {@code -prof gc} to see 0 B/op.
 *
 * <p>Mutable JMH state; confined to one benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EwmaUpdateBenchmark {

  private double[] returns;
  private int i;
  private EwmaVolatility ewma;

  /** Builds the inputs and the estimator. */
  @Setup
  public void setUp() {
    double[] x = RiskBenchData.simulatedPercentReturns();
    returns = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      returns[t] = x[t] / 100.0;
    }
    ewma = new EwmaVolatility(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA, 4e-4);
  }

  /**
   * Folds in one return.
   *
   * @return the new variance forecast
   */
  @Benchmark
  public double ewmaUpdate() {
    int t = i;
    i = t + 1 == returns.length ? 0 : t + 1;
    return ewma.update(returns[t]);
  }
}

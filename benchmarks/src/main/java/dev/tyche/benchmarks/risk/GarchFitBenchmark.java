package dev.tyche.benchmarks.risk;

import dev.tyche.risk.volatility.GarchFit;
import dev.tyche.risk.volatility.GarchFitStatus;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full GARCH(1,1) fit (normal innovations, constant mean, fGarch's start-up, the default
 * options: 3 fixed + 2 seeded random BFGS starts, then the Hessian and robust standard errors) per
 * operation. Target: at most 5 ms for 5,000 observations.
 *
 * <p>{@code fitSimulated5000}: the 5,000-value series of {@link RiskBenchData} (the same one the R
 * fGarch comparison reads). {@code fitEthDaily1675}: the real ETHUSDT daily series, which has only
 * 1,675 returns.
 *
 * <p>Mutable JMH state; confined to one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GarchFitBenchmark {

  private GarchModel model;
  private double[] simulated;
  private double[] eth;

  /** Builds the inputs once and checks that both fits converge. */
  @Setup
  public void setUp() {
    model = GarchModel.of(GarchSpec.garch());
    simulated = RiskBenchData.simulatedPercentReturns();
    eth = RiskBenchData.ethDailyPercentLogReturns();
    for (double[] x : new double[][] {simulated, eth}) {
      GarchFit fit = model.fit(x);
      if (fit.status() != GarchFitStatus.CONVERGED) {
        throw new IllegalStateException("benchmark input does not fit cleanly: " + fit.status());
      }
    }
  }

  /**
   * Fits the 5,000 simulated observations.
   *
   * @return the fit
   */
  @Benchmark
  public GarchFit fitSimulated5000() {
    return model.fit(simulated);
  }

  /**
   * Fits the 1,675 ETHUSDT daily percent log returns.
   *
   * @return the fit
   */
  @Benchmark
  public GarchFit fitEthDaily1675() {
    return model.fit(eth);
  }
}

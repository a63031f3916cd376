package dev.tyche.benchmarks.regime;

import dev.tyche.strategy.regime.hmm.GaussianHmm;
import dev.tyche.strategy.regime.hmm.GaussianHmmFitter;
import dev.tyche.strategy.regime.hmm.HmmFit;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import dev.tyche.strategy.regime.hmm.InitialDistribution;
import dev.tyche.strategy.regime.hmm.InitialStateFit;
import dev.tyche.strategy.regime.hmm.OnlineHmmFilter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gaussian HMM costs: a full fit (K = 3, T = 10,000 seeded simulated observations; target at most
 * 20 ms) and one step of the online forward filter (K = 3; target at most 50 ns per observation).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HmmBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class HmmBenchmark {

  private static final int T = 10_000;
  private static final int MASK = 8191;

  private GaussianHmm truth;
  private double[] series;

  /** The three-regime model the data are drawn from (low, medium and high variance). */
  @Setup(Level.Trial)
  public void setUp() {
    truth =
        GaussianHmm.univariate(
            InitialDistribution.ergodic(),
            new double[][] {{0.97, 0.02, 0.01}, {0.03, 0.94, 0.03}, {0.02, 0.04, 0.94}},
            new double[] {0.1, -0.05, -0.4},
            new double[] {0.25, 1.0, 6.0});
    series = simulate(truth, T, 20240101L);
  }

  /** Default options: ergodic initial distribution, 2 quantile + 4 random starts, BFGS polish. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public HmmFit fitK3Default() {
    return GaussianHmmFitter.fit(series, HmmFitOptions.defaults(3));
  }

  /** Classic Baum-Welch only: free initial distribution, no polish, same starts. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public HmmFit fitK3EstimatedInitial() {
    return GaussianHmmFitter.fit(
        series, HmmFitOptions.defaults(3).withInitialState(InitialStateFit.ESTIMATED));
  }

  /** Ergodic fit from the two quantile starts only (no random starts). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public HmmFit fitK3QuantileStartsOnly() {
    return GaussianHmmFitter.fit(series, HmmFitOptions.defaults(3).withRandomStarts(0, 1L));
  }

  /** Batch scaled forward pass over the whole series (filtered probabilities, log-likelihood). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double forwardBatchT10000() {
    return truth.forward(series).logLikelihood();
  }

  /** One observation through the online filter. */
  @State(Scope.Thread)
  public static class Online {
    OnlineHmmFilter filter;
    double[] data;
    int i;

    /** Builds the filter and the observation ring. */
    @Setup(Level.Trial)
    public void setUp(HmmBenchmark b) {
      filter = b.truth.onlineFilter();
      data = java.util.Arrays.copyOf(b.series, MASK + 1);
    }
  }

  /** Online filter step, K = 3: emission densities, normalisation, prediction. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double onlineFilterStepK3(Online s) {
    return s.filter.update(s.data[s.i++ & MASK]);
  }

  static double[] simulate(GaussianHmm m, int n, long seed) {
    Random rng = new Random(seed);
    double[][] a = m.transitionMatrix();
    double[] mu = m.univariateMeans();
    double[] var = m.univariateVariances();
    double[] pi = m.initialDistribution();
    double[] x = new double[n];
    int s = draw(pi, rng);
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        s = draw(a[s], rng);
      }
      x[t] = mu[s] + Math.sqrt(var[s]) * rng.nextGaussian();
    }
    return x;
  }

  private static int draw(double[] p, Random rng) {
    double u = rng.nextDouble();
    double c = 0.0;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      if (u < c) {
        return i;
      }
    }
    return p.length - 1;
  }
}

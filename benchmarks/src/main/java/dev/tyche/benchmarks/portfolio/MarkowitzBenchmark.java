package dev.tyche.benchmarks.portfolio;

import dev.tyche.portfolio.optimize.MeanVarianceOptimizer;
import dev.tyche.portfolio.optimize.PortfolioConstraints;
import dev.tyche.portfolio.optimize.PortfolioResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ojalgo.data.domain.finance.portfolio.MarkowitzModel;
import org.ojalgo.matrix.MatrixR064;
import org.ojalgo.matrix.store.RawStore;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Long-only minimum variance and long-only maximum Sharpe, Tyche's {@link MeanVarianceOptimizer}
 * (Goldfarb-Idnani) against ojAlgo 55 on the same inputs.
 *
 * <p>Inputs: a seeded 5-factor model {@code Sigma = B F B' + diag(s^2)} with daily-like scales and
 * seeded expected returns, built once per trial in {@link #setUp()}.
 *
 * <p>Peers. Minimum variance: ojAlgo's {@link MarkowitzModel} with shorting disallowed and zero
 * expected returns (its objective {@code lambda/2 w'Sigma w - mu'w} then is exactly the minimum
 * variance problem; it has no minimum-variance mode of its own), and ojAlgo's {@link ConvexSolver}
 * on the same QP ({@code min 1/2 w'Sigma w, 1'w = 1, w >= 0}). Maximum Sharpe: MarkowitzModel
 * cannot express the tangency problem directly (it finds a target variance or return by its own
 * search), so ojAlgo's ConvexSolver is given the same homogenised QP as Tyche ({@code min y'Sigma
 * y, (mu - rf)'y = 1, y >= 0}, {@code w = y / 1'y}). Tyche's figures include building the QP from
 * the constraints; ojAlgo's include building its model or solver.
 *
 * <p>The maximum absolute weight difference between Tyche and each peer is printed once per trial
 * from {@link #setUp()}.
 *
 * <p>Mutable; confined to one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MarkowitzBenchmark {

  @Param({"50", "200", "500"})
  public int n;

  private double[] mu;
  private double[][] sigma;
  private MeanVarianceOptimizer optimizer;
  private PortfolioConstraints longOnly;
  private MatrixR064 sigmaOj;
  private MatrixR064 zeroReturnsOj;

  /** Builds the seeded inputs and prints the agreement between Tyche and ojAlgo. */
  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(20240601L + n);
    int k = 5;
    double[][] b = new double[n][k];
    double[] f = {4e-4, 1e-4, 6e-5, 3e-5, 1e-5};
    double[] s2 = new double[n];
    mu = new double[n];
    for (int i = 0; i < n; i++) {
      b[i][0] = 0.5 + rnd.nextDouble();
      for (int j = 1; j < k; j++) {
        b[i][j] = rnd.nextGaussian();
      }
      double idio = 0.01 + 0.03 * rnd.nextDouble();
      s2[i] = idio * idio;
      mu[i] = 0.0005 + 0.001 * rnd.nextGaussian();
    }
    sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = 0.0;
        for (int c = 0; c < k; c++) {
          v += b[i][c] * f[c] * b[j][c];
        }
        if (i == j) {
          v += s2[i];
        }
        sigma[i][j] = v;
        sigma[j][i] = v;
      }
    }
    optimizer = new MeanVarianceOptimizer(mu, sigma, 0.0, 365);
    longOnly = PortfolioConstraints.longOnly(n);
    sigmaOj = MatrixR064.FACTORY.copy(RawStore.wrap(sigma));
    zeroReturnsOj = MatrixR064.FACTORY.make(n, 1);

    PortfolioResult gmv = optimizer.minimumVariance(longOnly);
    PortfolioResult tan = optimizer.maximumSharpe(longOnly);
    double[] ojMm = ojalgoMarkowitzWeights();
    double[] ojGmv = ojalgoConvexMinVarianceWeights();
    double[] ojTan = ojalgoConvexMaxSharpeWeights();
    System.out.printf(
        Locale.ROOT,
        "%nn=%d  max|w_tyche - w_ojalgo|: minVariance vs MarkowitzModel %.3e, vs ConvexSolver"
            + " %.3e; maxSharpe vs ConvexSolver %.3e; Tyche QP iterations gmv=%d sharpe=%d;"
            + " assets held gmv=%d sharpe=%d; variance tyche %.12e ojalgo %.12e%n",
        n,
        maxDiff(gmv.weights(), ojMm),
        maxDiff(gmv.weights(), ojGmv),
        maxDiff(tan.weights(), ojTan),
        gmv.diagnostics().iterations(),
        tan.diagnostics().iterations(),
        held(gmv.weights()),
        held(tan.weights()),
        variance(gmv.weights()),
        variance(ojGmv));
  }

  /**
   * Tyche long-only minimum variance.
   *
   * @return the result
   */
  @Benchmark
  public PortfolioResult tycheMinVariance() {
    return optimizer.minimumVariance(longOnly);
  }

  /**
   * ojAlgo MarkowitzModel, long-only, zero expected returns.
   *
   * @return the weights
   */
  @Benchmark
  public List<BigDecimal> ojalgoMarkowitzMinVariance() {
    MarkowitzModel model = new MarkowitzModel(sigmaOj, zeroReturnsOj);
    model.setShortingAllowed(false);
    return model.getWeights();
  }

  /**
   * ojAlgo ConvexSolver on the long-only minimum-variance QP.
   *
   * @return the solver result
   */
  @Benchmark
  public Optimisation.Result ojalgoConvexMinVariance() {
    return minVarianceBuilder().solve();
  }

  /**
   * Tyche long-only maximum Sharpe.
   *
   * @return the result
   */
  @Benchmark
  public PortfolioResult tycheMaxSharpe() {
    return optimizer.maximumSharpe(longOnly);
  }

  /**
   * ojAlgo ConvexSolver on the homogenised long-only maximum-Sharpe QP.
   *
   * @return the solver result
   */
  @Benchmark
  public Optimisation.Result ojalgoConvexMaxSharpe() {
    return maxSharpeBuilder().solve();
  }

  private ConvexSolver.Builder minVarianceBuilder() {
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return ConvexSolver.newBuilder(n)
        .quadratic(RawStore.wrap(sigma))
        .linear(new double[n])
        .equality(1.0, ones)
        .inequalities(negativeIdentity(), RawStore.wrap(new double[n][1]));
  }

  private ConvexSolver.Builder maxSharpeBuilder() {
    return ConvexSolver.newBuilder(n)
        .quadratic(RawStore.wrap(sigma))
        .linear(new double[n])
        .equality(1.0, mu.clone())
        .inequalities(negativeIdentity(), RawStore.wrap(new double[n][1]));
  }

  /** ojAlgo's inequalities are {@code A x <= b}: {@code -I x <= 0}. */
  private RawStore negativeIdentity() {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = -1.0;
    }
    return RawStore.wrap(a);
  }

  private double[] ojalgoMarkowitzWeights() {
    List<BigDecimal> w = ojalgoMarkowitzMinVariance();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = w.get(i).doubleValue();
    }
    return out;
  }

  private double[] ojalgoConvexMinVarianceWeights() {
    Optimisation.Result r = ojalgoConvexMinVariance();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.doubleValue(i);
    }
    return out;
  }

  private double[] ojalgoConvexMaxSharpeWeights() {
    Optimisation.Result r = ojalgoConvexMaxSharpe();
    double[] out = new double[n];
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      out[i] = r.doubleValue(i);
      sum += out[i];
    }
    for (int i = 0; i < n; i++) {
      out[i] /= sum;
    }
    return out;
  }

  private double variance(double[] w) {
    double v = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v += w[i] * sigma[i][j] * w[j];
      }
    }
    return v;
  }

  private static int held(double[] w) {
    int c = 0;
    for (double x : w) {
      if (x > 1e-9) {
        c++;
      }
    }
    return c;
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0.0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}

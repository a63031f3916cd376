package dev.tyche.benchmarks.risk;

import dev.tyche.risk.volatility.GarchFit;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchParameters;
import dev.tyche.risk.volatility.GarchSpec;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the GARCH benchmark inputs for the R fGarch comparison and prints Tyche's fits of them.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tyche.benchmarks.risk.GarchComparisonData OUT_DIR}.
 * Writes {@code garch-sim-5000.csv} and {@code garch-eth-1d.csv} into {@code OUT_DIR}, each with a
 * column {@code x} (17 significant digits) and a column {@code x_hex} ({@link
 * Double#toHexString(double)}, which R's {@code as.numeric} parses exactly), so the peer fits
 * bit-identical doubles. Then prints, per series, Tyche's log-likelihood, parameters, status and
 * BFGS iterations in the same layout as {@code peer/garch_fit_timing.R}, and the CPU time of this
 * thread per fit ({@link ThreadMXBean#getCurrentThreadCpuTime()}, after 50 warm-up fits, averaged
 * over 50 fits), the counterpart of R's user+sys time: on a machine shared with other jobs it
 * counts only the cycles the fit itself got, unlike elapsed time. The JMH figures in {@code
 * GarchFitBenchmark} remain the reference timing.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class GarchComparisonData {

  private static final int WARM_UP_FITS = 50;
  private static final int TIMED_FITS = 50;

  private GarchComparisonData() {}

  /**
   * Entry point.
   *
   * @param args {@code OUT_DIR}
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GarchComparisonData OUT_DIR");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    GarchModel model = GarchModel.of(GarchSpec.garch());
    report(model, "garch-sim-5000", RiskBenchData.simulatedPercentReturns(), out);
    report(model, "garch-eth-1d", RiskBenchData.ethDailyPercentLogReturns(), out);
  }

  private static void report(GarchModel model, String name, double[] x, Path out)
      throws IOException {
    Path csv = out.resolve(name + ".csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("x,x_hex\n");
      for (double v : x) {
        w.write(String.format(Locale.ROOT, "%.17g,%s%n", v, Double.toHexString(v)));
      }
    }
    GarchFit fit = model.fit(x);
    GarchParameters p = fit.parameters();
    System.out.printf(
        Locale.ROOT,
        "tyche   %-15s n=%d loglik=%.10f mu=%.8f omega=%.8f alpha1=%.8f beta1=%.8f"
            + " status=%s iterations=%d%n",
        name,
        x.length,
        fit.logLikelihood(),
        p.mu(),
        p.omega(),
        p.alpha1(),
        p.beta1(),
        fit.status(),
        fit.iterations());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads.isCurrentThreadCpuTimeSupported()) {
      double sink = 0.0;
      for (int i = 0; i < WARM_UP_FITS; i++) {
        sink += model.fit(x).logLikelihood();
      }
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < TIMED_FITS; i++) {
        sink += model.fit(x).logLikelihood();
      }
      long cpu = threads.getCurrentThreadCpuTime() - start;
      System.out.printf(
          Locale.ROOT,
          "tyche   %-15s thread CPU time per fit: %.2f ms (%d fits after %d warm-up; checksum %.3f)%n",
          name,
          cpu / 1e6 / TIMED_FITS,
          TIMED_FITS,
          WARM_UP_FITS,
          sink);
    }
    System.out.printf(Locale.ROOT, "wrote %s%n", csv.toAbsolutePath().normalize());
  }
}

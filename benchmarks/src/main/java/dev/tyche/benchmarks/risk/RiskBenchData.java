package dev.tyche.benchmarks.risk;

import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchParameters;
import dev.tyche.risk.volatility.GarchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The inputs every risk benchmark and the fGarch comparison share, so that Tyche and the peer see
 * bit-identical series.
 *
 * <p>The simulated series is a normal GARCH(1,1) with a constant mean, in percent log returns, with
 * parameters rounded from fGarch's fit to ETHUSDT-perp daily returns 2020-2024 (mu 0.15, omega
 * 0.38, alpha1 0.084, beta1 0.897: unconditional sd about 4.5 % a day, persistence 0.981). The real
 * series is {@code 100 ln(close_t / close_{t-1})} of {@code binance-futures-um-ETHUSDT-1d.csv.gz}
 * (1,676 rows, so 1,675 returns) from {@code System.getProperty("tyche.data.dir",
 * "../shared/data")}.
 *
 * <p>Immutable and thread-safe (static data only).
 */
public final class RiskBenchData {

  /** Length of the simulated series. */
  public static final int SIM_N = 5000;

  /** Leading simulated values discarded. */
  public static final int SIM_BURN_IN = 500;

  /** Seed of the simulation. */
  public static final long SIM_SEED = 20_240_601L;

  /** The true parameters of the simulated series (percent units). */
  public static final GarchParameters SIM_PARAMS = GarchParameters.garch(0.15, 0.38, 0.084, 0.897);

  /** The daily ETHUSDT perpetual klines in the shared data folder. */
  public static final String ETH_DAILY_FILE = "binance-futures-um-ETHUSDT-1d.csv.gz";

  private RiskBenchData() {}

  /**
   * The 5,000 simulated percent log returns, the same on every call.
   *
   * @return a new array
   */
  public static double[] simulatedPercentReturns() {
    return GarchModel.of(GarchSpec.garch()).simulate(SIM_PARAMS, SIM_N, SIM_BURN_IN, SIM_SEED);
  }

  /**
   * The folder of the shared market data.
   *
   * @return {@code tyche.data.dir}, by default {@code ../shared/data}
   */
  public static Path dataDir() {
    return Path.of(System.getProperty("tyche.data.dir", "../shared/data"));
  }

  /**
   * ETHUSDT-perp daily percent log returns {@code 100 ln(close_t / close_{t-1})}, 2020-05-31 to
   * 2024-12-31 (1,675 values).
   *
   * @return a new array
   * @throws UncheckedIOException if the file cannot be read
   */
  public static double[] ethDailyPercentLogReturns() {
    double[] close = ethDailyCloses();
    double[] x = new double[close.length - 1];
    for (int t = 1; t < close.length; t++) {
      x[t - 1] = 100.0 * Math.log(close[t] / close[t - 1]);
    }
    return x;
  }

  /**
   * ETHUSDT-perp daily simple returns {@code close_t / close_{t-1} - 1} (1,675 values).
   *
   * @return a new array
   * @throws UncheckedIOException if the file cannot be read
   */
  public static double[] ethDailySimpleReturns() {
    double[] close = ethDailyCloses();
    double[] r = new double[close.length - 1];
    for (int t = 1; t < close.length; t++) {
      r[t - 1] = close[t] / close[t - 1] - 1.0;
    }
    return r;
  }

  private static double[] ethDailyCloses() {
    Path file = dataDir().resolve(ETH_DAILY_FILE);
    List<Double> close = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("timestamp,open,high,low,close")) {
        throw new IllegalStateException(file + ": unexpected header " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        close.add(Double.parseDouble(line.split(",", -1)[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
    double[] out = new double[close.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = close.get(i);
    }
    return out;
  }
}

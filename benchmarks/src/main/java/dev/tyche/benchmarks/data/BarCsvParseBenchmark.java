package dev.tyche.benchmarks.data;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Symbol;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing speed of the kline CSV reader on the real BTCUSDT perpetual 1h file (33 692 bars, 1.9
 * MB). The file is decompressed into memory once in {@link #setup()}, so only parsing is measured.
 * Scores are nanoseconds per bar ({@link OperationsPerInvocation} is the file's bar count).
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar BarCsvParseBenchmark -f 1 -wi 2 -i 3}. The data folder is the
 * system property {@code tyche.data.dir}, default {@code ../shared/data} (relative to the working
 * directory of the forked JVM, which JMH gives the parent's JVM options).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BarCsvParseBenchmark {
  /** Bars in binance-futures-um-BTCUSDT-1h.csv.gz, per the data README. */
  static final int BARS = 33_692;

  static final String FILE = "binance-futures-um-BTCUSDT-1h.csv.gz";
  private static final KlineCsvOptions OPTIONS = KlineCsvOptions.of(Symbol.of("BTCUSDT"), "1h");

  private byte[] csv;

  /**
   * Decompresses the file into memory and checks the bar count.
   *
   * @throws IOException if the data folder cannot be read
   */
  @Setup
  public void setup() throws IOException {
    Path dir = Path.of(System.getProperty("tyche.data.dir", "../shared/data"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(FILE)))) {
      csv = in.readAllBytes();
    }
    int n = KlineCsvReader.readSeries(new ByteArrayInputStream(csv), FILE, OPTIONS).size();
    if (n != BARS) {
      throw new IllegalStateException(FILE + " has " + n + " bars, expected " + BARS);
    }
  }

  /**
   * Streams every row through the cursor, reading the primitive fields (no object per bar).
   *
   * @param bh sink
   * @throws IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public void cursorDoubles(Blackhole bh) throws IOException {
    try (KlineCsvReader r = KlineCsvReader.open(new ByteArrayInputStream(csv), FILE, OPTIONS)) {
      while (r.next()) {
        bh.consume(r.openTime());
        bh.consume(r.closePrice());
        bh.consume(r.volume());
      }
    }
  }

  /**
   * Loads the whole file into a columnar {@link BarSeries}.
   *
   * @return the series
   * @throws IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public BarSeries series() throws IOException {
    return KlineCsvReader.readSeries(new ByteArrayInputStream(csv), FILE, OPTIONS);
  }

  /**
   * Loads the whole file as exact {@code Bar} records (fixed-point prices and volume).
   *
   * @param bh sink
   * @throws IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public void exactBars(Blackhole bh) throws IOException {
    try (KlineCsvReader r = KlineCsvReader.open(new ByteArrayInputStream(csv), FILE, OPTIONS)) {
      r.forEachBar(bh::consume);
    }
  }

  /**
   * Baseline: the naive way, {@code String.split} and {@code Double.parseDouble} per field.
   *
   * @param bh sink
   * @throws IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public void naiveSplitParseDouble(Blackhole bh) throws IOException {
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new ByteArrayInputStream(csv), java.nio.charset.StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        bh.consume(Long.parseLong(f[0]));
        for (int i = 1; i <= 5; i++) {
          bh.consume(Double.parseDouble(f[i]));
        }
      }
    }
  }
}

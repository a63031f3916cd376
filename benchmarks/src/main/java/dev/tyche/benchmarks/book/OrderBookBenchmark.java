package dev.tyche.benchmarks.book;

import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.book.OrderBookSynchronizer;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
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
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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

/**
 * Cost of keeping a local L2 book current from the real Binance USDⓈ-M BTCUSDT capture ({@code
 * binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz}: one 1000-level REST snapshot and 6,551
 * {@code @depth@0ms} diffs, about 40 changed levels each).
 *
 * <p>The file is read from the directory in the system property {@code tyche.data.dir}, default
 * {@code ../shared/data}, which resolves correctly when the benchmark is started from the
 * repository root: {@code java -Dtyche.data.dir=/path/to/shared/data -jar
 * benchmarks/target/benchmarks.jar OrderBookBenchmark}. (JMH passes the launching JVM's {@code -D}
 * options on to its forks.)
 *
 * <p>{@code @Setup} parses everything into primitive {@link BookDeltaBuffer}s (prices and
 * quantities as {@code long} units), so the measured part is only the book update. One operation is
 * one diff. After the last diff the book is reset to the snapshot and the sequence starts again;
 * that reset (a copy of 2 x 1000 levels, once per 6,547 diffs) is included in the average. The
 * query benchmarks read the book as it stands after the whole capture (about 5,000 levels a side).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderBookBenchmark {
  private static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  private BookSnapshot snapshot;
  private BookDeltaBuffer[] deltas;
  private int next;
  private OrderBook book;
  private OrderBookSynchronizer sync;
  private int nextForSync;
  private OrderBook fullBook;
  private final long[] depthPrices = new long[10];
  private final long[] depthQuantities = new long[10];

  /** Loads and parses the capture; keeps the diffs that follow the snapshot. */
  @Setup
  public void load() {
    Path path = Path.of(System.getProperty("tyche.data.dir", "../shared/data"), FILE);
    List<String> diffLines = new ArrayList<>();
    String snapshotLine = null;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.contains("\"lastUpdateId\"")) {
          snapshotLine = line;
        } else if (line.contains("\"stream\":\"btcusdt@depth@0ms\"")) {
          diffLines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
    if (snapshotLine == null) {
      throw new IllegalStateException("no REST snapshot in " + path);
    }
    snapshot =
        new BookSnapshot(
            BTCUSDT,
            longField(snapshotLine, "\"lastUpdateId\":"),
            longField(snapshotLine, "\"E\":"),
            levels(snapshotLine, "\"bids\":["),
            levels(snapshotLine, "\"asks\":["));
    List<BookDeltaBuffer> kept = new ArrayList<>();
    for (String line : diffLines) {
      long u = longField(line, "\"u\":");
      if (u < snapshot.lastUpdateId()) {
        continue; // Binance: drop diffs already contained in the snapshot
      }
      BookDeltaBuffer buffer = new BookDeltaBuffer(BTCUSDT, 64);
      buffer.reset(
          longField(line, "\"U\":"), u, longField(line, "\"pu\":"), longField(line, "\"E\":"));
      addLevels(line, "\"b\":[", buffer, Side.BUY);
      addLevels(line, "\"a\":[", buffer, Side.SELL);
      kept.add(buffer);
    }
    deltas = kept.toArray(new BookDeltaBuffer[0]);

    book = new OrderBook(BTC, 8192);
    book.applySnapshot(snapshot);
    next = 0;
    sync = new OrderBookSynchronizer(new OrderBook(BTC, 8192), 16);
    sync.onSnapshot(snapshot);
    nextForSync = 0;
    fullBook = new OrderBook(BTC, 8192);
    OrderBookSynchronizer full = new OrderBookSynchronizer(fullBook, 16);
    full.onSnapshot(snapshot);
    for (BookDeltaBuffer d : deltas) {
      full.onDelta(d);
    }
    if (!full.isSynced()) {
      throw new IllegalStateException("replay did not sync: " + full);
    }
  }

  /** One diff applied to the book directly (no sequence check). */
  @Benchmark
  public long applyDelta() {
    if (next == deltas.length) {
      book.applySnapshot(snapshot);
      next = 0;
    }
    book.apply(deltas[next++]);
    return book.lastUpdateId();
  }

  /** One diff through the synchronizer: the {@code pu} chain check plus the book update. */
  @Benchmark
  public OrderBookSynchronizer.State synchronizerOnDelta() {
    if (nextForSync == deltas.length) {
      sync.onSnapshot(snapshot);
      nextForSync = 0;
    }
    return sync.onDelta(deltas[nextForSync++]);
  }

  /** Best bid price and quantity. */
  @Benchmark
  public void bestBid(Blackhole bh) {
    bh.consume(fullBook.bestBidPriceUnits());
    bh.consume(fullBook.bestBidQuantityUnits());
  }

  /** Mid price as a double. */
  @Benchmark
  public double mid() {
    return fullBook.mid();
  }

  /** Top 10 ask levels copied into caller arrays. */
  @Benchmark
  public int depth10() {
    return fullBook.copyLevels(Side.SELL, depthPrices, depthQuantities, 10);
  }

  // ---- a minimal reader for the fixed message layout; Jackson is not a benchmarks dependency

  private static long longField(String line, String key) {
    int at = line.indexOf(key);
    if (at < 0) {
      throw new IllegalArgumentException("no " + key + " in " + line.substring(0, 120));
    }
    int i = at + key.length();
    int end = i;
    while (end < line.length() && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return Long.parseLong(line.substring(i, end));
  }

  /** Calls {@code sink} for each {@code ["price","qty"]} pair of the array starting at key. */
  private static void forEachPair(String line, String key, PairSink sink) {
    int i = line.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("no " + key + " in " + line.substring(0, 120));
    }
    i += key.length();
    while (line.charAt(i) == '[') {
      int p0 = i + 2;
      int p1 = line.indexOf('"', p0);
      int q0 = p1 + 3;
      int q1 = line.indexOf('"', q0);
      sink.accept(line.substring(p0, p1), line.substring(q0, q1));
      i = q1 + 2; // past "]
      if (line.charAt(i) == ',') {
        i++;
      }
    }
  }

  private static List<BookLevel> levels(String line, String key) {
    List<BookLevel> out = new ArrayList<>();
    forEachPair(line, key, (p, q) -> out.add(BookLevel.parse(p, q)));
    return out;
  }

  private static void addLevels(String line, String key, BookDeltaBuffer buffer, Side side) {
    forEachPair(
        line,
        key,
        (p, q) -> {
          long price = BTC.parsePrice(p).units();
          long quantity = BTC.parseQuantity(q).units();
          if (side == Side.BUY) {
            buffer.addBid(price, quantity);
          } else {
            buffer.addAsk(price, quantity);
          }
        });
  }

  @FunctionalInterface
  private interface PairSink {
    void accept(String price, String quantity);
  }
}

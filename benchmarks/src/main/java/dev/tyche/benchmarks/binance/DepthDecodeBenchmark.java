package dev.tyche.benchmarks.binance;

import dev.tyche.binance.ws.DepthDiffDecoder;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookSnapshot;
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

/**
 * Throughput of the Binance adapter's hot depth path on the real capture ({@code
 * binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz}: 6,551 {@code btcusdt@depth@0ms} envelopes of
 * 1,617 characters and 67.7 levels on average, of which about 13 insert a level, 40 change one, 12
 * remove one and 3 remove an absent one): {@link DepthDiffDecoder} parsing the message text into a
 * reused {@link BookDeltaBuffer}, alone and followed by {@link OrderBook#apply(BookDeltaBuffer)}.
 * One operation is one message; the messages are cycled. Divide by 67.7 for the cost per level. In
 * {@code decodeAndApply} the book starts from the capture's REST snapshot and keeps absorbing the
 * cycled diffs (update ids are not checked by {@code OrderBook}), so the level count stays
 * realistic.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar
 * DepthDecodeBenchmark -prof gc} ({@code -Dtyche.data.dir=...} if the data is elsewhere). The
 * issue's target is at least 1 M messages/s per core and 0 B/op; with diffs this large (about 68
 * levels) that would mean under 15 ns per level for parsing and applying together, which this path
 * does not reach (see the module README for measured figures).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DepthDecodeBenchmark {
  private static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  private String[] messages;
  private int next;
  private DepthDiffDecoder decoder;
  private BookDeltaBuffer buffer;
  private OrderBook book;

  /** Loads the depth messages and the snapshot. */
  @Setup
  public void load() {
    Path path = Path.of(System.getProperty("tyche.data.dir", "../shared/data"), FILE);
    List<String> lines = new ArrayList<>();
    String snapshotLine = null;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String json = line.substring(line.indexOf(' ') + 1);
        if (json.startsWith("{\"lastUpdateId\"")) {
          snapshotLine = json;
        } else if (json.contains("\"e\":\"depthUpdate\"")) {
          lines.add(json);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
    if (snapshotLine == null || lines.isEmpty()) {
      throw new IllegalStateException("no snapshot or no diffs in " + path);
    }
    messages = lines.toArray(new String[0]);
    decoder = new DepthDiffDecoder(BTC);
    buffer = new BookDeltaBuffer(BTCUSDT, 256);
    book = new OrderBook(BTC, 8192);
    book.applySnapshot(snapshot(snapshotLine));
  }

  private static BookSnapshot snapshot(String json) {
    dev.tyche.binance.dto.DepthSnapshot d =
        dev.tyche.binance.dto.BinanceJson.decode(json, dev.tyche.binance.dto.DepthSnapshot.class);
    return dev.tyche.binance.mapping.MarketMapping.toBookSnapshot(d, BTCUSDT);
  }

  private String nextMessage() {
    String m = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    return m;
  }

  /**
   * Parses one message.
   *
   * @return the final update id, so the work is not eliminated
   */
  @Benchmark
  public long decode() {
    return decoder.decode(nextMessage(), buffer).finalUpdateId();
  }

  /**
   * Parses one message and applies it to the book.
   *
   * @return the book's best bid units
   */
  @Benchmark
  public long decodeAndApply() {
    book.apply(decoder.decode(nextMessage(), buffer));
    return book.bestBidPriceUnits();
  }
}

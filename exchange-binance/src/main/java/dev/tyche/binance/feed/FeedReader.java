package dev.tyche.binance.feed;

import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.mapping.MarketMapping;
import dev.tyche.binance.ws.MarketStreamDecoder;
import dev.tyche.binance.ws.StreamMessage;
import dev.tyche.core.id.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a captured Binance USDⓈ-M WebSocket feed in the format of the project's {@code
 * binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz} (hftbacktest's collector): one message per
 * line, {@code <local receive time ns> <json>}, where the JSON is a combined-stream envelope {@code
 * {"stream":...,"data":...}} or a REST depth snapshot {@code {"lastUpdateId":...}}. Files ending in
 * {@code .gz} are decompressed.
 *
 * <p>{@link #nextLine()} gives the raw lines (for a caller that decodes depth itself, e.g. with
 * {@code DepthDiffDecoder}); {@link #replay(Consumer)} decodes every line into a core event, in
 * file order, skipping well-formed messages that map to no event (open klines, unknown types).
 * Malformed lines fail with a {@link BinanceException} that names the line number.
 *
 * <p>Mutable; confined to one thread.
 */
public final class FeedReader implements AutoCloseable {

  private final BufferedReader reader;
  private final Symbol symbol;
  private final String name;
  private long lineNumber;
  private long skipped;

  private FeedReader(BufferedReader reader, Symbol symbol, String name) {
    this.reader = reader;
    this.symbol = symbol;
    this.name = name;
  }

  /**
   * Opens a capture.
   *
   * @param path the file ({@code .gz} or plain text)
   * @param symbol the symbol the capture's REST snapshot lines belong to (they do not name it)
   * @return the reader
   * @throws UncheckedIOException if the file cannot be opened
   */
  public static FeedReader open(Path path, Symbol symbol) {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    try {
      InputStream in = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new FeedReader(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
          symbol,
          path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  /**
   * The next line.
   *
   * @return the line, or empty at the end of the file
   * @throws BinanceException if the line is not {@code <digits> <json>}
   */
  public Optional<FeedLine> nextLine() {
    String line;
    try {
      line = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " after line " + lineNumber, e);
    }
    if (line == null) {
      return Optional.empty();
    }
    lineNumber++;
    int space = line.indexOf(' ');
    if (space <= 0 || space > 19) {
      throw malformed("must start with '<local ns> ' but was '" + head(line) + "'");
    }
    long ns = 0;
    for (int i = 0; i < space; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed("local time must be digits but was '" + head(line) + "'");
      }
      ns = ns * 10 + (c - '0');
    }
    return Optional.of(new FeedLine(lineNumber, ns, line.substring(space + 1)));
  }

  /**
   * Decodes one line into a core event.
   *
   * @param line the line
   * @return the event, or empty for a well-formed message that maps to none
   * @throws BinanceException naming the line if it is malformed
   */
  public Optional<FeedEvent> decode(FeedLine line) {
    try {
      if (line.isSnapshot()) {
        DepthSnapshot d = BinanceJson.decode(line.json(), DepthSnapshot.class);
        return Optional.of(
            new FeedEvent(
                line.lineNumber(),
                line.localNanos(),
                "rest",
                MarketMapping.toBookSnapshot(d, symbol)));
      }
      StreamMessage m = MarketStreamDecoder.decode(line.json());
      if (m instanceof StreamMessage.Market) {
        StreamMessage.Market mm = (StreamMessage.Market) m;
        return Optional.of(
            new FeedEvent(line.lineNumber(), line.localNanos(), mm.stream(), mm.event()));
      }
      return Optional.empty();
    } catch (BinanceException | IllegalArgumentException e) {
      throw new BinanceException(
          ErrorKind.MALFORMED_RESPONSE,
          BinanceException.NO_CODE,
          0,
          -1,
          name + " line " + line.lineNumber() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Replays the rest of the file as core events, in file order.
   *
   * @param sink receives the events
   * @return the number of events replayed
   */
  public long replay(Consumer<FeedEvent> sink) {
    Objects.requireNonNull(sink, "sink must not be null");
    long n = 0;
    for (Optional<FeedLine> l = nextLine(); l.isPresent(); l = nextLine()) {
      Optional<FeedEvent> e = decode(l.get());
      if (e.isPresent()) {
        sink.accept(e.get());
        n++;
      } else {
        skipped++;
      }
    }
    return n;
  }

  /**
   * Lines read so far.
   *
   * @return the count
   */
  public long linesRead() {
    return lineNumber;
  }

  /**
   * Well-formed lines skipped by {@link #replay} because they map to no event.
   *
   * @return the count
   */
  public long skipped() {
    return skipped;
  }

  private BinanceException malformed(String what) {
    return new BinanceException(
        ErrorKind.MALFORMED_RESPONSE,
        BinanceException.NO_CODE,
        name + " line " + lineNumber + ": " + what);
  }

  private static String head(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}

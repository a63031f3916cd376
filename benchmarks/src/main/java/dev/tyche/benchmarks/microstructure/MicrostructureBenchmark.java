package dev.tyche.benchmarks.microstructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
import dev.tyche.execution.microstructure.BookDepth;
import dev.tyche.execution.microstructure.BookImbalance;
import dev.tyche.execution.microstructure.KyleLambda;
import dev.tyche.execution.microstructure.LayeringAlert;
import dev.tyche.execution.microstructure.LayeringDetector;
import dev.tyche.execution.microstructure.Microprice;
import dev.tyche.execution.microstructure.MomentumIgnitionDetector;
import dev.tyche.execution.microstructure.OrderFlowImbalance;
import dev.tyche.execution.microstructure.PingPongDetector;
import dev.tyche.execution.microstructure.QuoteStuffingDetector;
import dev.tyche.execution.microstructure.SpreadDecomposition;
import dev.tyche.execution.microstructure.Vpin;
import dev.tyche.execution.microstructure.VpinClassification;
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
import java.util.function.Consumer;
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
 * Per-update cost of the {@code dev.tyche.execution.microstructure} operators on the real Binance
 * USDⓈ-M BTCUSDT capture ({@code binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz}: 66,089
 * bookTicker updates, 21,313 trades, 6,551 depth diffs and one REST snapshot).
 *
 * <p>{@code @Setup} parses everything into primitive arrays (and {@link BookDeltaBuffer}s for the
 * diffs), with a merged, non-decreasing clock. One operation is one update of the operator's own
 * stream: a bookTicker update for the quote operators, a trade for the trade operators, a depth
 * diff for the book operators (each book benchmark includes applying the diff; {@code
 * bookApplyOnly} is that baseline). At the end of a stream the sequence restarts with all times
 * shifted forward, so the operators' clocks keep increasing; the book is then reset to the
 * snapshot.
 *
 * <p>Run from the repository root ({@code tyche.data.dir} defaults to {@code ../shared/data}):
 * {@code java -jar benchmarks/target/benchmarks.jar MicrostructureBenchmark -f 1 -wi 2 -i 3 -prof
 * gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MicrostructureBenchmark {
  private static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  // Quotes: time, bid, bidQty, ask, askQty.
  private long[] quoteTime;
  private double[] bid;
  private double[] bidQty;
  private double[] ask;
  private double[] askQty;
  // Trades: time, price, quantity, aggressor.
  private long[] tradeTime;
  private double[] tradePrice;
  private double[] tradeQty;
  private Side[] tradeSide;
  // Quotes and trades merged in arrival order: index >= 0 is a quote, ~index a trade.
  private int[] merged;
  // Diffs after the snapshot, with their merged-clock times.
  private BookSnapshot snapshot;
  private BookDeltaBuffer[] deltas;
  private long[] deltaTime;
  private long span;

  private int q;
  private long quoteShift;
  private int t;
  private long tradeShift;
  private int m;
  private long mergedShift;
  private int d;
  private long deltaShift;

  private OrderFlowImbalance ofi;
  private SpreadDecomposition spreads;
  private Vpin vpin;
  private KyleLambda kyle;
  private MomentumIgnitionDetector momentum;
  private PingPongDetector pingPong;
  private OrderBook book;
  private BookDepth depth;
  private BookImbalance imbalance;
  private LayeringDetector layering;
  private QuoteStuffingDetector stuffing;
  private double lastTradePrice;
  private int layeringAlerts;
  private final Consumer<LayeringAlert> countAlerts = a -> layeringAlerts++;

  /** Loads and preparses the capture; builds fresh operators. */
  @Setup
  public void load() {
    Path path = Path.of(System.getProperty("tyche.data.dir", "../shared/data"), FILE);
    ObjectMapper json = new ObjectMapper();
    List<double[]> quotes = new ArrayList<>();
    List<double[]> trades = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    List<BookDeltaBuffer> diffs = new ArrayList<>();
    List<Long> diffTimes = new ArrayList<>();
    long clock = 0;
    long first = -1;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = json.readTree(line.substring(line.indexOf(' ') + 1));
        if (node.has("lastUpdateId")) {
          snapshot =
              new BookSnapshot(
                  BTCUSDT,
                  node.get("lastUpdateId").asLong(),
                  node.get("E").asLong(),
                  levels(node.get("bids")),
                  levels(node.get("asks")));
          continue;
        }
        String stream = node.get("stream").asText();
        JsonNode x = node.get("data");
        clock = Math.max(clock, x.get("E").asLong());
        if (first < 0) {
          first = clock;
        }
        if (stream.endsWith("@bookTicker")) {
          order.add(quotes.size());
          quotes.add(
              new double[] {
                clock,
                x.get("b").asDouble(),
                x.get("B").asDouble(),
                x.get("a").asDouble(),
                x.get("A").asDouble()
              });
        } else if (stream.endsWith("@trade")) {
          order.add(~trades.size());
          trades.add(
              new double[] {
                clock, x.get("p").asDouble(), x.get("q").asDouble(), x.get("m").asBoolean() ? -1 : 1
              });
        } else if (snapshot != null && x.get("u").asLong() >= snapshot.lastUpdateId()) {
          BookDeltaBuffer b = new BookDeltaBuffer(BTCUSDT, 64);
          b.reset(x.get("U").asLong(), x.get("u").asLong(), x.get("pu").asLong(), clock);
          for (JsonNode l : x.get("b")) {
            b.addBid(BTC.parsePrice(l.get(0).asText()).units(), qty(l));
          }
          for (JsonNode l : x.get("a")) {
            b.addAsk(BTC.parsePrice(l.get(0).asText()).units(), qty(l));
          }
          diffs.add(b);
          diffTimes.add(clock);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
    span = clock - first + 1000;
    int nq = quotes.size();
    quoteTime = new long[nq];
    bid = new double[nq];
    bidQty = new double[nq];
    ask = new double[nq];
    askQty = new double[nq];
    for (int i = 0; i < nq; i++) {
      double[] r = quotes.get(i);
      quoteTime[i] = (long) r[0];
      bid[i] = r[1];
      bidQty[i] = r[2];
      ask[i] = r[3];
      askQty[i] = r[4];
    }
    int nt = trades.size();
    tradeTime = new long[nt];
    tradePrice = new double[nt];
    tradeQty = new double[nt];
    tradeSide = new Side[nt];
    for (int i = 0; i < nt; i++) {
      double[] r = trades.get(i);
      tradeTime[i] = (long) r[0];
      tradePrice[i] = r[1];
      tradeQty[i] = r[2];
      tradeSide[i] = r[3] > 0 ? Side.BUY : Side.SELL;
    }
    // Start the merged stream at the first quote so that every trade has a mid before it.
    int start = 0;
    while (order.get(start) < 0) {
      start++;
    }
    merged = order.subList(start, order.size()).stream().mapToInt(Integer::intValue).toArray();
    deltas = diffs.toArray(new BookDeltaBuffer[0]);
    deltaTime = diffTimes.stream().mapToLong(Long::longValue).toArray();

    ofi = new OrderFlowImbalance(1_000);
    spreads = new SpreadDecomposition(5_000);
    vpin = new Vpin(10, 50, VpinClassification.AGGRESSOR);
    kyle = new KyleLambda(300);
    momentum =
        new MomentumIgnitionDetector(
            new MomentumIgnitionDetector.Rule(1_000, 10, 0.8, 5, 0.5, 5_000));
    pingPong = new PingPongDetector(0.01, 200, 10);
    book = new OrderBook(BTC, 8192);
    book.applySnapshot(snapshot);
    depth = new BookDepth(10);
    imbalance = new BookImbalance(20);
    layering = new LayeringDetector(new LayeringDetector.Rule(5, 10, 0.8, 2_000, 3, 3_000, 1));
    stuffing = new QuoteStuffingDetector(1_000, 2_000, 50);
    lastTradePrice = tradePrice[0];
  }

  private static long qty(JsonNode level) {
    return BTC.parseQuantity(level.get(1).asText()).units();
  }

  private static List<BookLevel> levels(JsonNode array) {
    List<BookLevel> out = new ArrayList<>(array.size());
    for (JsonNode level : array) {
      out.add(BookLevel.parse(level.get(0).asText(), level.get(1).asText()));
    }
    return out;
  }

  private int nextQuote() {
    if (q == quoteTime.length) {
      q = 0;
      quoteShift += span;
    }
    return q++;
  }

  private int nextTrade() {
    if (t == tradeTime.length) {
      t = 0;
      tradeShift += span;
    }
    return t++;
  }

  // ------------------------------------------------------------------ quote stream

  /** OFI contribution and trailing-window sum of one bookTicker update. */
  @Benchmark
  public double orderFlowImbalance() {
    int i = nextQuote();
    return ofi.update(quoteTime[i] + quoteShift, bid[i], bidQty[i], ask[i], askQty[i]);
  }

  /** Weighted mid (first-order micro-price) of one bookTicker update. */
  @Benchmark
  public double weightedMid() {
    int i = nextQuote();
    return Microprice.weightedMid(bid[i], bidQty[i], ask[i], askQty[i]);
  }

  /**
   * Effective / realised spread decomposition (Δt = 5 s) over quotes and trades merged in arrival
   * order; one operation is one event of either kind.
   */
  @Benchmark
  public double spreadDecomposition() {
    if (m == merged.length) {
      m = 0;
      mergedShift += span;
    }
    int e = merged[m++];
    if (e >= 0) {
      spreads.onQuote(quoteTime[e] + mergedShift, bid[e], ask[e]);
      return spreads.mid();
    }
    int i = ~e;
    return spreads.onTrade(tradeTime[i] + mergedShift, tradePrice[i], tradeSide[i]);
  }

  // ------------------------------------------------------------------ trade stream

  /** VPIN (10 BTC buckets, 50-bucket window, aggressor flag) on one trade. */
  @Benchmark
  public int vpin() {
    int i = nextTrade();
    return vpin.onTrade(tradePrice[i], tradeQty[i], tradeSide[i]);
  }

  /**
   * Kyle's lambda (300-observation rolling OLS) with one observation per trade: signed quantity
   * against the trade-to-trade price change.
   */
  @Benchmark
  public double kyleLambda() {
    int i = nextTrade();
    double p = tradePrice[i];
    kyle.update(tradeSide[i].sign() * tradeQty[i], p - lastTradePrice);
    lastTradePrice = p;
    return kyle.isReady() ? kyle.lambda() : 0;
  }

  /** Momentum-ignition detector on one trade. */
  @Benchmark
  public boolean momentumIgnition() {
    int i = nextTrade();
    return momentum
        .onTrade(tradeTime[i] + tradeShift, tradeSide[i], tradePrice[i], tradeQty[i])
        .isPresent();
  }

  /** Ping-pong detector on one trade. */
  @Benchmark
  public boolean pingPong() {
    int i = nextTrade();
    return pingPong
        .onTrade(tradeTime[i] + tradeShift, tradeSide[i], tradePrice[i], tradeQty[i])
        .isPresent();
  }

  // ------------------------------------------------------------------ book stream

  private BookDeltaBuffer nextDelta() {
    if (d == deltas.length) {
      d = 0;
      deltaShift += span;
      book.applySnapshot(snapshot);
    }
    return deltas[d++];
  }

  /** Baseline: one diff applied to the book, no operator. */
  @Benchmark
  public long bookApplyOnly() {
    book.apply(nextDelta());
    return book.lastUpdateId();
  }

  /** One diff applied, then depth within 10 bps, imbalance over 20 levels and the weighted mid. */
  @Benchmark
  public void bookApplyDepthImbalanceMicroprice(Blackhole bh) {
    book.apply(nextDelta());
    depth.update(book);
    bh.consume(depth.totalDepthWithinBand());
    bh.consume(imbalance.update(book));
    bh.consume(Microprice.weightedMid(book));
  }

  /**
   * One diff through the layering detector (reading each level's previous quantity from the book)
   * and the quote-stuffing counter, then applied. No trades are fed here, so the layering rule's
   * opposite-volume condition never holds: this measures the tracking cost, not alert creation.
   */
  @Benchmark
  public int bookApplyLayeringStuffing(Blackhole bh) {
    BookDeltaBuffer delta = nextDelta();
    long time = deltaTime[d - 1] + deltaShift;
    int alerts = layering.onDelta(time, delta, book, countAlerts);
    bh.consume(stuffing.onBookUpdate(time, delta.bidCount() + delta.askCount()).isPresent());
    book.apply(delta);
    return alerts;
  }
}

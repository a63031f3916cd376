package dev.tyche.binance.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.ws.DepthDiffDecoder;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.book.OrderBookSynchronizer;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays the captured BTCUSDT feed and rebuilds its order book (data/README.md "Raw feed"). */
class FeedReplayTest {

  static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  static Path capture() {
    Path p = Path.of(System.getProperty("tyche.data.dir", "../../shared/data"), FILE);
    assertThat(p).as("the capture must be present").exists();
    return p;
  }

  @Test
  void replaysEveryLineAsCoreEventsInOrder() {
    Map<String, Integer> byStream = new HashMap<>();
    List<Long> tradeIds = new ArrayList<>();
    long[] lastLocal = {Long.MIN_VALUE};
    long n;
    try (FeedReader r = FeedReader.open(capture(), BTCUSDT)) {
      n =
          r.replay(
              e -> {
                byStream.merge(e.stream(), 1, Integer::sum);
                assertThat(e.lineNumber()).isPositive();
                if (e.event() instanceof Trade) {
                  tradeIds.add(Long.parseLong(((Trade) e.event()).tradeId().value()));
                }
                lastLocal[0] = e.localNanos();
              });
      assertThat(r.linesRead()).isEqualTo(93_954);
      assertThat(r.skipped()).isZero();
    }
    System.out.println("feed " + FILE + ": " + n + " events " + byStream);
    assertThat(n).isEqualTo(93_954);
    assertThat(byStream)
        .containsEntry("btcusdt@trade", 21_313)
        .containsEntry("btcusdt@depth@0ms", 6_551)
        .containsEntry("btcusdt@bookTicker", 66_089)
        .containsEntry("rest", 1);
    // The README: trade ids 5266583935..5266605247, none missing, in order.
    assertThat(tradeIds.get(0)).isEqualTo(5_266_583_935L);
    assertThat(tradeIds.get(tradeIds.size() - 1)).isEqualTo(5_266_605_247L);
    for (int i = 1; i < tradeIds.size(); i++) {
      assertThat(tradeIds.get(i)).isEqualTo(tradeIds.get(i - 1) + 1);
    }
    assertThat(lastLocal[0]).isPositive();
  }

  @Test
  void rebuildsTheBookWithZeroSequenceErrorsAndMatchesEveryBookTicker() {
    // Pass 1: every book ticker, indexed by update id.
    List<long[]> tickers = new ArrayList<>();
    try (FeedReader r = FeedReader.open(capture(), BTCUSDT)) {
      r.replay(
          e -> {
            if (e.event() instanceof Quote) {
              Quote q = (Quote) e.event();
              tickers.add(
                  new long[] {
                    q.updateId(),
                    q.bidPrice().withScale(2).units(),
                    q.askPrice().withScale(2).units()
                  });
            }
          });
    }
    tickers.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] ids = new long[tickers.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = tickers.get(i)[0];
    }

    // Pass 2: the book from the REST snapshot and the diffs, by Binance's procedure.
    OrderBookSynchronizer sync = new OrderBookSynchronizer(new OrderBook(BTC, 8192), 10_000);
    DepthDiffDecoder decoder = new DepthDiffDecoder(BTC);
    BookDeltaBuffer buffer = new BookDeltaBuffer(BTCUSDT, 64);
    int applied = 0;
    int compared = 0;
    int mismatches = 0;
    String firstMismatch = null;
    try (FeedReader r = FeedReader.open(capture(), BTCUSDT)) {
      for (Optional<FeedLine> l = r.nextLine(); l.isPresent(); l = r.nextLine()) {
        FeedLine line = l.get();
        if (line.isSnapshot()) {
          BookSnapshot s = (BookSnapshot) r.decode(line).orElseThrow().event();
          assertThat(s.lastUpdateId()).isEqualTo(5_123_107_852_948L);
          assertThat(s.bids()).hasSize(1000);
          sync.onSnapshot(s);
        } else if (line.isDepthUpdate()) {
          boolean wasSynced = sync.isSynced();
          sync.onDelta(decoder.decode(line.json(), buffer));
          if (wasSynced) {
            assertThat(sync.isSynced())
                .as("line %d continues the pu chain", line.lineNumber())
                .isTrue();
          }
          if (!sync.isSynced()) {
            continue;
          }
          applied++;
          OrderBook book = sync.book();
          long u = book.lastUpdateId();
          int k = Arrays.binarySearch(ids, u);
          int idx = k >= 0 ? k : -k - 2; // the last ticker with id <= u
          if (idx < 0) {
            continue;
          }
          long[] t = tickers.get(idx);
          compared++;
          if (book.bestBidPriceUnits() != t[1] || book.bestAskPriceUnits() != t[2]) {
            mismatches++;
            if (firstMismatch == null) {
              firstMismatch =
                  "line "
                      + line.lineNumber()
                      + " u="
                      + u
                      + " book "
                      + book.bestBidPriceUnits()
                      + "/"
                      + book.bestAskPriceUnits()
                      + " ticker u="
                      + t[0]
                      + " "
                      + t[1]
                      + "/"
                      + t[2];
            }
          }
        }
      }
    }
    System.out.println(
        "feed "
            + FILE
            + ": "
            + applied
            + " synced diffs, "
            + compared
            + " compared with book tickers, "
            + mismatches
            + " mismatches"
            + (firstMismatch == null ? "" : ", first: " + firstMismatch));
    assertThat(sync.gapCount()).isZero();
    assertThat(sync.isSynced()).isTrue();
    assertThat(applied).isGreaterThan(6_000);
    assertThat(compared).isGreaterThan(6_000);
    assertThat(mismatches).as(String.valueOf(firstMismatch)).isZero();
  }

  @Test
  void depthDecoderAgreesWithTheAllocatingDecoderOnEveryDiff() {
    DepthDiffDecoder decoder = new DepthDiffDecoder(BTC);
    BookDeltaBuffer buffer = new BookDeltaBuffer(BTCUSDT, 8);
    int n = 0;
    try (FeedReader r = FeedReader.open(capture(), BTCUSDT)) {
      for (Optional<FeedLine> l = r.nextLine(); l.isPresent(); l = r.nextLine()) {
        if (!l.get().isDepthUpdate()) {
          continue;
        }
        BookDelta viaTree = (BookDelta) r.decode(l.get()).orElseThrow().event();
        BookDelta viaHand = decoder.decode(l.get().json(), buffer).toBookDelta(2, 3);
        assertThat(viaHand.firstUpdateId()).isEqualTo(viaTree.firstUpdateId());
        assertThat(viaHand.finalUpdateId()).isEqualTo(viaTree.finalUpdateId());
        assertThat(viaHand.previousFinalUpdateId()).isEqualTo(viaTree.previousFinalUpdateId());
        assertThat(viaHand.eventTime()).isEqualTo(viaTree.eventTime());
        assertThat(viaHand.bids()).hasSameSizeAs(viaTree.bids());
        for (int i = 0; i < viaHand.bids().size(); i++) {
          assertThat(viaHand.bids().get(i).price().compareTo(viaTree.bids().get(i).price()))
              .isZero();
          assertThat(viaHand.bids().get(i).quantity().compareTo(viaTree.bids().get(i).quantity()))
              .isZero();
        }
        for (int i = 0; i < viaHand.asks().size(); i++) {
          assertThat(viaHand.asks().get(i).price().compareTo(viaTree.asks().get(i).price()))
              .isZero();
          assertThat(viaHand.asks().get(i).quantity().compareTo(viaTree.asks().get(i).quantity()))
              .isZero();
        }
        n++;
      }
    }
    assertThat(n).isEqualTo(6_551);
  }

  @Test
  void malformedLinesNameTheLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.txt");
    Files.writeString(
        f,
        "123 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"t\":7,\"p\":\"1.0\",\"q\":\"0.5\",\"m\":true}}\n"
            + "124 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1}}\n"
            + "x {}\n",
        StandardCharsets.UTF_8);
    try (FeedReader r = FeedReader.open(f, BTCUSDT)) {
      FeedLine first = r.nextLine().orElseThrow();
      assertThat(first.localNanos()).isEqualTo(123);
      assertThat(r.decode(first)).isPresent();
      FeedLine second = r.nextLine().orElseThrow();
      assertThatThrownBy(() -> r.decode(second))
          .isInstanceOf(BinanceException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("field 't'");
      assertThatThrownBy(r::nextLine)
          .isInstanceOf(BinanceException.class)
          .hasMessageContaining("line 3");
      assertThat(r.nextLine()).isEmpty();
    }
  }
}

package dev.tyche.core.book;

import static dev.tyche.core.book.Fixtures.BTC;
import static dev.tyche.core.book.Fixtures.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.core.book.OrderBookSynchronizer.State;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the BTCUSDT USDⓈ-M book from the real 5¾-minute websocket capture in {@code
 * ${tyche.data.dir}/binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz} (hftbacktest's collector:
 * {@code <local ns> <json>} per line; line 55 is the REST snapshot) and checks it against the
 * capture's own {@code bookTicker} stream.
 */
class BinanceFeedReplayTest {
  private static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Snapshot and diffs in file (arrival) order. */
  private static final List<Object> EVENTS = new ArrayList<>();

  private static int diffCount;

  /** bookTicker messages sorted by update id: u, bid, bidQty, ask, askQty in units. */
  private static long[][] tickers;

  @BeforeAll
  static void load() throws IOException {
    String dir = System.getProperty("tyche.data.dir");
    assertThat(dir).as("system property tyche.data.dir").isNotNull();
    Path path = Path.of(dir, FILE);
    assertThat(path).exists();
    List<long[]> ticks = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = JSON.readTree(line.substring(line.indexOf(' ') + 1));
        if (node.has("lastUpdateId")) {
          EVENTS.add(
              new BookSnapshot(
                  BTCUSDT,
                  node.get("lastUpdateId").asLong(),
                  node.get("E").asLong(),
                  levels(node.get("bids")),
                  levels(node.get("asks"))));
          continue;
        }
        String stream = node.get("stream").asText();
        JsonNode d = node.get("data");
        if (stream.equals("btcusdt@depth@0ms")) {
          diffCount++;
          EVENTS.add(
              new BookDelta(
                  BTCUSDT,
                  d.get("U").asLong(),
                  d.get("u").asLong(),
                  d.get("pu").asLong(),
                  d.get("E").asLong(),
                  levels(d.get("b")),
                  levels(d.get("a"))));
        } else if (stream.equals("btcusdt@bookTicker")) {
          ticks.add(
              new long[] {
                d.get("u").asLong(),
                BTC.parsePrice(d.get("b").asText()).units(),
                BTC.parseQuantity(d.get("B").asText()).units(),
                BTC.parsePrice(d.get("a").asText()).units(),
                BTC.parseQuantity(d.get("A").asText()).units()
              });
        }
      }
    }
    tickers = ticks.toArray(new long[0][]);
    Arrays.sort(tickers, (x, y) -> Long.compare(x[0], y[0]));
  }

  private static List<BookLevel> levels(JsonNode array) {
    List<BookLevel> out = new ArrayList<>(array.size());
    for (JsonNode level : array) {
      out.add(BookLevel.parse(level.get(0).asText(), level.get(1).asText()));
    }
    return out;
  }

  /** Index of the last ticker with update id <= u, or -1. */
  private static int lastTickerAtOrBefore(long u) {
    int lo = 0;
    int hi = tickers.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (tickers[mid][0] <= u) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  @Test
  void rebuildsTheBookWithoutGapsAndAgreesWithBookTicker() {
    assertThat(diffCount).isEqualTo(6551);
    assertThat(tickers.length).isEqualTo(66089);
    OrderBookSynchronizer sync = new OrderBookSynchronizer(BTC);
    boolean reachedSynced = false;
    int compared = 0;
    int priceAgree = 0;
    int fullAgree = 0;
    int sameId = 0;
    List<String> mismatches = new ArrayList<>();
    for (Object event : EVENTS) {
      State state;
      if (event instanceof BookSnapshot) {
        state = sync.onSnapshot((BookSnapshot) event);
      } else {
        state = sync.onDelta((BookDelta) event);
      }
      assertThat(state).isNotEqualTo(State.GAP_DETECTED);
      if (state != State.SYNCED) {
        assertThat(reachedSynced).as("once synced, the book stays synced").isFalse();
        continue;
      }
      reachedSynced = true;
      OrderBook book = sync.book();
      assertThat(book.bestBidPriceUnits()).isLessThan(book.bestAskPriceUnits());
      int t = lastTickerAtOrBefore(book.lastUpdateId());
      if (t < 0) {
        continue;
      }
      long[] tick = tickers[t];
      compared++;
      if (tick[0] == book.lastUpdateId()) {
        sameId++;
      }
      boolean prices = tick[1] == book.bestBidPriceUnits() && tick[3] == book.bestAskPriceUnits();
      if (prices) {
        priceAgree++;
        if (tick[2] == book.bestBidQuantityUnits() && tick[4] == book.bestAskQuantityUnits()) {
          fullAgree++;
        }
      }
      if (!prices && mismatches.size() < 5) {
        mismatches.add(
            "u="
                + book.lastUpdateId()
                + " ticker u="
                + tick[0]
                + " book "
                + book.bestBid().orElseThrow()
                + "/"
                + book.bestAsk().orElseThrow()
                + " ticker "
                + Arrays.toString(tick));
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "book vs bookTicker: %d diffs compared, prices agree %d (%.2f%%), prices+quantities"
            + " agree %d (%.2f%%), ticker id == diff u %d; applied %d, dropped %d%n",
        compared,
        priceAgree,
        100.0 * priceAgree / compared,
        fullAgree,
        100.0 * fullAgree / compared,
        sameId,
        sync.appliedDeltas(),
        sync.droppedDeltas());
    mismatches.forEach(System.out::println);
    assertThat(reachedSynced).isTrue();
    assertThat(sync.isSynced()).isTrue();
    assertThat(sync.gapCount()).isZero();
    assertThat(sync.appliedDeltas() + sync.droppedDeltas()).isEqualTo(diffCount);
    // On this capture every synced state matches the latest bookTicker at or before its u, in
    // price and quantity on both sides (6,546 comparisons when this was written): bookTicker is
    // pushed on every top-of-book change, so the latest one with id <= u describes the top at u.
    // The few diffs that precede the first bookTicker id are not compared.
    assertThat(compared).isGreaterThan(6_500);
    assertThat(fullAgree).as("mismatches: %s", mismatches).isEqualTo(compared);
  }

  @Test
  void thePrimitivePathBuildsTheSameBook() {
    OrderBookSynchronizer viaRecords = new OrderBookSynchronizer(BTC);
    OrderBookSynchronizer viaBuffer = new OrderBookSynchronizer(BTC);
    BookDeltaBuffer buffer = new BookDeltaBuffer(BTCUSDT, 8);
    for (Object event : EVENTS) {
      if (event instanceof BookSnapshot) {
        viaRecords.onSnapshot((BookSnapshot) event);
        viaBuffer.onSnapshot((BookSnapshot) event);
        continue;
      }
      BookDelta d = (BookDelta) event;
      viaRecords.onDelta(d);
      buffer.reset(d.firstUpdateId(), d.finalUpdateId(), d.previousFinalUpdateId(), d.eventTime());
      for (BookLevel l : d.bids()) {
        buffer.addBid(
            BTC.parsePrice(l.price().toPlainString()).units(),
            BTC.parseQuantity(l.quantity().toPlainString()).units());
      }
      for (BookLevel l : d.asks()) {
        buffer.addAsk(
            BTC.parsePrice(l.price().toPlainString()).units(),
            BTC.parseQuantity(l.quantity().toPlainString()).units());
      }
      assertThat(viaBuffer.onDelta(buffer)).isEqualTo(viaRecords.state());
      if (viaRecords.isSynced()) {
        assertThat(viaBuffer.book().bestBidPriceUnits())
            .isEqualTo(viaRecords.book().bestBidPriceUnits());
        assertThat(viaBuffer.book().bestAskQuantityUnits())
            .isEqualTo(viaRecords.book().bestAskQuantityUnits());
      }
    }
    BookSnapshot end = viaBuffer.book().snapshot();
    assertThat(end).isEqualTo(viaRecords.book().snapshot());
    // Diffs add levels beyond the snapshot's 1000 per side, so the book ends deeper than that.
    assertThat(end.bids().size()).isGreaterThan(1000);
    assertThat(end.asks().size()).isGreaterThan(1000);
    System.out.println(
        "final book: "
            + end.bids().size()
            + " bids, "
            + end.asks().size()
            + " asks, "
            + viaBuffer.book());
  }
}

package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.fakews.FakeBinanceWsServer;
import dev.tyche.binance.fakews.FakeMarket;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.order.Side;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Wires a market client and a book keeper to the fake server and records what they emit. */
final class WsHarness implements MarketDataListener, AutoCloseable {

  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  final FakeBinanceWsServer fake;
  final MarketStreamClient publicClient;
  final MarketStreamClient marketClient;
  final BookKeeper book;
  final List<MarketEvent> events = new ArrayList<>();
  final List<String> statuses = new ArrayList<>();
  final List<Long> tradeIds = new ArrayList<>();
  final List<BookSnapshot> snapshots = new ArrayList<>();

  WsHarness(FakeBinanceWsServer fake, long seed, MarketStreamClient.Options options) {
    this.fake = fake;
    this.publicClient =
        new MarketStreamClient(fake.url("public"), this, SystemClock.INSTANCE, seed, options, null);
    this.marketClient =
        new MarketStreamClient(
            fake.url("market"), this, SystemClock.INSTANCE, seed + 1, options, null);
    this.book =
        new BookKeeper(
            BTC,
            s -> BinanceJson.decode(fake.market().snapshotJson(), DepthSnapshot.class),
            this,
            publicClient.scheduler(),
            true,
            seed);
    marketClient.setTradeBackfill(
        (s, from, to) -> {
          List<Trade> out = new ArrayList<>();
          for (String json : fake.market().trades(from, to)) {
            out.add(MarketStreamDecoder.trade(BinanceJson.tree(json)));
          }
          return out;
        });
    publicClient.attach(book, StreamNames.DepthSpeed.MS_100);
    publicClient.subscribe(StreamNames.bookTicker(BTCUSDT));
    marketClient.subscribe(StreamNames.trade(BTCUSDT));
  }

  WsHarness start() {
    publicClient.start();
    marketClient.start();
    await(
        () ->
            fake.subscribers("btcusdt@trade") >= 1
                && fake.subscribers("btcusdt@depth@100ms") >= 1
                && fake.subscribers("btcusdt@bookTicker") >= 1,
        5_000,
        "subscribed");
    return this;
  }

  @Override
  public synchronized void onMarketEvent(MarketEvent event) {
    events.add(event);
    if (event instanceof Trade) {
      tradeIds.add(Long.parseLong(((Trade) event).tradeId().value()));
    } else if (event instanceof BookSnapshot) {
      snapshots.add((BookSnapshot) event);
    }
  }

  @Override
  public synchronized void onStatus(Symbol symbol, DataStatus status, String reason) {
    statuses.add(status.name());
  }

  synchronized List<Long> tradeIds() {
    return List.copyOf(tradeIds);
  }

  synchronized List<String> statuses() {
    return List.copyOf(statuses);
  }

  synchronized List<BookSnapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  /** Steps cleanly until the client holds every trade and the live book is at the market's id. */
  void catchUp() {
    fake.flushHeld();
    for (int i = 0; i < 400; i++) {
      fake.step(FakeBinanceWsServer.Fault.NONE);
      long deadline = i % 10 == 9 ? 200 : 20;
      if (waitFor(this::caughtUp, deadline)) {
        return;
      }
    }
    throw new AssertionError(
        "client did not catch up: book "
            + book
            + ", last trade "
            + lastTrade()
            + " of "
            + fake.market().lastTradeId()
            + ", statuses "
            + statuses());
  }

  private synchronized long lastTrade() {
    return tradeIds.isEmpty() ? -1 : tradeIds.get(tradeIds.size() - 1);
  }

  boolean caughtUp() {
    FakeMarket m = fake.market();
    return book.isSynced()
        && book.read(OrderBook::lastUpdateId) == m.lastUpdateId()
        && lastTrade() == m.lastTradeId();
  }

  /** Checks every emitted snapshot and the final book against the fake's true book. */
  void assertBooksMatchTheExchange() {
    for (BookSnapshot s : snapshots()) {
      assertSameLevels(s.bids(), fake.market().bookAt(s.lastUpdateId(), true), "bids", s);
      assertSameLevels(s.asks(), fake.market().bookAt(s.lastUpdateId(), false), "asks", s);
    }
    long u = book.read(OrderBook::lastUpdateId);
    List<long[]> bids = fake.market().bookAt(u, true);
    List<long[]> asks = fake.market().bookAt(u, false);
    book.read(
        b -> {
          assertSide(b, Side.BUY, bids);
          assertSide(b, Side.SELL, asks);
          return null;
        });
  }

  private static void assertSide(OrderBook b, Side side, List<long[]> truth) {
    long[] p = new long[4096];
    long[] q = new long[4096];
    int n = b.copyLevels(side, p, q, 4096);
    assertThat(n).as("%s levels", side).isEqualTo(truth.size());
    for (int i = 0; i < n; i++) {
      assertThat(new long[] {p[i], q[i]}).as("%s level %d", side, i).containsExactly(truth.get(i));
    }
  }

  private static void assertSameLevels(
      List<BookLevel> levels, List<long[]> truth, String side, BookSnapshot s) {
    assertThat(levels).as("%s of snapshot at %d", side, s.lastUpdateId()).hasSize(truth.size());
    for (int i = 0; i < levels.size(); i++) {
      assertThat(levels.get(i).price().withScale(2).units()).isEqualTo(truth.get(i)[0]);
      assertThat(levels.get(i).quantity().withScale(3).units()).isEqualTo(truth.get(i)[1]);
    }
  }

  /** Trade ids: strictly consecutive (no duplicate, none lost). */
  void assertTradesContiguous() {
    List<Long> ids = tradeIds();
    assertThat(ids).isNotEmpty();
    for (int i = 1; i < ids.size(); i++) {
      if (ids.get(i) != ids.get(i - 1) + 1) {
        throw new AssertionError("trade " + ids.get(i) + " follows " + ids.get(i - 1));
      }
    }
    assertThat(ids.get(ids.size() - 1)).isEqualTo(fake.market().lastTradeId());
  }

  /**
   * Statuses: SYNCING first, LIVE last, never the same status twice in a row, and every LIVE
   * preceded by one published snapshot (one snapshot per LIVE).
   */
  void assertStatusLifecycle() {
    List<String> s = statuses();
    assertThat(s.get(0)).isEqualTo("SYNCING");
    assertThat(s.get(s.size() - 1)).isEqualTo("LIVE");
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.get(i)).as("status %d of %s", i, s).isNotEqualTo(s.get(i - 1));
    }
    assertThat(snapshots()).hasSize((int) s.stream().filter("LIVE"::equals).count());
  }

  static void await(BooleanSupplier c, long millis, String what) {
    if (!waitFor(c, millis)) {
      throw new AssertionError("timed out waiting for " + what);
    }
  }

  static boolean waitFor(BooleanSupplier c, long millis) {
    for (long waited = 0; waited <= millis; waited += 2) {
      if (c.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return c.getAsBoolean();
  }

  @Override
  public void close() {
    publicClient.close();
    marketClient.close();
  }
}

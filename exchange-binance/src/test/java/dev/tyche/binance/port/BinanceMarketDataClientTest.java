package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.fakews.FakeBinanceWsServer;
import dev.tyche.binance.ws.MarketStreamClient;
import dev.tyche.binance.ws.StreamNames;
import dev.tyche.binance.ws.TradeBackfill;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BinanceMarketDataClient} over the fake WebSocket server: every kind of subscription maps
 * to its core event, the book reports SYNCING, LIVE and STALE as it is built, loses its sequence
 * and its connection, unsubscribed streams stop, and bad input is refused.
 */
class BinanceMarketDataClientTest {

  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  private FakeBinanceWsServer fake;
  private BinanceMarketDataClient client;
  private final Events events = new Events();

  /** Records what the client delivers. Thread-safe. */
  private static final class Events implements MarketDataListener {
    final List<MarketEvent> list = new ArrayList<>();
    final List<DataStatus> statuses = new ArrayList<>();

    @Override
    public synchronized void onMarketEvent(MarketEvent event) {
      list.add(event);
    }

    @Override
    public synchronized void onStatus(Symbol symbol, DataStatus status, String reason) {
      assertThat(reason).isNotBlank();
      statuses.add(status);
    }

    synchronized long count(Class<?> type) {
      return list.stream().filter(type::isInstance).count();
    }

    synchronized List<DataStatus> statuses() {
      return List.copyOf(statuses);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    fake = new FakeBinanceWsServer(5).startAndWait();
    client =
        new BinanceMarketDataClient(
            fake.url("public"),
            fake.url("market"),
            List.of(BTC),
            s -> BinanceJson.decode(fake.market().snapshotJson(), DepthSnapshot.class),
            TradeBackfill.NONE,
            SystemClock.INSTANCE,
            5,
            new BinanceMarketDataClient.Options(
                MarketStreamClient.Options.defaults().withTimings(10, 50, 3_600_000L, 0),
                StreamNames.DepthSpeed.MS_100,
                true));
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  private static void await(BooleanSupplier c, String what) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Steps the fake market until the condition holds (messages before a subscription are lost). */
  private void stepUntil(BooleanSupplier c, String what) {
    for (int i = 0; i < 500 && !c.getAsBoolean(); i++) {
      fake.step(FakeBinanceWsServer.Fault.NONE);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    await(c, what);
  }

  @Test
  void everyKindMapsToItsCoreEventAndTheBookReportsItsStatus() {
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.BOOK));
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.QUOTES));
    client.start(events);
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.TRADES));
    client.subscribe(Subscription.bars(BTCUSDT, BarInterval.parse("1m")));
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.MARK_PRICE));
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.MARK_PRICE)); // no further effect
    assertThat(client.subscriptions()).hasSize(5);
    await(
        () ->
            fake.subscribers("btcusdt@depth@100ms") == 1
                && fake.subscribers("btcusdt@bookTicker") == 1
                && fake.subscribers("btcusdt@aggTrade") == 1
                && fake.subscribers("btcusdt@kline_1m") == 1
                && fake.subscribers("btcusdt@markPrice@1s") == 1,
        "subscriptions");

    stepUntil(
        () -> events.count(BookSnapshot.class) >= 1 && events.count(BookDelta.class) >= 3, "book");
    assertThat(events.statuses()).startsWith(DataStatus.SYNCING).contains(DataStatus.LIVE);
    assertThat(client.book(BTCUSDT)).isPresent();
    stepUntil(() -> events.count(Quote.class) >= 1, "quotes");

    fake.publishRaw(
        "btcusdt@aggTrade",
        "{\"e\":\"aggTrade\",\"E\":1700000000123,\"s\":\"BTCUSDT\",\"a\":5933014,"
            + "\"p\":\"65000.10\",\"q\":\"0.120\",\"nq\":\"0.120\",\"f\":100,\"l\":105,"
            + "\"T\":1700000000100,\"m\":true}");
    fake.publishRaw(
        "btcusdt@kline_1m",
        "{\"e\":\"kline\",\"E\":1700000000500,\"s\":\"BTCUSDT\",\"k\":{\"t\":1699999980000,"
            + "\"T\":1700000039999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,"
            + "\"o\":\"64990.0\",\"c\":\"65000.1\",\"h\":\"65010.0\",\"l\":\"64980.0\","
            + "\"v\":\"12.345\",\"n\":101,\"x\":true,\"q\":\"802345.6\",\"V\":\"6.1\","
            + "\"Q\":\"396500.2\",\"B\":\"0\"}}");
    fake.publishRaw(
        "btcusdt@markPrice@1s",
        "{\"e\":\"markPriceUpdate\",\"E\":1700000001000,\"s\":\"BTCUSDT\",\"p\":\"65001.23\","
            + "\"ap\":\"65000.90\",\"i\":\"64995.10\",\"P\":\"64996.00\",\"r\":\"0.00010000\","
            + "\"T\":1700006400000}");
    await(
        () ->
            events.count(Trade.class) == 1
                && events.count(Bar.class) == 1
                && events.count(MarkPrice.class) == 1,
        "trade, bar and mark price");

    // A withheld diff breaks the pu chain: STALE, then a new snapshot and LIVE again.
    int snapshots = (int) events.count(BookSnapshot.class);
    fake.step(FakeBinanceWsServer.Fault.WITHHOLD_DEPTH);
    stepUntil(
        () ->
            events.statuses().contains(DataStatus.STALE)
                && events.count(BookSnapshot.class) > snapshots,
        "resync after a gap");
    assertThat(events.statuses().get(events.statuses().size() - 1)).isEqualTo(DataStatus.LIVE);

    // A dropped connection makes the book STALE until it is rebuilt.
    long stale = events.statuses().stream().filter(s -> s == DataStatus.STALE).count();
    fake.step(FakeBinanceWsServer.Fault.DROP_AFTER);
    await(
        () -> events.statuses().stream().filter(s -> s == DataStatus.STALE).count() > stale,
        "stale after a drop");
    stepUntil(
        () -> events.statuses().get(events.statuses().size() - 1) == DataStatus.LIVE,
        "live after the reconnect");

    // Unsubscribed quotes stop.
    client.unsubscribe(Subscription.of(BTCUSDT, MarketDataKind.QUOTES));
    await(() -> fake.subscribers("btcusdt@bookTicker") == 0, "unsubscribed");
    long quotes = events.count(Quote.class);
    for (int i = 0; i < 5; i++) {
      fake.step(FakeBinanceWsServer.Fault.NONE);
    }
    long deltas = events.count(BookDelta.class);
    stepUntil(() -> events.count(BookDelta.class) > deltas + 3, "more deltas");
    assertThat(events.count(Quote.class)).isEqualTo(quotes);

    // Diffs missed while unsubscribed break the chain: the resubscribed book is rebuilt.
    client.unsubscribe(Subscription.of(BTCUSDT, MarketDataKind.BOOK));
    await(() -> fake.subscribers("btcusdt@depth@100ms") == 0, "book unsubscribed");
    int before = (int) events.count(BookSnapshot.class);
    for (int i = 0; i < 3; i++) {
      fake.step(FakeBinanceWsServer.Fault.NONE); // diffs nobody receives: a gap in the pu chain
    }
    client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.BOOK));
    stepUntil(() -> events.count(BookSnapshot.class) > before, "book rebuilt");
  }

  @Test
  void eventKindsAreClassified() {
    assertThat(
            BinanceMarketDataClient.kindOf(
                new MarkPrice(
                    BTCUSDT,
                    1L,
                    dev.tyche.core.num.Price.parse("1.0"),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.OptionalLong.empty())))
        .isEqualTo(MarketDataKind.MARK_PRICE);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(
            () -> client.subscribe(Subscription.of(Symbol.of("DOGEUSDT"), MarketDataKind.TRADES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOGEUSDT");
    assertThatThrownBy(() -> client.subscribe(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.unsubscribe(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.start(null)).isInstanceOf(NullPointerException.class);
    client.start(events);
    assertThatThrownBy(() -> client.start(events)).isInstanceOf(IllegalStateException.class);
    // Unsubscribing what was never subscribed is harmless.
    client.unsubscribe(Subscription.of(BTCUSDT, MarketDataKind.TRADES));
    client.close();
    client.close();
    assertThatThrownBy(() -> client.subscribe(Subscription.of(BTCUSDT, MarketDataKind.TRADES)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.start(events)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                new BinanceMarketDataClient(
                    fake.url("public"),
                    fake.url("market"),
                    List.of(),
                    s -> null,
                    TradeBackfill.NONE,
                    SystemClock.INSTANCE,
                    1,
                    BinanceMarketDataClient.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BinanceMarketDataClient.Options(null, StreamNames.DepthSpeed.MS_100, true))
        .isInstanceOf(NullPointerException.class);
  }
}

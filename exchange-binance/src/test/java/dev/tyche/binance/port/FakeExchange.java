package dev.tyche.binance.port;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.ManualClock;
import dev.tyche.binance.fakews.FakeBinanceWsServer;
import dev.tyche.binance.mapping.InstrumentMapping;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.ws.MarketStreamClient;
import dev.tyche.binance.ws.UserDataStream;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The fake Binance on 127.0.0.1: the fake REST server (orders, faults) and the fake WebSocket
 * server (user data stream, listen keys), wired so that every order change on the REST side is
 * pushed as {@code ORDER_TRADE_UPDATE} to the private connection, plus a REST client and the
 * instruments from the fake's {@code exchangeInfo}. One manual clock is shared by client and
 * server, so back-off and throttling take no real time.
 */
final class FakeExchange implements AutoCloseable {

  static final String KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
  static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  final ManualClock clock = new ManualClock(1_700_000_000_000L);
  final FakeBinanceServer rest;
  final FakeBinanceWsServer ws;
  final BinanceConfig config;
  final BinanceRestClient client;
  final List<Instrument> instruments;
  private final long seed;

  FakeExchange(long seed) throws IOException, InterruptedException {
    this.seed = seed;
    rest = new FakeBinanceServer(clock, KEY, SECRET, 600);
    ws = new FakeBinanceWsServer(seed).startAndWait();
    rest.setUserEventSink(ws::sendUserEvent);
    config =
        BinanceConfig.testnet(Credentials.of(KEY, SECRET))
            .withRestBaseUrl(rest.baseUrl())
            .withWebSocketUrls(ws.url("public"), ws.url("market"), ws.url("private"), ws.url("api"))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50))
            .withOrderLookup(3, Duration.ofMillis(20))
            .withMaxThrottleWait(Duration.ofSeconds(200));
    client = new BinanceRestClient(config, clock, clock.sleeper(), seed);
    instruments =
        InstrumentMapping.toInstruments(client.exchangeInfo()).stream()
            .filter(i -> i.symbol().equals(BTCUSDT))
            .toList();
  }

  Instrument btc() {
    return instruments.get(0);
  }

  /** The user data stream over the fake WebSocket server, reconnecting within milliseconds. */
  BinanceExecutionClient.UserStreamFactory streams() {
    return l -> {
      UserDataStream s =
          new UserDataStream(
              ws.url("private"),
              ws.keys(),
              l,
              clock,
              seed,
              MarketStreamClient.Options.defaults().withTimings(10, 50, 3_600_000L, 0),
              60_000L,
              null);
      return new BinanceExecutionClient.UserStream() {
        @Override
        public void start() {
          s.start();
        }

        @Override
        public void close() {
          s.close();
        }
      };
    };
  }

  BinanceExecutionClient executionClient() {
    return new BinanceExecutionClient(
        client,
        instruments,
        streams(),
        new BinanceExecutionClient.Options(3, Duration.ofMillis(5), Duration.ofMillis(40)));
  }

  /** Waits until the private (user data) connection is open. */
  void awaitUserStream() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ws.openConnections() < 1) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("user data stream did not connect");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    client.close();
    rest.close();
    ws.close();
  }
}

package dev.tyche.binance.rest;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.ManualClock;
import java.io.IOException;
import java.time.Duration;

/** A fake server plus a client wired to it over loopback, sharing one manual clock. */
final class RestTestSupport implements AutoCloseable {

  static final String KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
  static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
  static final long START = 1_700_000_000_000L;

  final ManualClock clock = new ManualClock(START);
  final FakeBinanceServer fake;
  final BinanceConfig config;
  final BinanceRestClient client;

  RestTestSupport(long seed) throws IOException {
    this(seed, Credentials.of(KEY, SECRET), 1000, 1500);
  }

  RestTestSupport(long seed, Credentials creds, long readTimeoutMillis, long fakeDelayMillis)
      throws IOException {
    fake = new FakeBinanceServer(clock, KEY, SECRET, fakeDelayMillis);
    config =
        BinanceConfig.testnet(creds)
            .withRestBaseUrl(fake.baseUrl())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(readTimeoutMillis))
            .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(2))
            .withOrderLookup(3, Duration.ofMillis(200))
            .withMaxThrottleWait(Duration.ofSeconds(65));
    client = new BinanceRestClient(config, clock, clock.sleeper(), seed);
  }

  @Override
  public void close() {
    client.close();
    fake.close();
  }
}

package dev.tyche.binance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.dto.BinanceSide;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.fake.CapturedLogs;
import dev.tyche.binance.fake.FakeBinanceServer;
import dev.tyche.binance.fake.FakeBinanceServer.Fault;
import dev.tyche.binance.fake.ManualClock;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.rest.NewOrderRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigAndRedactionTest {

  private static final String KEY = "KEYabcdefghijklmnopqrstuvwxyz0123456789KEY";
  private static final String SECRET = "SECRETzyxwvutsrqponmlkjihgfedcba9876543210SECRET";

  @Test
  void presetsFollowTheReference() {
    BinanceConfig prod = BinanceConfig.production(null);
    assertThat(prod.restBaseUrl()).hasToString("https://fapi.binance.com");
    assertThat(prod.wsPublicUrl()).hasToString("wss://fstream.binance.com/public");
    assertThat(prod.wsMarketUrl()).hasToString("wss://fstream.binance.com/market");
    assertThat(prod.wsPrivateUrl()).hasToString("wss://fstream.binance.com/private");
    assertThat(prod.wsApiUrl()).hasToString("wss://ws-fapi.binance.com/ws-fapi/v1");
    assertThat(prod.recvWindowMillis()).isEqualTo(5000);
    assertThat(prod.credentials()).isEmpty();
    BinanceConfig test = BinanceConfig.testnet(Credentials.of(KEY, SECRET));
    assertThat(test.environment()).isEqualTo(BinanceConfig.Environment.TESTNET);
    assertThat(test.restBaseUrl()).hasToString("https://demo-fapi.binance.com");
    assertThat(test.withRestBaseUrl(URI.create("http://127.0.0.1:1")).environment())
        .isEqualTo(BinanceConfig.Environment.CUSTOM);
    BinanceConfig ws =
        test.withWebSocketUrls(
            URI.create("ws://a/public"),
            URI.create("ws://a/market"),
            URI.create("ws://a/private"),
            URI.create("ws://a/api"));
    assertThat(ws.wsApiUrl()).hasToString("ws://a/api");
  }

  @Test
  void fromEnvironmentReadsVariablesAndNamesTheBadOne() {
    BinanceConfig c =
        BinanceConfig.fromEnvironment(
            Map.of(
                "BINANCE_ENV", "production",
                "BINANCE_API_KEY", KEY,
                "BINANCE_API_SECRET", SECRET,
                "BINANCE_RECV_WINDOW_MS", "3000",
                "BINANCE_READ_TIMEOUT_MS", "1500",
                "BINANCE_REST_URL", "http://127.0.0.1:9"));
    assertThat(c.recvWindowMillis()).isEqualTo(3000);
    assertThat(c.readTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.environment()).isEqualTo(BinanceConfig.Environment.CUSTOM);
    assertThat(c.credentials().orElseThrow().apiKey()).isEqualTo(KEY);
    assertThat(BinanceConfig.fromEnvironment(Map.of()).environment())
        .isEqualTo(BinanceConfig.Environment.TESTNET);
    assertThatThrownBy(() -> BinanceConfig.fromEnvironment(Map.of("BINANCE_ENV", "moon")))
        .hasMessageContaining("BINANCE_ENV");
    assertThatThrownBy(() -> BinanceConfig.fromEnvironment(Map.of("BINANCE_RECV_WINDOW_MS", "abc")))
        .hasMessageContaining("BINANCE_RECV_WINDOW_MS");
    assertThatThrownBy(() -> BinanceConfig.fromEnvironment(Map.of("BINANCE_API_KEY", KEY)))
        .hasMessageContaining("BINANCE_API_SECRET")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("BINANCE_API_SECRET", SECRET)))
        .hasMessageContaining("BINANCE_API_KEY")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void configValidationNamesTheArgument() {
    BinanceConfig c = BinanceConfig.testnet(null);
    assertThatThrownBy(() -> c.withRecvWindowMillis(0)).hasMessageContaining("recvWindowMillis");
    assertThatThrownBy(() -> c.withRecvWindowMillis(60_001))
        .hasMessageContaining("recvWindowMillis");
    assertThatThrownBy(() -> c.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> c.withRetries(11, Duration.ofMillis(1), Duration.ofMillis(2)))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> c.withRetries(1, Duration.ofMillis(5), Duration.ofMillis(2)))
        .hasMessageContaining("retryMaxDelay");
    assertThatThrownBy(() -> c.withOrderLookup(0, Duration.ZERO))
        .hasMessageContaining("orderLookupAttempts");
    assertThatThrownBy(() -> c.withMaxThrottleWait(Duration.ofMillis(-1)))
        .hasMessageContaining("maxThrottleWait");
    assertThatThrownBy(() -> c.withRestBaseUrl(URI.create("ftp://x")))
        .hasMessageContaining("restBaseUrl");
    assertThatThrownBy(() -> c.withRestBaseUrl(URI.create("http://x/")))
        .hasMessageContaining("restBaseUrl");
    assertThat(c.withCredentials(Credentials.of(KEY, SECRET)).credentials()).isPresent();
  }

  @Test
  void credentialsNeverShowKeyOrSecret() {
    Credentials c = Credentials.of(KEY, SECRET);
    assertThat(c.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("redacted");
    BinanceConfig config = BinanceConfig.production(c);
    assertThat(config.toString()).doesNotContain(KEY).doesNotContain(SECRET);
    assertThatThrownBy(() -> Credentials.of(KEY, "bad secret with spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret")
        .hasMessageNotContaining("bad secret");
    assertThatThrownBy(() -> Credentials.of("", SECRET)).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> Credentials.of(null, SECRET)).isInstanceOf(NullPointerException.class);
    assertThat(c.newHmacSha256().getAlgorithm()).isEqualTo("HmacSHA256");
  }

  @Test
  void logsAndExceptionsOfARealSessionNeverContainSecretsOrSignatures() throws Exception {
    ManualClock clock = new ManualClock(1_700_000_000_000L);
    int before = CapturedLogs.size();
    StringBuilder everything = new StringBuilder();
    try (FakeBinanceServer fake = new FakeBinanceServer(clock, KEY, SECRET, 800)) {
      BinanceConfig config =
          BinanceConfig.testnet(Credentials.of(KEY, SECRET))
              .withRestBaseUrl(fake.baseUrl())
              .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
              .withOrderLookup(2, Duration.ofMillis(10));
      try (BinanceRestClient client = new BinanceRestClient(config, clock, clock.sleeper(), 5)) {
        everything.append(client).append('\n');
        fake.enqueueFault("POST", "/fapi/v1/order", Fault.TIMEOUT_AFTER_ACCEPT);
        fake.enqueueFault("GET", "/fapi/v1/order", Fault.ERROR_500_BEFORE);
        fake.enqueueFault("GET", "/fapi/v3/account", Fault.CLOCK_SKEW_1021);
        client.placeOrder(NewOrderRequest.market("BTCUSDT", BinanceSide.BUY, "1", "log-1"));
        client.account();
        try {
          client.placeOrder(NewOrderRequest.market("NOPE", BinanceSide.BUY, "1", "log-2"));
        } catch (BinanceException e) {
          StringWriter w = new StringWriter();
          e.printStackTrace(new PrintWriter(w));
          everything.append(w);
        }
      }
    }
    List<String> logs = CapturedLogs.snapshot();
    assertThat(logs.size()).as("the client logged something").isGreaterThan(before);
    logs.forEach(l -> everything.append(l).append('\n'));
    String text = everything.toString();
    assertThat(text).contains("outcome unknown").contains("/fapi/v1/order");
    assertThat(text)
        .doesNotContain(KEY)
        .doesNotContain(SECRET)
        .doesNotContain("signature=")
        .doesNotContain("timestamp=");
  }
}

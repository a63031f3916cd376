package dev.tyche.binance.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Binance USDⓈ-M adapter needs to connect: base URLs, the {@code recvWindow},
 * timeouts, retry and throttling bounds, and optional {@link Credentials} (market data needs none).
 *
 * <p>Presets follow the reference's section 1: {@link #production(Credentials)} uses {@code
 * https://fapi.binance.com} and the routed WebSocket hosts {@code
 * wss://fstream.binance.com/public}, {@code /market}, {@code /private} (the un-routed legacy URLs
 * were retired on 2026-04-23); {@link #testnet(Credentials)} uses the documented demo hosts {@code
 * https://demo-fapi.binance.com} and {@code wss://demo-fstream.binance.com/...} (which demo
 * WebSocket host is canonical is unverified in the reference; override it with {@link
 * #withWebSocketUrls} if needed).
 *
 * <p>{@link #toString()} shows credentials redacted (see {@link Credentials#toString()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param environment which Binance environment the URLs point to
 * @param restBaseUrl the REST base, e.g. {@code https://fapi.binance.com}, without a trailing slash
 * @param wsPublicUrl the high-frequency market-data WebSocket route ({@code .../public})
 * @param wsMarketUrl the regular market-data WebSocket route ({@code .../market})
 * @param wsPrivateUrl the user-data WebSocket route ({@code .../private})
 * @param wsApiUrl the WebSocket trading API ({@code .../ws-fapi/v1})
 * @param recvWindowMillis the {@code recvWindow} sent with signed requests, 1 to 60 000 ms (Binance
 *     advises at most 5000)
 * @param connectTimeout the TCP connect timeout, positive
 * @param readTimeout how long to wait for a reply; a new order that times out has an unknown
 *     outcome and is looked up, never resent blindly
 * @param maxRetries how many times an idempotent request (GET, DELETE by id) is retried, 0 to 10
 * @param retryBaseDelay the first back-off delay, positive; it doubles per attempt (with jitter)
 * @param retryMaxDelay the largest back-off delay, at least {@code retryBaseDelay}
 * @param maxThrottleWait the longest the client blocks to stay inside a rate limit before failing
 *     fast with a {@code RATE_LIMITED} error instead, zero or positive
 * @param timeSyncInterval how old the measured server-time offset may get before it is re-measured
 * @param orderLookupAttempts how many times an order with an unknown outcome is looked up by its
 *     client id before it is reported as not found, 1 to 20
 * @param orderLookupDelay the wait between those look-ups, zero or positive
 * @param credentials the API key and secret; empty for market data only
 */
public record BinanceConfig(
    Environment environment,
    URI restBaseUrl,
    URI wsPublicUrl,
    URI wsMarketUrl,
    URI wsPrivateUrl,
    URI wsApiUrl,
    long recvWindowMillis,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Duration maxThrottleWait,
    Duration timeSyncInterval,
    int orderLookupAttempts,
    Duration orderLookupDelay,
    Optional<Credentials> credentials) {

  /** The environment variable selecting {@code production} or {@code testnet} (the default). */
  public static final String ENV_ENVIRONMENT = "BINANCE_ENV";

  /** The environment variable overriding the REST base URL. */
  public static final String ENV_REST_URL = "BINANCE_REST_URL";

  /** The environment variable overriding {@code recvWindow}, in ms. */
  public static final String ENV_RECV_WINDOW = "BINANCE_RECV_WINDOW_MS";

  /** The environment variable overriding the read timeout, in ms. */
  public static final String ENV_READ_TIMEOUT = "BINANCE_READ_TIMEOUT_MS";

  /** Which Binance deployment a configuration talks to. */
  public enum Environment {
    /** Real money: {@code fapi.binance.com}. */
    PRODUCTION,
    /** Binance's futures demo (testnet) environment. */
    TESTNET,
    /** Anything else, e.g. a fake server on the loopback interface in tests. */
    CUSTOM
  }

  // A configuration is checked once, where it is built, so the client never meets a bad value.
  public BinanceConfig {
    Objects.requireNonNull(environment, "environment must not be null");
    Objects.requireNonNull(restBaseUrl, "restBaseUrl must not be null");
    Objects.requireNonNull(wsPublicUrl, "wsPublicUrl must not be null");
    Objects.requireNonNull(wsMarketUrl, "wsMarketUrl must not be null");
    Objects.requireNonNull(wsPrivateUrl, "wsPrivateUrl must not be null");
    Objects.requireNonNull(wsApiUrl, "wsApiUrl must not be null");
    Objects.requireNonNull(credentials, "credentials must not be null (use Optional.empty())");
    String scheme = restBaseUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "restBaseUrl must be an http(s) URL but was " + restBaseUrl);
    }
    if (restBaseUrl.toString().endsWith("/")) {
      throw new IllegalArgumentException(
          "restBaseUrl must not end with '/' but was " + restBaseUrl);
    }
    if (recvWindowMillis < 1 || recvWindowMillis > 60_000) {
      throw new IllegalArgumentException(
          "recvWindowMillis must be in [1, 60000] but was " + recvWindowMillis);
    }
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be in [0, 10] but was " + maxRetries);
    }
    positive(retryBaseDelay, "retryBaseDelay");
    positive(retryMaxDelay, "retryMaxDelay");
    if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw new IllegalArgumentException(
          "retryMaxDelay must be >= retryBaseDelay "
              + retryBaseDelay
              + " but was "
              + retryMaxDelay);
    }
    nonNegative(maxThrottleWait, "maxThrottleWait");
    positive(timeSyncInterval, "timeSyncInterval");
    if (orderLookupAttempts < 1 || orderLookupAttempts > 20) {
      throw new IllegalArgumentException(
          "orderLookupAttempts must be in [1, 20] but was " + orderLookupAttempts);
    }
    nonNegative(orderLookupDelay, "orderLookupDelay");
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + d);
    }
  }

  private static void nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " must not be null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + d);
    }
  }

  private static BinanceConfig preset(
      Environment env, String rest, String wsHost, String wsApi, Optional<Credentials> creds) {
    return new BinanceConfig(
        env,
        URI.create(rest),
        URI.create(wsHost + "/public"),
        URI.create(wsHost + "/market"),
        URI.create(wsHost + "/private"),
        URI.create(wsApi),
        5_000,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        3,
        Duration.ofMillis(250),
        Duration.ofSeconds(8),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        5,
        Duration.ofSeconds(1),
        creds);
  }

  /**
   * The production preset (real money).
   *
   * @param credentials the API key and secret, or null for market data only
   * @return the configuration
   */
  public static BinanceConfig production(Credentials credentials) {
    return preset(
        Environment.PRODUCTION,
        "https://fapi.binance.com",
        "wss://fstream.binance.com",
        "wss://ws-fapi.binance.com/ws-fapi/v1",
        Optional.ofNullable(credentials));
  }

  /**
   * The testnet (demo) preset.
   *
   * @param credentials the testnet API key and secret, or null for market data only
   * @return the configuration
   */
  public static BinanceConfig testnet(Credentials credentials) {
    return preset(
        Environment.TESTNET,
        "https://demo-fapi.binance.com",
        "wss://demo-fstream.binance.com",
        "wss://testnet.binancefuture.com/ws-fapi/v1",
        Optional.ofNullable(credentials));
  }

  /**
   * A configuration from environment variables (pass {@code System.getenv()}): {@value
   * #ENV_ENVIRONMENT} ({@code production} or {@code testnet}, default {@code testnet}), {@value
   * #ENV_REST_URL}, {@value #ENV_RECV_WINDOW}, {@value #ENV_READ_TIMEOUT}, and credentials from
   * {@value Credentials#ENV_API_KEY} / {@value Credentials#ENV_API_SECRET} if both are set.
   *
   * @param environment the variables
   * @return the configuration
   * @throws IllegalArgumentException naming a malformed variable (never a credential's value)
   */
  public static BinanceConfig fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment must not be null");
    Credentials creds =
        environment.containsKey(Credentials.ENV_API_KEY)
                || environment.containsKey(Credentials.ENV_API_SECRET)
            ? Credentials.fromEnvironment(environment)
            : null;
    String env = environment.getOrDefault(ENV_ENVIRONMENT, "testnet").strip();
    BinanceConfig config;
    switch (env.toLowerCase(Locale.ROOT)) {
      case "production":
        config = production(creds);
        break;
      case "testnet":
        config = testnet(creds);
        break;
      default:
        throw new IllegalArgumentException(
            ENV_ENVIRONMENT + " must be 'production' or 'testnet' but was '" + env + "'");
    }
    String rest = environment.get(ENV_REST_URL);
    if (rest != null) {
      config = config.withRestBaseUrl(URI.create(rest.strip()));
    }
    String recv = environment.get(ENV_RECV_WINDOW);
    if (recv != null) {
      config = config.withRecvWindowMillis(parseLong(recv, ENV_RECV_WINDOW));
    }
    String read = environment.get(ENV_READ_TIMEOUT);
    if (read != null) {
      config =
          config.withTimeouts(
              config.connectTimeout, Duration.ofMillis(parseLong(read, ENV_READ_TIMEOUT)));
    }
    return config;
  }

  private static long parseLong(String text, String name) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number of milliseconds but was '" + text + "'", e);
    }
  }

  /**
   * A copy with another REST base URL (for example a fake server on 127.0.0.1); the environment
   * becomes {@link Environment#CUSTOM} unless the URL is unchanged.
   *
   * @param url the base URL, without a trailing slash
   * @return the copy
   */
  public BinanceConfig withRestBaseUrl(URI url) {
    Environment env = url.equals(restBaseUrl) ? environment : Environment.CUSTOM;
    return new BinanceConfig(
        env,
        url,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with other WebSocket URLs.
   *
   * @param publicUrl the {@code /public} route
   * @param marketUrl the {@code /market} route
   * @param privateUrl the {@code /private} route
   * @param apiUrl the WebSocket trading API
   * @return the copy
   */
  public BinanceConfig withWebSocketUrls(URI publicUrl, URI marketUrl, URI privateUrl, URI apiUrl) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        publicUrl,
        marketUrl,
        privateUrl,
        apiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with another {@code recvWindow}.
   *
   * @param millis the window, 1 to 60 000 ms
   * @return the copy
   */
  public BinanceConfig withRecvWindowMillis(long millis) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        millis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with other timeouts.
   *
   * @param connect the connect timeout
   * @param read the read timeout
   * @return the copy
   */
  public BinanceConfig withTimeouts(Duration connect, Duration read) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connect,
        read,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with another retry policy.
   *
   * @param retries retries of idempotent requests
   * @param base the first back-off delay
   * @param max the largest back-off delay
   * @return the copy
   */
  public BinanceConfig withRetries(int retries, Duration base, Duration max) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        retries,
        base,
        max,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with another throttle bound.
   *
   * @param wait the longest the client blocks to stay inside a limit
   * @return the copy
   */
  public BinanceConfig withMaxThrottleWait(Duration wait) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        wait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        credentials);
  }

  /**
   * A copy with another unknown-order look-up policy.
   *
   * @param attempts look-ups before reporting not found
   * @param delay the wait between look-ups
   * @return the copy
   */
  public BinanceConfig withOrderLookup(int attempts, Duration delay) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        attempts,
        delay,
        credentials);
  }

  /**
   * A copy with other credentials.
   *
   * @param creds the credentials, or null for none
   * @return the copy
   */
  public BinanceConfig withCredentials(Credentials creds) {
    return new BinanceConfig(
        environment,
        restBaseUrl,
        wsPublicUrl,
        wsMarketUrl,
        wsPrivateUrl,
        wsApiUrl,
        recvWindowMillis,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        maxThrottleWait,
        timeSyncInterval,
        orderLookupAttempts,
        orderLookupDelay,
        Optional.ofNullable(creds));
  }
}

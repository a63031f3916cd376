package dev.tyche.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.dto.AccountInfo;
import dev.tyche.binance.dto.AggTrade;
import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.AssetBalance;
import dev.tyche.binance.dto.BatchOrderResult;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.BookTicker;
import dev.tyche.binance.dto.CodeMessage;
import dev.tyche.binance.dto.CommissionRate;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.binance.dto.FundingRateEntry;
import dev.tyche.binance.dto.Income;
import dev.tyche.binance.dto.Kline;
import dev.tyche.binance.dto.LeverageChange;
import dev.tyche.binance.dto.MarginType;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PositionRisk;
import dev.tyche.binance.dto.PremiumIndex;
import dev.tyche.binance.dto.ServerTime;
import dev.tyche.binance.dto.SymbolBrackets;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.error.BinanceErrorCodes;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.Clock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw Binance USDⓈ-M REST client (layer 1 of the adapter, ARCHITECTURE.md section 6): one
 * method per endpoint, Binance's own DTOs in and out, and everything the wire needs: signing
 * ({@link RequestSigner}), the server-time offset ({@link ServerClock}, refreshed when stale and
 * after -1021), rate limits ({@link RateLimiter}), retries and reconciliation.
 *
 * <p><b>Retries.</b> Only idempotent requests (GETs, DELETE by id, and the setters of leverage,
 * margin type and position mode) are retried, at most {@code config.maxRetries()} times, after a
 * jittered exponential back-off ({@link Backoff}, seeded). Any request that fails with -1021/-5028
 * is re-signed with a fresh server time and sent once more: Binance rejected it before executing
 * it. New orders are never resent blindly: when their outcome is unknown (timeout, 5xx, -1006,
 * -1007, an undecodable reply, or -4116) {@link #placeOrder} looks the order up by its client id
 * and reports what it found ({@link OrderPlacement}).
 *
 * <p><b>Secrets.</b> Log lines and exception messages name the method and path only: never the
 * query string, the body, the signature, the API key or the secret.
 *
 * <p>Thread-safe: the signer, server clock, limiter and back-off are thread-safe, and OkHttp's
 * client is shared. Each call blocks its caller.
 */
public final class BinanceRestClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final int KLINE_PAGE = 1000;
  private static final int MAX_KLINE_PAGES = 100_000;

  /** How a request is authenticated (Binance's endpoint security types). */
  private enum Security {
    NONE,
    API_KEY,
    SIGNED
  }

  private record Call(
      String method,
      String path,
      Params params,
      Security security,
      int weight,
      int orders,
      boolean idempotent) {}

  private final BinanceConfig config;
  private final OkHttpClient http;
  private final ServerClock serverClock;
  private final RateLimiter limiter;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Optional<Credentials> credentials;
  private final Optional<RequestSigner> signer;
  private final String baseUrl;

  /**
   * A client.
   *
   * @param config the configuration
   * @param clock the local clock ({@code SystemClock.INSTANCE} in production)
   * @param sleeper how to wait ({@link Sleeper#THREAD_SLEEP} in production)
   * @param seed the seed of the back-off jitter
   */
  public BinanceRestClient(BinanceConfig config, Clock clock, Sleeper sleeper, long seed) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    this.serverClock = new ServerClock(clock, config.timeSyncInterval().toMillis());
    this.limiter = new RateLimiter(serverClock, sleeper, config.maxThrottleWait().toMillis());
    this.backoff =
        new Backoff(config.retryBaseDelay().toMillis(), config.retryMaxDelay().toMillis(), seed);
    this.credentials = config.credentials();
    this.signer = credentials.map(RequestSigner::new);
    this.baseUrl = config.restBaseUrl().toString();
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            // OkHttp would otherwise silently resend a request after some connection failures,
            // which for a new order could place it twice.
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
  }

  /**
   * The server clock (local clock plus measured offset).
   *
   * @return the server clock
   */
  public ServerClock serverClock() {
    return serverClock;
  }

  /**
   * The rate limiter, e.g. to inspect the used weight.
   *
   * @return the limiter
   */
  public RateLimiter rateLimiter() {
    return limiter;
  }

  // ---------------------------------------------------------------- market data

  /**
   * {@code GET /fapi/v1/time} (weight 1), without touching the offset.
   *
   * @return the server time
   */
  public ServerTime serverTime() {
    return execute(
        new Call("GET", "/fapi/v1/time", Params.of(), Security.NONE, 1, 0, true),
        b -> BinanceJson.decode(b, ServerTime.class));
  }

  /**
   * Measures the server-time offset now ({@code GET /fapi/v1/time}, offset = serverTime minus the
   * midpoint of send and receive times).
   *
   * @return the new offset, ms
   */
  public long syncTime() {
    long sent = serverClock.local().currentTimeMillis();
    ServerTime t = serverTime();
    long received = serverClock.local().currentTimeMillis();
    serverClock.update(t.serverTime(), sent, Math.max(sent, received));
    LOG.debug(
        "server time offset {} ms (round trip {} ms)",
        serverClock.offsetMillis(),
        serverClock.lastRoundTripMillis());
    return serverClock.offsetMillis();
  }

  /**
   * {@code GET /fapi/v1/exchangeInfo} (weight 1); its {@code rateLimits} become the limiter's
   * budgets.
   *
   * @return the exchange information
   */
  public ExchangeInfo exchangeInfo() {
    ExchangeInfo info =
        execute(
            new Call("GET", "/fapi/v1/exchangeInfo", Params.of(), Security.NONE, 1, 0, true),
            b -> BinanceJson.decode(b, ExchangeInfo.class));
    limiter.apply(info.rateLimits());
    return info;
  }

  /**
   * {@code GET /fapi/v1/klines}: one page of klines.
   *
   * @param symbol the symbol
   * @param interval the interval
   * @param startTime first open time, UTC epoch ms, or null
   * @param endTime last open time, UTC epoch ms, or null
   * @param limit 1 to 1500 rows
   * @return the klines, ascending by open time
   */
  public List<Kline> klines(
      String symbol, BarInterval interval, Long startTime, Long endTime, int limit) {
    if (limit < 1 || limit > 1500) {
      throw new IllegalArgumentException("limit must be in [1, 1500] but was " + limit);
    }
    Params p =
        Params.of()
            .add("symbol", symbol)
            .add("interval", interval.code())
            .addIfPresent("startTime", startTime)
            .addIfPresent("endTime", endTime)
            .add("limit", limit);
    int weight = limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
    return execute(
        new Call("GET", "/fapi/v1/klines", p, Security.NONE, weight, 0, true),
        b -> BinanceJson.decodeList(b, Kline.class));
  }

  /**
   * Downloads every kline with an open time in {@code [startTime, endTime]}, page by page (1000
   * rows per page, weight 5 each), each page starting one millisecond after the previous page's
   * last open time. Stops at an empty or short page, or when a page makes no progress.
   *
   * @param symbol the symbol
   * @param interval the interval
   * @param startTime first open time, UTC epoch ms
   * @param endTime last open time, UTC epoch ms, at least {@code startTime}
   * @return the klines, strictly ascending by open time
   */
  public List<Kline> klineHistory(
      String symbol, BarInterval interval, long startTime, long endTime) {
    if (endTime < startTime) {
      throw new IllegalArgumentException(
          "endTime must be >= startTime " + startTime + " but was " + endTime);
    }
    List<Kline> all = new ArrayList<>();
    long from = startTime;
    for (int page = 0; page < MAX_KLINE_PAGES && from <= endTime; page++) {
      List<Kline> rows = klines(symbol, interval, from, endTime, KLINE_PAGE);
      long last = Long.MIN_VALUE;
      for (Kline k : rows) {
        boolean ascending = all.isEmpty() || k.openTime() > all.get(all.size() - 1).openTime();
        if (k.openTime() >= from && k.openTime() <= endTime && ascending) {
          all.add(k);
        }
        last = Math.max(last, k.openTime());
      }
      if (rows.size() < KLINE_PAGE || last < from) {
        break;
      }
      from = last + 1;
    }
    return List.copyOf(all);
  }

  /**
   * {@code GET /fapi/v1/depth}: an order-book snapshot.
   *
   * @param symbol the symbol
   * @param limit one of 5, 10, 20, 50, 100, 500, 1000
   * @return the snapshot
   */
  public DepthSnapshot depth(String symbol, int limit) {
    int weight;
    switch (limit) {
      case 5:
      case 10:
      case 20:
      case 50:
        weight = 2;
        break;
      case 100:
        weight = 5;
        break;
      case 500:
        weight = 10;
        break;
      case 1000:
        weight = 20;
        break;
      default:
        throw new IllegalArgumentException(
            "limit must be one of 5, 10, 20, 50, 100, 500, 1000 but was " + limit);
    }
    Params p = Params.of().add("symbol", symbol).add("limit", limit);
    return execute(
        new Call("GET", "/fapi/v1/depth", p, Security.NONE, weight, 0, true),
        b -> BinanceJson.decode(b, DepthSnapshot.class));
  }

  /**
   * {@code GET /fapi/v1/aggTrades} (weight 20).
   *
   * @param symbol the symbol
   * @param fromId the first aggregate id, or null
   * @param startTime start, UTC epoch ms, or null (the window must be under one hour)
   * @param endTime end, UTC epoch ms, or null
   * @param limit 1 to 1000
   * @return the trades
   */
  public List<AggTrade> aggTrades(
      String symbol, Long fromId, Long startTime, Long endTime, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in [1, 1000] but was " + limit);
    }
    Params p =
        Params.of()
            .add("symbol", symbol)
            .addIfPresent("fromId", fromId)
            .addIfPresent("startTime", startTime)
            .addIfPresent("endTime", endTime)
            .add("limit", limit);
    return execute(
        new Call("GET", "/fapi/v1/aggTrades", p, Security.NONE, 20, 0, true),
        b -> BinanceJson.decodeList(b, AggTrade.class));
  }

  /**
   * {@code GET /fapi/v1/premiumIndex?symbol=} (weight 1): mark price and funding.
   *
   * @param symbol the symbol
   * @return the premium index
   */
  public PremiumIndex premiumIndex(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v1/premiumIndex",
            Params.of().add("symbol", symbol),
            Security.NONE,
            1,
            0,
            true),
        b -> BinanceJson.decode(b, PremiumIndex.class));
  }

  /**
   * {@code GET /fapi/v1/fundingRate}: funding history, ascending. Binance limits this endpoint
   * separately (500 per 5 minutes per IP); it is booked as weight 1 here.
   *
   * @param symbol the symbol
   * @param startTime start, UTC epoch ms, or null
   * @param endTime end, UTC epoch ms, or null
   * @param limit 1 to 1000
   * @return the funding rows
   */
  public List<FundingRateEntry> fundingRates(
      String symbol, Long startTime, Long endTime, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in [1, 1000] but was " + limit);
    }
    Params p =
        Params.of()
            .add("symbol", symbol)
            .addIfPresent("startTime", startTime)
            .addIfPresent("endTime", endTime)
            .add("limit", limit);
    return execute(
        new Call("GET", "/fapi/v1/fundingRate", p, Security.NONE, 1, 0, true),
        b -> BinanceJson.decodeList(b, FundingRateEntry.class));
  }

  /**
   * {@code GET /fapi/v1/ticker/bookTicker?symbol=} (weight 2).
   *
   * @param symbol the symbol
   * @return best bid and ask
   */
  public BookTicker bookTicker(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v1/ticker/bookTicker",
            Params.of().add("symbol", symbol),
            Security.NONE,
            2,
            0,
            true),
        b -> BinanceJson.decode(b, BookTicker.class));
  }

  // ---------------------------------------------------------------- trading

  /**
   * {@code POST /fapi/v1/order}, sent once (re-signed once after -1021). Throws on any failure,
   * including an unknown outcome; prefer {@link #placeOrder(NewOrderRequest)}.
   *
   * @param request the order
   * @return the order as Binance accepted it
   */
  public OrderResponse newOrder(NewOrderRequest request) {
    return execute(
        new Call("POST", "/fapi/v1/order", request.toParams(), Security.SIGNED, 0, 1, false),
        b -> BinanceJson.decode(b, OrderResponse.class));
  }

  /**
   * Places an order and, if its outcome is unknown, looks it up by client order id instead of
   * resending it (reference section 4, "Reconciling an unknown order").
   *
   * @param request the order, with its client order id
   * @return placed, recovered, not found (resend with the same id) or unresolved
   * @throws BinanceException when Binance definitely did not place the order (a rejection, a rate
   *     limit, a ban, a connection that never opened)
   */
  public OrderPlacement<OrderResponse> placeOrder(NewOrderRequest request) {
    return place(
        request, () -> newOrder(request), () -> queryOrder(request.symbol(), request.clientId()));
  }

  /**
   * Looks an order up by client id, as {@link #placeOrder} does after an unknown outcome.
   *
   * @param symbol the symbol
   * @param clientOrderId the client order id
   * @return recovered, not found or unresolved
   */
  public OrderPlacement<OrderResponse> resolveOrder(String symbol, String clientOrderId) {
    return resolve(
        () -> queryOrder(symbol, clientOrderId),
        new BinanceException(
            ErrorKind.UNKNOWN_OUTCOME, BinanceException.NO_CODE, "resolution requested"));
  }

  /**
   * {@code POST /fapi/v1/algoOrder}, sent once; prefer {@link #placeAlgoOrder}.
   *
   * @param request the conditional order
   * @return the algo order
   */
  public AlgoOrderResponse newAlgoOrder(AlgoOrderRequest request) {
    return execute(
        new Call("POST", "/fapi/v1/algoOrder", request.toParams(), Security.SIGNED, 0, 1, false),
        b -> BinanceJson.decode(b, AlgoOrderResponse.class));
  }

  /**
   * Places a conditional order with the same unknown-outcome handling as {@link #placeOrder}.
   *
   * @param request the conditional order
   * @return the placement
   */
  public OrderPlacement<AlgoOrderResponse> placeAlgoOrder(AlgoOrderRequest request) {
    return place(request, () -> newAlgoOrder(request), () -> queryAlgoOrder(request.clientId()));
  }

  /**
   * {@code GET /fapi/v1/algoOrder?clientAlgoId=} (weight 1).
   *
   * @param clientAlgoId the client algo id
   * @return the algo order, or empty if Binance answers -2013
   */
  public Optional<AlgoOrderResponse> queryAlgoOrder(String clientAlgoId) {
    return notFoundAsEmpty(
        () ->
            execute(
                new Call(
                    "GET",
                    "/fapi/v1/algoOrder",
                    Params.of().add("clientAlgoId", clientAlgoId),
                    Security.SIGNED,
                    1,
                    0,
                    true),
                b -> BinanceJson.decode(b, AlgoOrderResponse.class)));
  }

  /**
   * {@code DELETE /fapi/v1/algoOrder?clientAlgoId=} (weight 1).
   *
   * @param clientAlgoId the client algo id
   * @return the cancelled algo order
   */
  public AlgoOrderResponse cancelAlgoOrder(String clientAlgoId) {
    return execute(
        new Call(
            "DELETE",
            "/fapi/v1/algoOrder",
            Params.of().add("clientAlgoId", clientAlgoId),
            Security.SIGNED,
            1,
            0,
            true),
        b -> BinanceJson.decode(b, AlgoOrderResponse.class));
  }

  /**
   * {@code GET /fapi/v1/order?origClientOrderId=} (weight 1).
   *
   * @param symbol the symbol
   * @param clientOrderId the client order id
   * @return the order, or empty if Binance answers -2013 (does not exist)
   */
  public Optional<OrderResponse> queryOrder(String symbol, String clientOrderId) {
    Params p = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
    return notFoundAsEmpty(
        () ->
            execute(
                new Call("GET", "/fapi/v1/order", p, Security.SIGNED, 1, 0, true),
                b -> BinanceJson.decode(b, OrderResponse.class)));
  }

  /**
   * {@code DELETE /fapi/v1/order?origClientOrderId=} (weight 1), retried as idempotent. If Binance
   * answers -2011 or -2013 (typically because an earlier attempt whose reply was lost already
   * cancelled it, or the order filled), the order is looked up and returned if it is final.
   *
   * @param symbol the symbol
   * @param clientOrderId the client order id
   * @return the order in its final or cancelled state
   */
  public OrderResponse cancelOrder(String symbol, String clientOrderId) {
    Params p = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
    try {
      return execute(
          new Call("DELETE", "/fapi/v1/order", p, Security.SIGNED, 1, 0, true),
          b -> BinanceJson.decode(b, OrderResponse.class));
    } catch (BinanceException e) {
      if (e.code() != -2011 && e.code() != -2013) {
        throw e;
      }
      Optional<OrderResponse> o = queryOrder(symbol, clientOrderId);
      if (o.isPresent()
          && !"NEW".equals(o.get().status())
          && !"PARTIALLY_FILLED".equals(o.get().status())) {
        return o.get();
      }
      throw e;
    }
  }

  /**
   * {@code DELETE /fapi/v1/allOpenOrders?symbol=} (weight 1).
   *
   * @param symbol the symbol
   * @return Binance's {@code {"code":200,...}}
   */
  public CodeMessage cancelAllOpenOrders(String symbol) {
    return execute(
        new Call(
            "DELETE",
            "/fapi/v1/allOpenOrders",
            Params.of().add("symbol", symbol),
            Security.SIGNED,
            1,
            0,
            true),
        b -> BinanceJson.decode(b, CodeMessage.class));
  }

  /**
   * {@code GET /fapi/v1/openOrders?symbol=} (weight 1).
   *
   * @param symbol the symbol
   * @return the open orders
   */
  public List<OrderResponse> openOrders(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v1/openOrders",
            Params.of().add("symbol", symbol),
            Security.SIGNED,
            1,
            0,
            true),
        b -> BinanceJson.decodeList(b, OrderResponse.class));
  }

  /**
   * {@code POST /fapi/v1/batchOrders} (weight 5): up to 5 plain orders, sent once. An unknown
   * outcome is thrown; resolve each client id with {@link #resolveOrder} before resending any.
   *
   * @param orders 1 to 5 orders
   * @return one result per order, in request order
   */
  public List<BatchOrderResult> batchOrders(List<NewOrderRequest> orders) {
    if (orders.isEmpty() || orders.size() > 5) {
      throw new IllegalArgumentException("batch must hold 1 to 5 orders but held " + orders.size());
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < orders.size(); i++) {
      json.append(i == 0 ? "" : ",").append(orders.get(i).toBatchJson());
    }
    json.append(']');
    return execute(
        new Call(
            "POST",
            "/fapi/v1/batchOrders",
            Params.of().add("batchOrders", json.toString()),
            Security.SIGNED,
            5,
            orders.size(),
            false),
        b -> BinanceJson.decodeList(b, BatchOrderResult.class));
  }

  /**
   * {@code GET /fapi/v1/userTrades} (weight 5): the executions of one order.
   *
   * @param symbol the symbol
   * @param orderId Binance's order id
   * @return the trades, ascending
   */
  public List<UserTrade> userTrades(String symbol, long orderId) {
    Params p = Params.of().add("symbol", symbol).add("orderId", orderId);
    return execute(
        new Call("GET", "/fapi/v1/userTrades", p, Security.SIGNED, 5, 0, true),
        b -> BinanceJson.decodeList(b, UserTrade.class));
  }

  // ---------------------------------------------------------------- account

  /**
   * {@code GET /fapi/v3/account} (weight 5).
   *
   * @return the account
   */
  public AccountInfo account() {
    return execute(
        new Call("GET", "/fapi/v3/account", Params.of(), Security.SIGNED, 5, 0, true),
        b -> BinanceJson.decode(b, AccountInfo.class));
  }

  /**
   * {@code GET /fapi/v3/balance} (weight 5).
   *
   * @return the balances
   */
  public List<AssetBalance> balances() {
    return execute(
        new Call("GET", "/fapi/v3/balance", Params.of(), Security.SIGNED, 5, 0, true),
        b -> BinanceJson.decodeList(b, AssetBalance.class));
  }

  /**
   * {@code GET /fapi/v3/positionRisk} (weight 5).
   *
   * @param symbol the symbol, or null for all
   * @return the positions
   */
  public List<PositionRisk> positionRisk(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v3/positionRisk",
            Params.of().addIfPresent("symbol", symbol),
            Security.SIGNED,
            5,
            0,
            true),
        b -> BinanceJson.decodeList(b, PositionRisk.class));
  }

  /**
   * {@code POST /fapi/v1/leverage} (weight 1); setting an absolute value is idempotent.
   *
   * @param symbol the symbol
   * @param leverage 1 to 125
   * @return the new leverage and its notional cap
   */
  public LeverageChange changeLeverage(String symbol, int leverage) {
    if (leverage < 1 || leverage > 125) {
      throw new IllegalArgumentException("leverage must be in [1, 125] but was " + leverage);
    }
    return execute(
        new Call(
            "POST",
            "/fapi/v1/leverage",
            Params.of().add("symbol", symbol).add("leverage", leverage),
            Security.SIGNED,
            1,
            0,
            true),
        b -> BinanceJson.decode(b, LeverageChange.class));
  }

  /**
   * {@code POST /fapi/v1/marginType} (weight 1); -4046 (already set) counts as success.
   *
   * @param symbol the symbol
   * @param type isolated or crossed
   * @return true if changed, false if it was already set
   */
  public boolean changeMarginType(String symbol, MarginType type) {
    return setting(
        new Call(
            "POST",
            "/fapi/v1/marginType",
            Params.of().add("symbol", symbol).add("marginType", type.name()),
            Security.SIGNED,
            1,
            0,
            true));
  }

  /**
   * {@code POST /fapi/v1/positionSide/dual} (weight 1); -4059 (already set) counts as success.
   *
   * @param hedgeMode true for hedge mode, false for one-way
   * @return true if changed, false if it was already set
   */
  public boolean changePositionMode(boolean hedgeMode) {
    return setting(
        new Call(
            "POST",
            "/fapi/v1/positionSide/dual",
            Params.of().add("dualSidePosition", Boolean.toString(hedgeMode)),
            Security.SIGNED,
            1,
            0,
            true));
  }

  private boolean setting(Call call) {
    try {
      execute(call, b -> BinanceJson.decode(b, CodeMessage.class));
      return true;
    } catch (BinanceException e) {
      if (BinanceErrorCodes.isNoChangeNeeded(e.code())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * {@code GET /fapi/v1/leverageBracket} (weight 1). Accepts both the documented array and the bare
   * object Binance shows for a single symbol.
   *
   * @param symbol the symbol, or null for all
   * @return the brackets per symbol
   */
  public List<SymbolBrackets> leverageBrackets(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v1/leverageBracket",
            Params.of().addIfPresent("symbol", symbol),
            Security.SIGNED,
            1,
            0,
            true),
        BinanceRestClient::decodeBrackets);
  }

  /**
   * Decodes a leverage-bracket reply: an array of symbols, or one bare symbol object.
   *
   * @param body the reply
   * @return the brackets per symbol
   */
  public static List<SymbolBrackets> decodeBrackets(String body) {
    JsonNode tree = BinanceJson.tree(body);
    if (tree.isArray()) {
      return BinanceJson.decodeList(body, SymbolBrackets.class);
    }
    return List.of(BinanceJson.convert(tree, SymbolBrackets.class));
  }

  /**
   * {@code GET /fapi/v1/commissionRate} (weight 20).
   *
   * @param symbol the symbol
   * @return maker and taker rates
   */
  public CommissionRate commissionRate(String symbol) {
    return execute(
        new Call(
            "GET",
            "/fapi/v1/commissionRate",
            Params.of().add("symbol", symbol),
            Security.SIGNED,
            20,
            0,
            true),
        b -> BinanceJson.decode(b, CommissionRate.class));
  }

  /**
   * {@code GET /fapi/v1/income} (weight 30).
   *
   * @param symbol the symbol, or null for all
   * @param incomeType e.g. {@code FUNDING_FEE}, or null for all
   * @param startTime start, UTC epoch ms, or null
   * @param endTime end, UTC epoch ms, or null
   * @param limit 1 to 1000
   * @return the income rows
   */
  public List<Income> income(
      String symbol, String incomeType, Long startTime, Long endTime, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in [1, 1000] but was " + limit);
    }
    Params p =
        Params.of()
            .addIfPresent("symbol", symbol)
            .addIfPresent("incomeType", incomeType)
            .addIfPresent("startTime", startTime)
            .addIfPresent("endTime", endTime)
            .add("limit", limit);
    return execute(
        new Call("GET", "/fapi/v1/income", p, Security.SIGNED, 30, 0, true),
        b -> BinanceJson.decodeList(b, Income.class));
  }

  // ---------------------------------------------------------------- machinery

  private <T> OrderPlacement<T> place(
      OrderRequest request, Supplier<T> send, Supplier<Optional<T>> lookup) {
    BinanceException cause;
    try {
      return OrderPlacement.placed(send.get());
    } catch (BinanceException e) {
      if (!outcomeUnknown(e)) {
        throw e;
      }
      cause = e;
    }
    LOG.warn(
        "order {} on {}: outcome unknown ({}); looking it up by client id before any resend",
        request.clientId(),
        request.symbol(),
        cause.getMessage());
    return resolve(lookup, cause);
  }

  private static boolean outcomeUnknown(BinanceException e) {
    switch (e.kind()) {
      case UNKNOWN_OUTCOME:
      case SERVER:
      case MALFORMED_RESPONSE:
        return true;
      default:
        // -4116: an open order already has this client id, e.g. an earlier attempt that did land.
        return e.code() == -4116;
    }
  }

  private <T> OrderPlacement<T> resolve(Supplier<Optional<T>> lookup, BinanceException cause) {
    boolean allAnswered = true;
    for (int attempt = 0; attempt < config.orderLookupAttempts(); attempt++) {
      if (attempt > 0) {
        sleep(config.orderLookupDelay().toMillis());
      }
      try {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
          return OrderPlacement.recovered(found.get(), cause);
        }
      } catch (BinanceException e) {
        if (e.kind() == ErrorKind.IP_BANNED || e.kind() == ErrorKind.AUTH) {
          return OrderPlacement.unresolved(e);
        }
        allAnswered = false;
        LOG.warn("order look-up failed: {}", e.getMessage());
      }
    }
    return allAnswered ? OrderPlacement.notFound(cause) : OrderPlacement.unresolved(cause);
  }

  private static <T> Optional<T> notFoundAsEmpty(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (BinanceException e) {
      if (e.code() == -2013) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private <T> T execute(Call call, Function<String, T> decoder) {
    int retries = 0;
    boolean resynced = false;
    while (true) {
      try {
        if (call.security() == Security.SIGNED && serverClock.isStale()) {
          syncTime();
        }
        limiter.acquire(call.weight(), call.orders());
        return decoder.apply(sendOnce(call));
      } catch (BinanceException e) {
        if (e.kind() == ErrorKind.CLOCK_SKEW && !resynced) {
          // Binance refused the request before executing it: re-sign with a fresh offset.
          LOG.info(
              "{} {}: {}; resynchronising the clock", call.method(), call.path(), e.getMessage());
          serverClock.invalidate();
          resynced = true;
          continue;
        }
        if (!call.idempotent() || retries >= config.maxRetries() || !retryable(e)) {
          throw e;
        }
        long wait = backoff.delayMillis(retries);
        retries++;
        LOG.info(
            "{} {}: {}; retry {} of {} in {} ms",
            call.method(),
            call.path(),
            e.getMessage(),
            retries,
            config.maxRetries(),
            wait);
        sleep(wait);
      }
    }
  }

  private static boolean retryable(BinanceException e) {
    return e.retryable()
        || e.kind() == ErrorKind.UNKNOWN_OUTCOME
        || e.kind() == ErrorKind.MALFORMED_RESPONSE;
  }

  private String sendOnce(Call call) {
    String params = call.params().encode();
    boolean inBody = call.method().equals("POST") || call.method().equals("PUT");
    String payload = params;
    if (call.security() == Security.SIGNED) {
      RequestSigner s =
          signer.orElseThrow(
              () ->
                  new BinanceException(
                      ErrorKind.AUTH,
                      BinanceException.NO_CODE,
                      call.method() + " " + call.path() + " needs credentials, none configured"));
      String signed =
          (params.isEmpty() ? "" : params + "&")
              + "recvWindow="
              + config.recvWindowMillis()
              + "&timestamp="
              + serverClock.currentTimeMillis();
      String signature = inBody ? s.sign("", signed) : s.sign(signed, "");
      payload = signed + "&signature=" + signature;
    }
    String url = baseUrl + call.path() + (!inBody && !payload.isEmpty() ? "?" + payload : "");
    Request.Builder rb = new Request.Builder().url(url);
    if (call.security() != Security.NONE) {
      Credentials c =
          credentials.orElseThrow(
              () ->
                  new BinanceException(
                      ErrorKind.AUTH,
                      BinanceException.NO_CODE,
                      call.method() + " " + call.path() + " needs an API key, none configured"));
      rb.header("X-MBX-APIKEY", c.apiKey());
    }
    if (inBody) {
      rb.method(call.method(), RequestBody.create(payload, FORM));
    } else {
      rb.method(call.method(), null);
    }
    long started = serverClock.local().currentTimeMillis();
    try (Response response = http.newCall(rb.build()).execute()) {
      int status = response.code();
      limiter.onHeaders(
          intHeader(response, "X-MBX-USED-WEIGHT-1M"),
          intHeader(response, "X-MBX-ORDER-COUNT-10S"),
          intHeader(response, "X-MBX-ORDER-COUNT-1M"));
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      LOG.debug(
          "{} {} -> HTTP {} in {} ms",
          call.method(),
          call.path(),
          status,
          serverClock.local().currentTimeMillis() - started);
      if (status >= 200 && status < 300) {
        return text;
      }
      throw failure(call, response, status, text);
    } catch (InterruptedIOException e) {
      // A read timeout: the request may have been executed.
      throw new BinanceException(
          ErrorKind.UNKNOWN_OUTCOME,
          BinanceException.NO_CODE,
          0,
          -1,
          call.method() + " " + call.path() + ": no reply within the timeout",
          e);
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new BinanceException(
          ErrorKind.NETWORK,
          BinanceException.NO_CODE,
          0,
          -1,
          call.method()
              + " "
              + call.path()
              + ": cannot connect ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (IOException e) {
      // The connection broke after the request may have left: treat as unknown.
      throw new BinanceException(
          ErrorKind.UNKNOWN_OUTCOME,
          BinanceException.NO_CODE,
          0,
          -1,
          call.method()
              + " "
              + call.path()
              + ": connection failed ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private BinanceException failure(Call call, Response response, int status, String text) {
    int code = BinanceException.NO_CODE;
    String msg;
    try {
      CodeMessage cm = BinanceJson.decode(text, CodeMessage.class);
      code = cm.code();
      msg = cm.msg();
    } catch (BinanceException notJson) {
      msg = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
    long retryAfter = retryAfterMillis(response.header("Retry-After"));
    if (status == 429) {
      limiter.onRateLimited(retryAfter);
    } else if (status == 418) {
      limiter.onBanned(retryAfter);
    }
    ErrorKind kind = BinanceErrorCodes.classify(status, code, msg);
    return new BinanceException(
        kind, code, status, retryAfter, call.method() + " " + call.path() + ": " + msg, null);
  }

  private static long retryAfterMillis(String header) {
    if (header == null) {
      return -1;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? -1 : Math.multiplyExact(seconds, 1000L);
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  private static int intHeader(Response response, String name) {
    String v = response.header(name);
    if (v == null) {
      return -1;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(
          ErrorKind.NETWORK, BinanceException.NO_CODE, 0, -1, "interrupted while waiting", e);
    }
  }

  /** Releases OkHttp's threads and pooled connections. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "BinanceRestClient["
        + baseUrl
        + ", "
        + credentials.map(Object::toString).orElse("no credentials")
        + "]";
  }
}

package dev.tyche.binance.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tyche.core.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Binance USDⓈ-M REST server on 127.0.0.1 (ephemeral port) for tests. It verifies API key,
 * HMAC signatures over the exact bytes received and timestamp/recvWindow (-1021), keeps orders by
 * client order id (a duplicate among open orders answers -4116) and positions, reports used weight
 * and order counts in headers, enforces a weight budget per minute of its clock (429 -1003), and
 * injects faults on demand, including 5xx and timeouts after an order was accepted.
 *
 * <p>Thread-safe: state is guarded by the server's lock; delayed replies sleep outside it.
 */
public final class FakeBinanceServer implements AutoCloseable {

  /** What to do to one request. */
  public enum Fault {
    NONE,
    /** 500 "Internal error" before processing: the request had no effect. */
    ERROR_500_BEFORE,
    /** Process, then answer 503 "Unknown error..." (no code): execution unknown to the client. */
    ERROR_503_AFTER_ACCEPT,
    /** Process, then answer -1007 backend timeout (HTTP 408-like 500). */
    BACKEND_TIMEOUT_1007_AFTER_ACCEPT,
    /** Process, then reply only after {@code timeoutDelayMillis} of real time. */
    TIMEOUT_AFTER_ACCEPT,
    /** Process, then answer 200 with truncated JSON. */
    MALFORMED_AFTER_ACCEPT,
    /** Answer -1021 without processing. */
    CLOCK_SKEW_1021,
    /** Answer 429 -1003 with Retry-After 1 without processing. */
    RATE_LIMIT_429,
    /** Answer 418 -1003 with Retry-After 120 without processing. */
    BAN_418
  }

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
    // (about 40 ms per reply on Linux). Read once, when the JDK server classes initialise.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SIGNED =
      Set.of(
          "/fapi/v1/order",
          "/fapi/v1/openOrders",
          "/fapi/v1/allOpenOrders",
          "/fapi/v1/batchOrders",
          "/fapi/v1/algoOrder",
          "/fapi/v1/userTrades",
          "/fapi/v3/account",
          "/fapi/v3/balance",
          "/fapi/v3/positionRisk",
          "/fapi/v1/leverage",
          "/fapi/v1/marginType",
          "/fapi/v1/positionSide/dual",
          "/fapi/v1/leverageBracket",
          "/fapi/v1/commissionRate",
          "/fapi/v1/income");
  private static final BigDecimal MARK = new BigDecimal("65000.00");
  private static final String MARK_TEXT = "65000.00";

  private final Clock clock;
  private final String apiKey;
  private final SecretKeySpec secret;
  private final long timeoutDelayMillis;
  private final HttpServer server;
  private final ExecutorService executor;

  // --- state, guarded by this
  private final Map<String, Deque<Fault>> queued = new HashMap<>();
  private BiFunction<String, String, Fault> plan = (m, p) -> Fault.NONE;
  private long skewMillis;
  private int weightLimit = 2400;
  private long weightWindow = Long.MIN_VALUE;
  private int usedWeight;
  private long orderWindow10s = Long.MIN_VALUE;
  private long orderWindow1m = Long.MIN_VALUE;
  private int orders10s;
  private int orders1m;
  private long nextOrderId = 1000;
  private final List<FakeOrder> orders = new ArrayList<>();
  private final Map<String, FakeAlgo> algos = new LinkedHashMap<>();
  private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
  private final Map<String, Integer> requestsByPath = new HashMap<>();
  private int requests;
  private int signatureFailures;
  private String marginType = "CROSSED";
  private java.util.function.Consumer<String> userEvents = json -> {};
  private boolean hedgeMode;

  /** A mutable order record. */
  public static final class FakeOrder {
    public final long orderId;
    public final String clientOrderId;
    public final String symbol;
    public final String side;
    public final String type;
    public final String timeInForce;
    public final String price;
    public final BigDecimal origQty;
    public BigDecimal executedQty;
    public String status;
    public long updateTime;

    FakeOrder(
        long orderId,
        String clientOrderId,
        String symbol,
        String side,
        String type,
        String timeInForce,
        String price,
        BigDecimal origQty,
        long time) {
      this.orderId = orderId;
      this.clientOrderId = clientOrderId;
      this.symbol = symbol;
      this.side = side;
      this.type = type;
      this.timeInForce = timeInForce;
      this.price = price;
      this.origQty = origQty;
      this.executedQty = BigDecimal.ZERO;
      this.status = "NEW";
      this.updateTime = time;
    }

    boolean isOpen() {
      return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
    }
  }

  private static final class FakeAlgo {
    final long algoId;
    final Map<String, String> params;
    String status = "NEW";
    final long time;

    FakeAlgo(long algoId, Map<String, String> params, long time) {
      this.algoId = algoId;
      this.params = params;
      this.time = time;
    }
  }

  private static final class Reply {
    final int status;
    final String body;
    final Map<String, String> headers = new LinkedHashMap<>();
    long delayMillis;

    Reply(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  public FakeBinanceServer(Clock clock, String apiKey, String secret, long timeoutDelayMillis)
      throws IOException {
    this.clock = clock;
    this.apiKey = apiKey;
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.timeoutDelayMillis = timeoutDelayMillis;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ------------------------------------------------------------------ test controls

  public synchronized void enqueueFault(String method, String path, Fault fault) {
    queued.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(fault);
  }

  public synchronized void setFaultPlan(BiFunction<String, String, Fault> plan) {
    this.plan = plan;
  }

  public synchronized void setSkewMillis(long skew) {
    this.skewMillis = skew;
  }

  public synchronized void setWeightLimit(int limit) {
    this.weightLimit = limit;
  }

  public synchronized void reset() {
    queued.clear();
    plan = (m, p) -> Fault.NONE;
    skewMillis = 0;
    orders.clear();
    algos.clear();
    positions.clear();
    requestsByPath.clear();
    requests = 0;
    signatureFailures = 0;
    usedWeight = 0;
    weightWindow = Long.MIN_VALUE;
  }

  /**
   * Where order changes go, as Binance {@code ORDER_TRADE_UPDATE} JSON (e.g. a fake WebSocket
   * server's user data connection). Called with this server's lock held.
   */
  public synchronized void setUserEventSink(java.util.function.Consumer<String> sink) {
    this.userEvents = sink;
  }

  /**
   * The market trades at {@code price}: every open LIMIT order of the symbol whose limit is at or
   * through it fills completely in one trade (trade id = order id x 10).
   */
  public synchronized void tradeAt(String symbol, String price) {
    BigDecimal p = new BigDecimal(price);
    long now = clock.currentTimeMillis() + skewMillis;
    for (FakeOrder o : orders) {
      if (!o.symbol.equals(symbol) || !o.isOpen() || !o.type.equals("LIMIT")) {
        continue;
      }
      BigDecimal limit = new BigDecimal(o.price);
      boolean crosses = o.side.equals("BUY") ? limit.compareTo(p) >= 0 : limit.compareTo(p) <= 0;
      if (crosses) {
        BigDecimal q = o.origQty.subtract(o.executedQty);
        o.executedQty = o.origQty;
        o.status = "FILLED";
        o.updateTime = now;
        positions.merge(symbol, "SELL".equals(o.side) ? q.negate() : q, BigDecimal::add);
        userEvents.accept(orderUpdate(o, "TRADE", q, o.price, now));
      }
    }
  }

  private static String orderUpdate(
      FakeOrder o, String x, BigDecimal last, String price, long now) {
    boolean trade = x.equals("TRADE");
    return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":"
        + now
        + ",\"T\":"
        + now
        + ",\"o\":{\"s\":\""
        + o.symbol
        + "\",\"c\":\""
        + o.clientOrderId
        + "\",\"S\":\""
        + o.side
        + "\",\"o\":\""
        + o.type
        + "\",\"f\":\""
        + o.timeInForce
        + "\",\"q\":\""
        + o.origQty.toPlainString()
        + "\",\"p\":\""
        + o.price
        + "\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\""
        + x
        + "\",\"X\":\""
        + o.status
        + "\",\"i\":"
        + o.orderId
        + ",\"l\":\""
        + (trade ? last.toPlainString() : "0")
        + "\",\"z\":\""
        + o.executedQty.toPlainString()
        + "\",\"L\":\""
        + (trade ? price : "0")
        + "\""
        + (trade ? ",\"N\":\"USDT\",\"n\":\"0.01\"" : "")
        + ",\"T\":"
        + now
        + ",\"t\":"
        + (trade ? o.orderId * 10 : 0)
        + ",\"m\":"
        + o.type.equals("LIMIT")
        + ",\"R\":false,\"ps\":\"BOTH\",\"rp\":\"0\",\"er\":\"0\"}}";
  }

  public synchronized int requests() {
    return requests;
  }

  public synchronized int requests(String method, String path) {
    return requestsByPath.getOrDefault(method + " " + path, 0);
  }

  public synchronized int signatureFailures() {
    return signatureFailures;
  }

  /** How many orders (any status) carry each client order id. */
  public synchronized Map<String, Integer> ordersPerClientId() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (FakeOrder o : orders) {
      m.merge(o.clientOrderId, 1, Integer::sum);
    }
    return m;
  }

  public synchronized List<FakeOrder> orders() {
    return new ArrayList<>(orders);
  }

  public synchronized BigDecimal position(String symbol) {
    return positions.getOrDefault(symbol, BigDecimal.ZERO);
  }

  public synchronized int algoOrders() {
    return algos.size();
  }

  // ------------------------------------------------------------------ HTTP

  private void handle(HttpExchange ex) throws IOException {
    Reply reply;
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String rawQuery = ex.getRequestURI().getRawQuery();
      String body;
      try (InputStream in = ex.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      reply = process(method, path, rawQuery == null ? "" : rawQuery, body, ex);
    } catch (RuntimeException e) {
      reply = error(500, -1000, "fake server bug: " + e);
    }
    if (reply.delayMillis > 0) {
      try {
        Thread.sleep(reply.delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.close();
        return;
      }
    }
    byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
    reply.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException clientGone) {
      // The client timed out and closed the connection: nothing to do.
    } finally {
      ex.close();
    }
  }

  private synchronized Reply process(
      String method, String path, String rawQuery, String body, HttpExchange ex) {
    requests++;
    requestsByPath.merge(method + " " + path, 1, Integer::sum);
    long now = clock.currentTimeMillis() + skewMillis;

    Fault fault = Fault.NONE;
    Deque<Fault> q = queued.get(method + " " + path);
    if (q != null && !q.isEmpty()) {
      fault = q.poll();
    } else {
      fault = plan.apply(method, path);
    }
    switch (fault) {
      case ERROR_500_BEFORE:
        return error(
            500, -1000, "Internal error; unable to process your request. Please try again.");
      case CLOCK_SKEW_1021:
        return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
      case RATE_LIMIT_429:
        {
          Reply r = error(429, -1003, "Too many requests; current limit is exceeded.");
          r.headers.put("Retry-After", "1");
          return r;
        }
      case BAN_418:
        {
          Reply r = error(418, -1003, "Way too many requests; IP banned until later.");
          r.headers.put("Retry-After", "120");
          return r;
        }
      default:
        break;
    }

    // Weight budget, per minute of the server's clock.
    int weight = weightOf(method, path, rawQuery);
    long minute = Math.floorDiv(now, 60_000L);
    if (minute != weightWindow) {
      weightWindow = minute;
      usedWeight = 0;
    }
    if (usedWeight + weight > weightLimit) {
      Reply r = error(429, -1003, "Too many requests; current limit of IP is " + weightLimit);
      long retry = Math.max(1, ((minute + 1) * 60_000L - now + 999) / 1000);
      r.headers.put("Retry-After", Long.toString(retry));
      r.headers.put("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
      return r;
    }
    usedWeight += weight;

    Map<String, String> params = new LinkedHashMap<>();
    parseInto(body, params);
    parseInto(rawQuery, params); // query wins on duplicates, as on Binance

    if (SIGNED.contains(path)) {
      String key = ex.getRequestHeaders().getFirst("X-MBX-APIKEY");
      if (key == null || !key.equals(apiKey)) {
        return withWeight(error(401, -2015, "Invalid API-key, IP, or permissions for action."));
      }
      if (!signatureValid(rawQuery, body)) {
        signatureFailures++;
        return withWeight(error(400, -1022, "Signature for this request is not valid."));
      }
      long ts;
      long recv;
      try {
        ts = Long.parseLong(params.getOrDefault("timestamp", "-1"));
        recv = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
      } catch (NumberFormatException e) {
        return withWeight(error(400, -1100, "Illegal characters found in parameter 'timestamp'."));
      }
      if (ts < 0) {
        return withWeight(error(400, -1102, "Mandatory parameter 'timestamp' was not sent."));
      }
      if (!(ts < now + 1000 && now - ts <= recv)) {
        return withWeight(
            error(400, -1021, "Timestamp for this request is outside of the recvWindow."));
      }
    }

    Reply r = route(method, path, params, now);
    withWeight(r);
    switch (fault) {
      case ERROR_503_AFTER_ACCEPT:
        {
          Reply e = new Reply(503, "Unknown error, please check your request or try again later.");
          e.headers.putAll(r.headers);
          return e;
        }
      case BACKEND_TIMEOUT_1007_AFTER_ACCEPT:
        return withWeight(
            error(
                500,
                -1007,
                "Timeout waiting for response from backend server. Send status unknown;"
                    + " execution status unknown."));
      case TIMEOUT_AFTER_ACCEPT:
        r.delayMillis = timeoutDelayMillis;
        return r;
      case MALFORMED_AFTER_ACCEPT:
        {
          Reply m = new Reply(200, r.body.substring(0, Math.max(1, r.body.length() / 2)));
          m.headers.putAll(r.headers);
          return m;
        }
      default:
        return r;
    }
  }

  private Reply withWeight(Reply r) {
    r.headers.put("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
    return r;
  }

  private static int weightOf(String method, String path, String query) {
    switch (path) {
      case "/fapi/v1/klines":
        return 5;
      case "/fapi/v1/depth":
        return 10;
      case "/fapi/v1/aggTrades":
        return 20;
      case "/fapi/v1/ticker/bookTicker":
        return 2;
      case "/fapi/v3/account":
      case "/fapi/v3/balance":
      case "/fapi/v3/positionRisk":
      case "/fapi/v1/batchOrders":
      case "/fapi/v1/userTrades":
        return 5;
      case "/fapi/v1/commissionRate":
        return 20;
      case "/fapi/v1/income":
        return 30;
      case "/fapi/v1/order":
      case "/fapi/v1/algoOrder":
        return method.equals("POST") ? 0 : 1;
      default:
        return 1;
    }
  }

  private boolean signatureValid(String rawQuery, String body) {
    String q = rawQuery;
    String b = body;
    String sig;
    if (!b.isEmpty()) {
      int i = b.lastIndexOf("signature=");
      if (i < 0 || (i > 0 && b.charAt(i - 1) != '&')) {
        return false;
      }
      sig = b.substring(i + "signature=".length());
      b = i == 0 ? "" : b.substring(0, i - 1);
    } else {
      int i = q.lastIndexOf("signature=");
      if (i < 0 || (i > 0 && q.charAt(i - 1) != '&')) {
        return false;
      }
      sig = q.substring(i + "signature=".length());
      q = i == 0 ? "" : q.substring(0, i - 1);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      mac.update(q.getBytes(StandardCharsets.UTF_8));
      byte[] d = mac.doFinal(b.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte x : d) {
        hex.append(String.format(Locale.ROOT, "%02x", x));
      }
      return hex.toString().equalsIgnoreCase(sig);
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  private static void parseInto(String encoded, Map<String, String> params) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
  }

  // ------------------------------------------------------------------ endpoints

  private Reply route(String method, String path, Map<String, String> p, long now) {
    switch (method + " " + path) {
      case "GET /fapi/v1/time":
        return ok(Map.of("serverTime", now));
      case "GET /fapi/v1/exchangeInfo":
        return new Reply(200, exchangeInfo(now));
      case "GET /fapi/v1/klines":
        return klines(p);
      case "GET /fapi/v1/depth":
        return new Reply(
            200,
            "{\"lastUpdateId\":1027024,\"E\":"
                + now
                + ",\"T\":"
                + (now - 2)
                + ",\"bids\":[[\"64999.90\",\"1.500\"],[\"64999.80\",\"0.010\"]],"
                + "\"asks\":[[\"65000.00\",\"0.800\"],[\"65000.10\",\"2.000\"]]}");
      case "GET /fapi/v1/aggTrades":
        return new Reply(
            200,
            "[{\"a\":26129,\"p\":\"65000.10\",\"q\":\"0.120\",\"nq\":\"0.120\",\"f\":100,\"l\":105,"
                + "\"T\":"
                + now
                + ",\"m\":true}]");
      case "GET /fapi/v1/premiumIndex":
        return new Reply(
            200,
            "{\"symbol\":\""
                + p.get("symbol")
                + "\",\"markPrice\":\"65001.23\",\"indexPrice\":\"64995.10\","
                + "\"estimatedSettlePrice\":\"64996.00\",\"lastFundingRate\":\"0.00010000\","
                + "\"interestRate\":\"0.00010000\",\"nextFundingTime\":1700006400000,\"time\":"
                + now
                + "}");
      case "GET /fapi/v1/fundingRate":
        return new Reply(
            200,
            "[{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"0.00010000\",\"fundingTime\":1699977600000,"
                + "\"markPrice\":\"36950.10000000\"},{\"symbol\":\"BTCUSDT\",\"fundingRate\":"
                + "\"-0.00002500\",\"fundingTime\":1700006400001,\"markPrice\":\"\"}]");
      case "GET /fapi/v1/ticker/bookTicker":
        return new Reply(
            200,
            "{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"64999.90\",\"bidQty\":\"1.500\","
                + "\"askPrice\":\"65000.00\",\"askQty\":\"0.800\",\"time\":"
                + now
                + "}");
      case "POST /fapi/v1/order":
        return newOrder(p, now);
      case "GET /fapi/v1/order":
        {
          FakeOrder o = find(p.get("symbol"), p.get("origClientOrderId"));
          return o == null ? error(400, -2013, "Order does not exist.") : ok(orderJson(o));
        }
      case "DELETE /fapi/v1/order":
        {
          FakeOrder o = find(p.get("symbol"), p.get("origClientOrderId"));
          if (o == null) {
            return error(400, -2013, "Order does not exist.");
          }
          if (!o.isOpen()) {
            return error(400, -2011, "Unknown order sent.");
          }
          o.status = "CANCELED";
          o.updateTime = now;
          userEvents.accept(orderUpdate(o, "CANCELED", BigDecimal.ZERO, o.price, now));
          return ok(orderJson(o));
        }
      case "DELETE /fapi/v1/allOpenOrders":
        for (FakeOrder o : orders) {
          if (o.symbol.equals(p.get("symbol")) && o.isOpen()) {
            o.status = "CANCELED";
            o.updateTime = now;
          }
        }
        return ok(Map.of("code", 200, "msg", "The operation of cancel all open order is done."));
      case "GET /fapi/v1/openOrders":
        {
          List<Object> open = new ArrayList<>();
          for (FakeOrder o : orders) {
            if (o.symbol.equals(p.get("symbol")) && o.isOpen()) {
              open.add(orderJson(o));
            }
          }
          return ok(open);
        }
      case "POST /fapi/v1/batchOrders":
        return batch(p, now);
      case "POST /fapi/v1/algoOrder":
        {
          String id = p.get("clientAlgoId");
          if (id == null) {
            return error(400, -1102, "Mandatory parameter 'clientAlgoId' was not sent.");
          }
          if (algos.containsKey(id)) {
            return error(400, -4116, "ClientOrderId is duplicated.");
          }
          FakeAlgo a = new FakeAlgo(nextOrderId++, new LinkedHashMap<>(p), now);
          algos.put(id, a);
          return ok(algoJson(a));
        }
      case "GET /fapi/v1/algoOrder":
        {
          FakeAlgo a = algos.get(p.get("clientAlgoId"));
          return a == null ? error(400, -2013, "Order does not exist.") : ok(algoJson(a));
        }
      case "DELETE /fapi/v1/algoOrder":
        {
          FakeAlgo a = algos.get(p.get("clientAlgoId"));
          if (a == null) {
            return error(400, -2013, "Order does not exist.");
          }
          a.status = "CANCELED";
          return ok(algoJson(a));
        }
      case "GET /fapi/v1/userTrades":
        {
          List<Object> trades = new ArrayList<>();
          for (FakeOrder o : orders) {
            if (Long.toString(o.orderId).equals(p.get("orderId")) && o.executedQty.signum() > 0) {
              Map<String, Object> t = new LinkedHashMap<>();
              t.put("id", o.orderId * 10);
              t.put("orderId", o.orderId);
              t.put("symbol", o.symbol);
              t.put("side", o.side);
              t.put("price", o.type.equals("LIMIT") ? o.price : MARK_TEXT);
              t.put("qty", o.executedQty.toPlainString());
              t.put("quoteQty", MARK.multiply(o.executedQty).toPlainString());
              t.put("commission", "0.01");
              t.put("commissionAsset", "USDT");
              t.put("realizedPnl", "0");
              t.put("maker", false);
              t.put("time", o.updateTime);
              trades.add(t);
            }
          }
          return ok(trades);
        }
      case "GET /fapi/v3/account":
        return ok(account());
      case "GET /fapi/v3/balance":
        return new Reply(
            200,
            "[{\"accountAlias\":\"x\",\"asset\":\"USDT\",\"balance\":\"10000.00000000\","
                + "\"crossWalletBalance\":\"10000.00000000\",\"crossUnPnl\":\"0.00000000\","
                + "\"availableBalance\":\"9000.00000000\",\"maxWithdrawAmount\":\"9000.00000000\","
                + "\"marginAvailable\":true,\"updateTime\":"
                + now
                + "}]");
      case "GET /fapi/v3/positionRisk":
        {
          List<Object> out = new ArrayList<>();
          positions.forEach(
              (s, amt) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", s);
                m.put("positionSide", "BOTH");
                m.put("positionAmt", amt.toPlainString());
                m.put("entryPrice", MARK_TEXT);
                m.put("breakEvenPrice", MARK_TEXT);
                m.put("markPrice", MARK_TEXT);
                m.put("unRealizedProfit", "0.00000000");
                m.put("liquidationPrice", "0");
                m.put("isolatedMargin", "0");
                m.put("notional", MARK.multiply(amt).toPlainString());
                m.put("initialMargin", "0");
                m.put("maintMargin", "0");
                m.put("updateTime", now);
                out.add(m);
              });
          return ok(out);
        }
      case "POST /fapi/v1/leverage":
        return ok(
            Map.of(
                "leverage",
                Integer.parseInt(p.get("leverage")),
                "maxNotionalValue",
                "1000000",
                "symbol",
                p.get("symbol")));
      case "POST /fapi/v1/marginType":
        if (p.get("marginType").equals(marginType)) {
          return error(400, -4046, "No need to change margin type.");
        }
        marginType = p.get("marginType");
        return ok(Map.of("code", 200, "msg", "success"));
      case "POST /fapi/v1/positionSide/dual":
        {
          boolean dual = Boolean.parseBoolean(p.get("dualSidePosition"));
          if (dual == hedgeMode) {
            return error(400, -4059, "No need to change position side.");
          }
          hedgeMode = dual;
          return ok(Map.of("code", 200, "msg", "success"));
        }
      case "GET /fapi/v1/leverageBracket":
        {
          String one =
              "{\"symbol\":\"BTCUSDT\",\"notionalCoef\":1.0,\"brackets\":["
                  + "{\"bracket\":1,\"initialLeverage\":125,\"notionalCap\":50000,"
                  + "\"notionalFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0.0},"
                  + "{\"bracket\":2,\"initialLeverage\":100,\"notionalCap\":250000,"
                  + "\"notionalFloor\":50000,\"maintMarginRatio\":0.005,\"cum\":50.0}]}";
          return new Reply(200, p.containsKey("symbol") ? one : "[" + one + "]");
        }
      case "GET /fapi/v1/commissionRate":
        return ok(
            Map.of(
                "symbol",
                p.get("symbol"),
                "makerCommissionRate",
                "0.0002",
                "takerCommissionRate",
                "0.0005"));
      case "GET /fapi/v1/income":
        return new Reply(
            200,
            "[{\"symbol\":\"BTCUSDT\",\"incomeType\":\"FUNDING_FEE\",\"income\":\"-0.37500000\","
                + "\"asset\":\"USDT\",\"info\":\"FUNDING_FEE\",\"time\":1700006400000,"
                + "\"tranId\":9689322392,\"tradeId\":\"\"}]");
      default:
        return error(404, -1000, "no such endpoint " + method + " " + path);
    }
  }

  private Reply newOrder(Map<String, String> p, long now) {
    Object result = placeOne(p, now);
    if (result instanceof Reply) {
      return (Reply) result;
    }
    Reply r = ok(orderJson((FakeOrder) result));
    r.headers.put("X-MBX-ORDER-COUNT-10S", Integer.toString(orders10s));
    r.headers.put("X-MBX-ORDER-COUNT-1M", Integer.toString(orders1m));
    return r;
  }

  /** Places one order, returning the order or an error reply. */
  private Object placeOne(Map<String, String> p, long now) {
    String symbol = p.get("symbol");
    if (!"BTCUSDT".equals(symbol) && !"ETHUSDT".equals(symbol)) {
      return error(400, -1121, "Invalid symbol.");
    }
    String type = p.getOrDefault("type", "");
    if (Set.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET")
        .contains(type)) {
      return error(
          400,
          -4120,
          "Order type not supported for this endpoint. Please use the Algo Order API endpoints"
              + " instead.");
    }
    if (!type.equals("LIMIT") && !type.equals("MARKET")) {
      return error(400, -1116, "Invalid orderType.");
    }
    String cid = p.get("newClientOrderId");
    if (cid == null || cid.length() > 36) {
      return error(400, -4015, "Client order id is not valid.");
    }
    for (FakeOrder o : orders) {
      if (o.clientOrderId.equals(cid) && o.isOpen()) {
        return error(400, -4116, "ClientOrderId is duplicated.");
      }
    }
    BigDecimal qty;
    try {
      qty = new BigDecimal(p.getOrDefault("quantity", ""));
    } catch (NumberFormatException e) {
      return error(400, -1102, "Mandatory parameter 'quantity' was not sent or malformed.");
    }
    if (qty.signum() <= 0) {
      return error(400, -4003, "Quantity less than or equal to zero.");
    }
    if (type.equals("LIMIT") && (p.get("price") == null || p.get("timeInForce") == null)) {
      return error(400, -1102, "Mandatory parameter 'price' was not sent.");
    }
    long w10 = Math.floorDiv(now, 10_000L);
    long w60 = Math.floorDiv(now, 60_000L);
    if (w10 != orderWindow10s) {
      orderWindow10s = w10;
      orders10s = 0;
    }
    if (w60 != orderWindow1m) {
      orderWindow1m = w60;
      orders1m = 0;
    }
    orders10s++;
    orders1m++;
    FakeOrder o =
        new FakeOrder(
            nextOrderId++,
            cid,
            symbol,
            p.get("side"),
            type,
            p.getOrDefault("timeInForce", "GTC"),
            p.getOrDefault("price", "0"),
            qty,
            now);
    userEvents.accept(orderUpdate(o, "NEW", BigDecimal.ZERO, o.price, now));
    if (type.equals("MARKET")) {
      o.executedQty = qty;
      o.status = "FILLED";
      BigDecimal signed = "SELL".equals(o.side) ? qty.negate() : qty;
      positions.merge(symbol, signed, BigDecimal::add);
      userEvents.accept(orderUpdate(o, "TRADE", qty, MARK_TEXT, now));
    }
    orders.add(o);
    return o;
  }

  private Reply batch(Map<String, String> p, long now) {
    JsonNode arr;
    try {
      arr = JSON.readTree(p.getOrDefault("batchOrders", ""));
    } catch (IOException e) {
      return error(400, -1130, "Data sent for parameter 'batchOrders' is not valid.");
    }
    if (!arr.isArray() || arr.size() == 0 || arr.size() > 5) {
      return error(400, -1130, "Data sent for parameter 'batchOrders' is not valid.");
    }
    List<Object> out = new ArrayList<>();
    for (JsonNode n : arr) {
      Map<String, String> one = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> one.put(e.getKey(), e.getValue().asText()));
      Object r = placeOne(one, now);
      if (r instanceof Reply) {
        try {
          out.add(JSON.readTree(((Reply) r).body));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      } else {
        out.add(orderJson((FakeOrder) r));
      }
    }
    return ok(out);
  }

  private FakeOrder find(String symbol, String cid) {
    FakeOrder found = null;
    for (FakeOrder o : orders) {
      if (o.clientOrderId.equals(cid) && o.symbol.equals(symbol)) {
        found = o; // the latest one with the id
      }
    }
    return found;
  }

  private static Map<String, Object> orderJson(FakeOrder o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", o.orderId);
    m.put("symbol", o.symbol);
    m.put("status", o.status);
    m.put("clientOrderId", o.clientOrderId);
    m.put("price", o.price);
    m.put("avgPrice", o.executedQty.signum() > 0 ? MARK_TEXT : "0.00");
    m.put("origQty", o.origQty.toPlainString());
    m.put("executedQty", o.executedQty.toPlainString());
    m.put("cumQuote", MARK.multiply(o.executedQty).toPlainString());
    m.put("timeInForce", o.timeInForce);
    m.put("type", o.type);
    m.put("reduceOnly", false);
    m.put("closePosition", false);
    m.put("side", o.side);
    m.put("positionSide", "BOTH");
    m.put("stopPrice", "0");
    m.put("workingType", "CONTRACT_PRICE");
    m.put("priceProtect", false);
    m.put("origType", o.type);
    m.put("updateTime", o.updateTime);
    return m;
  }

  private static Map<String, Object> algoJson(FakeAlgo a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algoId", a.algoId);
    m.put("clientAlgoId", a.params.get("clientAlgoId"));
    m.put("algoType", "CONDITIONAL");
    m.put("orderType", a.params.get("type"));
    m.put("symbol", a.params.get("symbol"));
    m.put("side", a.params.get("side"));
    m.put("positionSide", a.params.getOrDefault("positionSide", "BOTH"));
    m.put("quantity", a.params.getOrDefault("quantity", "0"));
    m.put("algoStatus", a.status);
    m.put("triggerPrice", a.params.getOrDefault("triggerPrice", "0"));
    m.put("price", a.params.getOrDefault("price", "0"));
    m.put("workingType", "CONTRACT_PRICE");
    m.put("reduceOnly", false);
    m.put("closePosition", false);
    m.put("createTime", a.time);
    m.put("updateTime", a.time);
    return m;
  }

  private Map<String, Object> account() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("totalInitialMargin", "0.00000000");
    m.put("totalMaintMargin", "0.00000000");
    m.put("totalWalletBalance", "10000.00000000");
    m.put("totalUnrealizedProfit", "0.00000000");
    m.put("totalMarginBalance", "10000.00000000");
    m.put("availableBalance", "9000.00000000");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("asset", "USDT");
    a.put("walletBalance", "10000.00000000");
    a.put("unrealizedProfit", "0.00000000");
    a.put("marginBalance", "10000.00000000");
    a.put("maintMargin", "0.00000000");
    a.put("availableBalance", "9000.00000000");
    m.put("assets", List.of(a));
    List<Object> ps = new ArrayList<>();
    positions.forEach(
        (s, amt) -> {
          Map<String, Object> pm = new LinkedHashMap<>();
          pm.put("symbol", s);
          pm.put("positionSide", "BOTH");
          pm.put("positionAmt", amt.toPlainString());
          pm.put("unrealizedProfit", "0.00000000");
          pm.put("notional", MARK.multiply(amt).toPlainString());
          pm.put("isolatedWallet", "0");
          pm.put("initialMargin", "0");
          pm.put("maintMargin", "0");
          ps.add(pm);
        });
    m.put("positions", ps);
    return m;
  }

  private String exchangeInfo(long now) {
    return "{\"timezone\":\"UTC\",\"serverTime\":"
        + now
        + ",\"futuresType\":\"U_MARGINED\",\"rateLimits\":["
        + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
        + "\"limit\":"
        + weightLimit
        + "},{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
        + "\"limit\":1200},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,"
        + "\"limit\":300}],\"exchangeFilters\":[],\"assets\":[],\"symbols\":["
        + symbolJson("BTCUSDT", "BTC", "PERPETUAL", "TRADING", "0.10", "0.001", "1000", "100")
        + ","
        + symbolJson("ETHUSDT", "ETH", "PERPETUAL", "TRADING", "0.01", "0.001", "10000", "20")
        + ","
        + symbolJson(
            "BTCUSDT_250627", "BTC", "CURRENT_QUARTER", "TRADING", "0.10", "0.001", "500", "5")
        + "]}";
  }

  private static String symbolJson(
      String s,
      String base,
      String contract,
      String status,
      String tick,
      String step,
      String maxQty,
      String notional) {
    return "{\"symbol\":\""
        + s
        + "\",\"pair\":\""
        + base
        + "USDT\",\"contractType\":\""
        + contract
        + "\",\"deliveryDate\":4133404800000,\"onboardDate\":1569398400000,\"status\":\""
        + status
        + "\",\"maintMarginPercent\":\"2.5000\",\"requiredMarginPercent\":\"5.0000\","
        + "\"baseAsset\":\""
        + base
        + "\",\"quoteAsset\":\"USDT\",\"marginAsset\":\"USDT\",\"pricePrecision\":2,"
        + "\"quantityPrecision\":3,\"baseAssetPrecision\":8,\"quotePrecision\":8,"
        + "\"underlyingType\":\"COIN\",\"triggerProtect\":\"0.0500\",\"filters\":["
        + "{\"minPrice\":\"556.80\",\"maxPrice\":\"4529764\",\"filterType\":\"PRICE_FILTER\","
        + "\"tickSize\":\""
        + tick
        + "\"},{\"stepSize\":\""
        + step
        + "\",\"filterType\":\"LOT_SIZE\",\"maxQty\":\""
        + maxQty
        + "\",\"minQty\":\""
        + step
        + "\"},{\"stepSize\":\""
        + step
        + "\",\"filterType\":\"MARKET_LOT_SIZE\",\"maxQty\":\"120\",\"minQty\":\""
        + step
        + "\"},{\"limit\":200,\"filterType\":\"MAX_NUM_ORDERS\"},"
        + "{\"notional\":\""
        + notional
        + "\",\"filterType\":\"MIN_NOTIONAL\"},{\"multiplierDown\":\"0.9500\","
        + "\"multiplierUp\":\"1.0500\",\"multiplierDecimal\":\"4\",\"filterType\":"
        + "\"PERCENT_PRICE\"}],\"orderTypes\":[\"LIMIT\",\"MARKET\",\"STOP\"],"
        + "\"timeInForce\":[\"GTC\",\"IOC\",\"FOK\",\"GTX\",\"GTD\"]}";
  }

  /** First open time with data, and the last; 1m klines between them, deterministic prices. */
  public static final long KLINE_FIRST = 1_700_000_040_000L - (1_700_000_040_000L % 60_000L);

  public static final int KLINE_COUNT = 2_345;

  private Reply klines(Map<String, String> p) {
    if (!"1m".equals(p.get("interval"))) {
      return error(400, -1120, "Invalid interval.");
    }
    long start = Long.parseLong(p.getOrDefault("startTime", Long.toString(KLINE_FIRST)));
    long end = Long.parseLong(p.getOrDefault("endTime", Long.toString(Long.MAX_VALUE)));
    int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
    long last = KLINE_FIRST + (KLINE_COUNT - 1) * 60_000L;
    long first = Math.max(KLINE_FIRST, Math.floorDiv(start + 59_999, 60_000L) * 60_000L);
    StringBuilder sb = new StringBuilder("[");
    int n = 0;
    for (long t = first; t <= Math.min(end, last) && n < limit; t += 60_000L, n++) {
      long i = (t - KLINE_FIRST) / 60_000L;
      String o = (60000 + i % 97) + ".0";
      String c = (60000 + (i * 7) % 89) + ".5";
      String h = (60200 + i % 13) + ".0";
      String l = (59800 - i % 11) + ".0";
      if (n > 0) {
        sb.append(',');
      }
      sb.append("[")
          .append(t)
          .append(",\"")
          .append(o)
          .append("\",\"")
          .append(h)
          .append("\",\"")
          .append(l)
          .append("\",\"")
          .append(c)
          .append("\",\"12.345\",")
          .append(t + 59_999)
          .append(",\"802345.6\",101,\"6.1\",\"396500.2\",\"0\"]");
    }
    return new Reply(200, sb.append(']').toString());
  }

  private static Reply ok(Object value) {
    try {
      return new Reply(200, JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply error(int status, int code, String msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("msg", msg);
    Reply r = ok(m);
    return new Reply(status, r.body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

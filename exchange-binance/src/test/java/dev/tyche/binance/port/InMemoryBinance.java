package dev.tyche.binance.port;

import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.rest.AlgoOrderRequest;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.OrderPlacement;
import dev.tyche.binance.ws.UserDataDecoder;
import dev.tyche.binance.ws.UserDataStream;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An in-memory Binance USDⓈ-M for port-level fault runs: it keeps orders by client id, matches
 * resting limit orders against market trades (partial fills), writes {@code ORDER_TRADE_UPDATE}
 * messages as Binance's JSON text (decoded by the real {@link UserDataDecoder}) into an outbox, and
 * answers the order endpoints as {@code BinanceRestClient} would, including its unknown-outcome
 * results. With a seeded random source it injects, per call: replies lost after the venue acted
 * (5xx, timeouts; then the look-ups find the order or fail), requests lost before it acted
 * (look-ups then find nothing), 429, 418, -1021 and business rejections; and per outbox message:
 * drops (with a reconnect and the stream's reconciliation request), duplicates, swaps and listen
 * key expiry.
 *
 * <p>Thread-safe: guarded by this object's lock; the stream listener is called without it.
 */
final class InMemoryBinance implements VenueOrders, BinanceExecutionClient.UserStreamFactory {

  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  /** One order at the venue. */
  static final class Order {
    final long orderId;
    final String clientId;
    final String side;
    final String type;
    final BigDecimal price; // null for market
    final BigDecimal qty;
    BigDecimal filled = BigDecimal.ZERO;
    String status = "NEW";
    long updateTime;
    final List<UserTrade> trades = new ArrayList<>();

    Order(
        long orderId, String clientId, String side, String type, BigDecimal price, BigDecimal qty) {
      this.orderId = orderId;
      this.clientId = clientId;
      this.side = side;
      this.type = type;
      this.price = price;
      this.qty = qty;
    }

    boolean open() {
      return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
    }
  }

  private final SplittableRandom rnd;
  private final double faultRate;
  private final List<Order> orders = new ArrayList<>();
  private final List<String> outbox = new ArrayList<>();
  private final Map<String, Integer> injected = new LinkedHashMap<>();
  private long nextOrderId = 5_000;
  private long nextTradeId = 90_000;
  private long time = 1_700_000_000_000L;
  private boolean faults;
  private UserDataStream.Listener stream;
  private boolean started;

  InMemoryBinance(long seed, double faultRate) {
    this.rnd = new SplittableRandom(seed);
    this.faultRate = faultRate;
  }

  // ------------------------------------------------------------ controls

  synchronized void faults(boolean on) {
    this.faults = on;
  }

  synchronized Map<String, Integer> injected() {
    return new LinkedHashMap<>(injected);
  }

  synchronized List<Order> orders() {
    return new ArrayList<>(orders);
  }

  synchronized Optional<Order> order(String clientId) {
    Order found = null;
    for (Order o : orders) {
      if (o.clientId.equals(clientId)) {
        found = o;
      }
    }
    return Optional.ofNullable(found);
  }

  synchronized int ordersWithId(String clientId) {
    int n = 0;
    for (Order o : orders) {
      if (o.clientId.equals(clientId)) {
        n++;
      }
    }
    return n;
  }

  /** The market trades at a price: resting orders at or through it fill by up to {@code qty}. */
  void marketTrades(BigDecimal price, BigDecimal qty) {
    synchronized (this) {
      BigDecimal left = qty;
      for (Order o : orders) {
        if (!o.open() || o.price == null || left.signum() <= 0) {
          continue;
        }
        boolean crosses =
            o.side.equals("BUY") ? o.price.compareTo(price) >= 0 : o.price.compareTo(price) <= 0;
        if (crosses) {
          BigDecimal q = o.qty.subtract(o.filled).min(left);
          left = left.subtract(q);
          fill(o, o.price, q, true);
        }
      }
    }
    pump();
  }

  /**
   * Delivers the outbox to the stream listener, applying stream faults when enabled. A drop or an
   * expiry loses the rest of the outbox and ends in a reconnect, which asks for reconciliation.
   */
  void pump() {
    List<String> msgs;
    UserDataStream.Listener l;
    boolean reconnect = false;
    synchronized (this) {
      if (stream == null || !started) {
        return;
      }
      l = stream;
      msgs = new ArrayList<>();
      for (int i = 0; i < outbox.size(); i++) {
        String m = outbox.get(i);
        if (faults && rnd.nextDouble() < faultRate) {
          int kind = rnd.nextInt(4);
          if (kind == 0) {
            count("ws drop + reconnect");
            reconnect = true;
            break;
          } else if (kind == 1) {
            count("ws duplicate");
            msgs.add(m);
            msgs.add(m);
          } else if (kind == 2 && i + 1 < outbox.size()) {
            count("ws swap");
            msgs.add(outbox.get(i + 1));
            msgs.add(m);
            i++;
          } else {
            count("ws listenKey expiry");
            msgs.add("{\"e\":\"listenKeyExpired\",\"E\":" + time + ",\"listenKey\":\"k\"}");
            reconnect = true;
            break;
          }
        } else {
          msgs.add(m);
        }
      }
      outbox.clear();
    }
    for (String m : msgs) {
      l.onEvent(UserDataDecoder.decode(m));
    }
    if (reconnect) {
      l.onReconcile("user data stream reconnected");
    }
  }

  /** The stream reconnects: the client is asked to reconcile. */
  void reconnect() {
    UserDataStream.Listener l;
    synchronized (this) {
      l = stream;
    }
    if (l != null) {
      l.onReconcile("user data stream reconnected");
    }
  }

  // ------------------------------------------------------------ stream factory

  @Override
  public synchronized BinanceExecutionClient.UserStream open(UserDataStream.Listener listener) {
    this.stream = listener;
    return new BinanceExecutionClient.UserStream() {
      @Override
      public void start() {
        synchronized (InMemoryBinance.this) {
          started = true;
        }
      }

      @Override
      public void close() {
        synchronized (InMemoryBinance.this) {
          started = false;
        }
      }
    };
  }

  // ------------------------------------------------------------ endpoints

  @Override
  public OrderPlacement<OrderResponse> place(NewOrderRequest r) {
    OrderPlacement<OrderResponse> p;
    synchronized (this) {
      time++;
      double u = faults ? rnd.nextDouble() : 1.0;
      double f = faultRate;
      if (u < f * 0.15) {
        count("429");
        throw new BinanceException(ErrorKind.RATE_LIMITED, -1003, 429, 1000, "rate limited", null);
      } else if (u < f * 0.25) {
        count("418");
        throw new BinanceException(ErrorKind.IP_BANNED, -1003, 418, 120_000, "banned", null);
      } else if (u < f * 0.35) {
        count("-1021 twice");
        throw new BinanceException(ErrorKind.CLOCK_SKEW, -1021, 400, -1, "recvWindow", null);
      } else if (u < f * 0.45) {
        count("-2019 rejected");
        throw new BinanceException(ErrorKind.ORDER_REJECTED, -2019, 400, -1, "margin", null);
      } else if (u < f * 0.60) {
        count("lost before, not found");
        p = new OrderPlacement<>(OrderPlacement.Status.NOT_FOUND, Optional.empty(), cause());
      } else if (u < f * 0.70) {
        count("lost before, unresolved");
        p = new OrderPlacement<>(OrderPlacement.Status.UNRESOLVED, Optional.empty(), cause());
      } else {
        Object placed = create(r);
        if (placed instanceof BinanceException) {
          throw (BinanceException) placed;
        }
        Order o = (Order) placed;
        if (u < f * 0.85) {
          count("5xx/timeout after accept, recovered");
          p = new OrderPlacement<>(OrderPlacement.Status.RECOVERED, Optional.of(dto(o)), cause());
        } else if (u < f) {
          count("5xx/timeout after accept, unresolved");
          p = new OrderPlacement<>(OrderPlacement.Status.UNRESOLVED, Optional.empty(), cause());
        } else {
          p =
              new OrderPlacement<>(
                  OrderPlacement.Status.PLACED, Optional.of(dto(o)), Optional.empty());
        }
      }
    }
    pump();
    return p;
  }

  private static Optional<BinanceException> cause() {
    return Optional.of(
        new BinanceException(ErrorKind.UNKNOWN_OUTCOME, BinanceException.NO_CODE, "lost reply"));
  }

  /** Creates the order as Binance would, or returns the error Binance would answer. */
  private Object create(NewOrderRequest r) {
    for (Order o : orders) {
      if (o.clientId.equals(r.clientOrderId()) && o.open()) {
        return new BinanceException(ErrorKind.ORDER_REJECTED, -4116, 400, -1, "duplicate", null);
      }
    }
    Order o =
        new Order(
            nextOrderId++,
            r.clientOrderId(),
            r.side().name(),
            r.type().name(),
            r.price().map(BigDecimal::new).orElse(null),
            new BigDecimal(r.quantity()));
    o.updateTime = time;
    orders.add(o);
    outbox.add(update(o, "NEW", null, null));
    if (o.type.equals("MARKET")) {
      // Fill in up to two pieces at the mark.
      BigDecimal half =
          o.qty.divide(BigDecimal.valueOf(2)).setScale(3, java.math.RoundingMode.DOWN);
      if (half.signum() > 0 && rnd.nextBoolean()) {
        fill(o, new BigDecimal("65000.00"), half, false);
      }
      fill(o, new BigDecimal("65000.10"), o.qty.subtract(o.filled), false);
    }
    return o;
  }

  private void fill(Order o, BigDecimal price, BigDecimal q, boolean maker) {
    if (q.signum() <= 0) {
      return;
    }
    time++;
    o.filled = o.filled.add(q);
    o.status = o.filled.compareTo(o.qty) == 0 ? "FILLED" : "PARTIALLY_FILLED";
    o.updateTime = time;
    UserTrade t =
        new UserTrade(
            nextTradeId++,
            o.orderId,
            "BTCUSDT",
            o.side,
            price.toPlainString(),
            q.toPlainString(),
            "0.01",
            "USDT",
            "0",
            maker,
            time);
    o.trades.add(t);
    outbox.add(update(o, "TRADE", t, price));
  }

  @Override
  public OrderPlacement<AlgoOrderResponse> placeAlgo(AlgoOrderRequest request) {
    throw new UnsupportedOperationException("no algo orders in the in-memory venue");
  }

  @Override
  public synchronized OrderPlacement<OrderResponse> resolve(String symbol, String clientOrderId) {
    if (faults && rnd.nextDouble() < faultRate * 0.5) {
      count("look-up failed");
      return new OrderPlacement<>(OrderPlacement.Status.UNRESOLVED, Optional.empty(), cause());
    }
    Optional<Order> o = order(clientOrderId);
    return o.isPresent()
        ? new OrderPlacement<>(OrderPlacement.Status.RECOVERED, Optional.of(dto(o.get())), cause())
        : new OrderPlacement<>(OrderPlacement.Status.NOT_FOUND, Optional.empty(), cause());
  }

  @Override
  public synchronized Optional<OrderResponse> query(String symbol, String clientOrderId) {
    maybeFail("query");
    return order(clientOrderId).map(InMemoryBinance::dto);
  }

  @Override
  public Optional<AlgoOrderResponse> queryAlgo(String clientAlgoId) {
    return Optional.empty();
  }

  @Override
  public OrderResponse cancel(String symbol, String clientOrderId) {
    OrderResponse out;
    boolean lostReply;
    synchronized (this) {
      maybeFail("cancel");
      Optional<Order> o = order(clientOrderId);
      if (o.isEmpty()) {
        throw new BinanceException(ErrorKind.ORDER_REJECTED, -2013, 400, -1, "no such order", null);
      }
      if (!o.get().open()) {
        throw new BinanceException(ErrorKind.ORDER_REJECTED, -2011, 400, -1, "unknown order", null);
      }
      time++;
      o.get().status = "CANCELED";
      o.get().updateTime = time;
      outbox.add(update(o.get(), "CANCELED", null, null));
      out = dto(o.get());
      lostReply = faults && rnd.nextDouble() < faultRate * 0.3;
      if (lostReply) {
        count("cancel reply lost");
      }
    }
    pump();
    if (lostReply) {
      throw new BinanceException(ErrorKind.UNKNOWN_OUTCOME, BinanceException.NO_CODE, "timeout");
    }
    return out;
  }

  @Override
  public AlgoOrderResponse cancelAlgo(String clientAlgoId) {
    throw new BinanceException(ErrorKind.ORDER_REJECTED, -2013, 400, -1, "no such order", null);
  }

  @Override
  public synchronized List<UserTrade> trades(String symbol, long orderId) {
    maybeFail("trades");
    for (Order o : orders) {
      if (o.orderId == orderId) {
        return List.copyOf(o.trades);
      }
    }
    return List.of();
  }

  private void maybeFail(String what) {
    if (faults && rnd.nextDouble() < faultRate * 0.3) {
      count(what + " failed");
      throw new BinanceException(ErrorKind.SERVER, -1000, 500, -1, what + " failed", null);
    }
  }

  private void count(String what) {
    injected.merge(what, 1, Integer::sum);
  }

  static OrderResponse dto(Order o) {
    return new OrderResponse(
        o.orderId,
        o.clientId,
        "BTCUSDT",
        o.status,
        o.side,
        "BOTH",
        o.type,
        "GTC",
        o.price == null ? "0" : o.price.toPlainString(),
        "0",
        o.qty.toPlainString(),
        o.filled.toPlainString(),
        "0",
        false,
        "0",
        o.updateTime);
  }

  private String update(Order o, String x, UserTrade t, BigDecimal price) {
    return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":"
        + time
        + ",\"T\":"
        + time
        + ",\"o\":{\"s\":\"BTCUSDT\",\"c\":\""
        + o.clientId
        + "\",\"S\":\""
        + o.side
        + "\",\"o\":\""
        + o.type
        + "\",\"f\":\"GTC\",\"q\":\""
        + o.qty.toPlainString()
        + "\",\"p\":\""
        + (o.price == null ? "0" : o.price.toPlainString())
        + "\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\""
        + x
        + "\",\"X\":\""
        + o.status
        + "\",\"i\":"
        + o.orderId
        + ",\"l\":\""
        + (t == null ? "0" : t.qty())
        + "\",\"z\":\""
        + o.filled.toPlainString()
        + "\",\"L\":\""
        + (price == null ? "0" : price.toPlainString())
        + "\""
        + (t == null ? "" : ",\"N\":\"USDT\",\"n\":\"0.01\"")
        + ",\"T\":"
        + time
        + ",\"t\":"
        + (t == null ? 0 : t.id())
        + ",\"b\":\"0\",\"a\":\"0\",\"m\":"
        + (t != null && t.maker())
        + ",\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\""
        + o.type
        + "\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,\"V\":\"NONE\","
        + "\"pm\":\"NONE\",\"gtd\":0,\"er\":\"0\"}}";
  }
}

package dev.tyche.binance.port;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.BinanceOrderStatus;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.mapping.OrderMapping;
import dev.tyche.binance.rest.AlgoOrderRequest;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.OrderPlacement;
import dev.tyche.binance.rest.OrderRequest;
import dev.tyche.binance.ws.ListenKeyClient;
import dev.tyche.binance.ws.MarketStreamClient;
import dev.tyche.binance.ws.UserDataEvent;
import dev.tyche.binance.ws.UserDataStream;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance USDⓈ-M order entry behind core's {@link ExecutionClient} port (layer 3 of the adapter,
 * ARCHITECTURE.md section 6).
 *
 * <p><b>Commands.</b> {@link #submit}, {@link #cancel} and {@link #requestStatus} validate their
 * argument on the caller's thread (an unknown symbol or an order off the instrument's grid throws
 * {@code IllegalArgumentException}) and return at once; the REST call runs on the client's own
 * worker thread, one at a time in call order. Plain orders go to {@code POST /fapi/v1/order},
 * conditional ones to the Algo endpoint ({@link OrderMapping#toRequest}).
 *
 * <p><b>Unknown outcomes.</b> An order is never resent blindly. When a placement's reply is lost
 * the REST client looks the order up by its client order id ({@link BinanceRestClient#placeOrder});
 * only if the venue confirms that it does not exist is it sent again, with the same id (at most
 * {@link Options#resendAttempts()} times, then {@link OrderRejected}). If the look-ups themselves
 * fail, the order stays unresolved and is looked up again with back-off until its fate is known. A
 * definite refusal (a rejection, 429, 418, -1021 after a resync) is reported as {@link
 * OrderRejected} with Binance's code.
 *
 * <p><b>Events.</b> Order and fill events come from the user data stream ({@code
 * ORDER_TRADE_UPDATE}, {@code ALGO_UPDATE}) and from REST replies. The socket thread only decodes;
 * every event passes one filter ({@code OrderTracker}) that delivers at most one acknowledgement
 * per order, each fill once per (venue order id, trade id) — across reconnects and replays — and
 * only in cumulative order, and nothing after a terminal event. A report that shows a missing
 * earlier fill (a gap or a reordering) triggers a REST resynchronisation of that order ({@code GET
 * /fapi/v1/order} and {@code /userTrades}), as does every reconnect of the stream. A status request
 * answers with what REST adds, or repeats the latest event if it adds nothing, or with {@link
 * OrderRejected} (code -2013) for an order the venue does not know.
 *
 * <p><b>Duplicates.</b> A client order id this client has seen before is refused locally with
 * {@link OrderRejected} (code -4116) without reaching the venue; the first order is unaffected.
 *
 * <p>Thread-safe: commands may come from any thread (the engine's); the listener is called from the
 * worker and socket threads, one event at a time, under this client's lock.
 */
public final class BinanceExecutionClient implements ExecutionClient {

  private static final Logger LOG = LoggerFactory.getLogger(BinanceExecutionClient.class);

  /** Opens the user data stream for a listener ({@link #userDataStream} in production). */
  @FunctionalInterface
  public interface UserStreamFactory {
    /**
     * Creates (does not start) a stream that reports to the listener.
     *
     * @param listener the execution client's stream listener
     * @return the stream
     */
    UserStream open(UserDataStream.Listener listener);
  }

  /** A started-on-demand user data stream. */
  public interface UserStream extends AutoCloseable {
    /** Connects. */
    void start();

    /** Disconnects and releases resources. */
    @Override
    void close();
  }

  /**
   * Tuning.
   *
   * <p>Immutable and thread-safe.
   *
   * @param resendAttempts how many times an order the venue confirmed as not placed is sent again
   *     with the same id, 0 to 10
   * @param resolveDelay the first wait before looking up an unresolved order again, positive
   * @param resolveMaxDelay the longest such wait (the wait doubles up to it)
   */
  public record Options(int resendAttempts, Duration resolveDelay, Duration resolveMaxDelay) {
    // Bad values would spin or never resolve.
    public Options {
      if (resendAttempts < 0 || resendAttempts > 10) {
        throw new IllegalArgumentException(
            "resendAttempts must be in [0, 10] but was " + resendAttempts);
      }
      Objects.requireNonNull(resolveDelay, "resolveDelay must not be null");
      Objects.requireNonNull(resolveMaxDelay, "resolveMaxDelay must not be null");
      if (resolveDelay.isNegative()
          || resolveDelay.isZero()
          || resolveMaxDelay.compareTo(resolveDelay) < 0) {
        throw new IllegalArgumentException(
            "need 0 < resolveDelay <= resolveMaxDelay but were "
                + resolveDelay
                + ", "
                + resolveMaxDelay);
      }
    }

    /**
     * Defaults: 3 resends, unresolved orders looked up after 1 s, doubling to 30 s.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
  }

  private final VenueOrders venue;
  private final Map<Symbol, Instrument> instruments;
  private final UserStreamFactory streams;
  private final Clock clock;
  private final Options options;
  private final ScheduledExecutorService worker;
  private final Object lock = new Object();

  // guarded by lock
  private final OrderTracker tracker = new OrderTracker();
  private final Map<ClientOrderId, Boolean> resyncPending = new HashMap<>();
  private OrderEventListener listener;
  private UserStream stream;
  private boolean closed;
  private long resyncs;
  private long resends;
  private long streamEvents;

  /**
   * A client over the REST client (not started).
   *
   * @param rest the REST client (its server clock stamps locally generated events)
   * @param instruments the tradable instruments
   * @param streams opens the user data stream
   * @param options tuning
   */
  public BinanceExecutionClient(
      BinanceRestClient rest,
      List<Instrument> instruments,
      UserStreamFactory streams,
      Options options) {
    this(
        VenueOrders.rest(Objects.requireNonNull(rest, "rest must not be null")),
        instruments,
        streams,
        rest.serverClock(),
        options);
  }

  BinanceExecutionClient(
      VenueOrders venue,
      List<Instrument> instruments,
      UserStreamFactory streams,
      Clock clock,
      Options options) {
    this.venue = Objects.requireNonNull(venue, "venue must not be null");
    Objects.requireNonNull(instruments, "instruments must not be null");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments must not be empty");
    }
    Map<Symbol, Instrument> m = new HashMap<>();
    for (Instrument i : instruments) {
      m.put(Objects.requireNonNull(i, "instrument must not be null").symbol(), i);
    }
    this.instruments = Map.copyOf(m);
    this.streams = Objects.requireNonNull(streams, "streams must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.options = Objects.requireNonNull(options, "options must not be null");
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "binance-execution");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The production user data stream: listen keys over REST ({@link ListenKeyClient}) and the {@code
   * /private} WebSocket route of the configuration, keep-alive every 30 minutes.
   *
   * @param config the configuration, with credentials
   * @param clock the clock for connection age
   * @param seed the seed of the reconnect jitter
   * @return the factory
   */
  public static UserStreamFactory userDataStream(BinanceConfig config, Clock clock, long seed) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    return l -> {
      ListenKeyClient keys = new ListenKeyClient(config);
      UserDataStream s =
          new UserDataStream(
              config.wsPrivateUrl(),
              UserDataStream.KeyService.of(keys),
              l,
              clock,
              seed,
              MarketStreamClient.Options.defaults(),
              1_800_000L,
              null);
      return new UserStream() {
        @Override
        public void start() {
          s.start();
        }

        @Override
        public void close() {
          s.close();
          keys.close();
        }
      };
    };
  }

  // ------------------------------------------------------------------ port

  @Override
  public void start(OrderEventListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    UserStream s;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("client is closed");
      }
      if (this.listener != null) {
        throw new IllegalStateException("client already started");
      }
      this.listener = listener;
      s = streams.open(new StreamListener());
      this.stream = s;
    }
    s.start();
  }

  @Override
  public void submit(SubmitOrder order) {
    Objects.requireNonNull(order, "order must not be null");
    requireRunning();
    Instrument instrument = instrument(order.symbol());
    OrderRequest request = OrderMapping.toRequest(order, instrument);
    run(() -> place(order, request));
  }

  @Override
  public void cancel(CancelOrder cancel) {
    Objects.requireNonNull(cancel, "cancel must not be null");
    requireRunning();
    instrument(cancel.symbol());
    run(() -> doCancel(cancel.clientOrderId(), cancel.symbol()));
  }

  @Override
  public void requestStatus(ClientOrderId clientOrderId, Symbol symbol) {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    requireRunning();
    instrument(symbol);
    run(() -> answerStatus(clientOrderId, symbol, 0));
  }

  @Override
  public void close() {
    UserStream s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      s = stream;
    }
    if (s != null) {
      s.close();
    }
    worker.shutdownNow();
  }

  /**
   * Order resynchronisations from REST so far (gaps, reorderings, reconnects).
   *
   * @return the count
   */
  public long resyncs() {
    synchronized (lock) {
      return resyncs;
    }
  }

  /**
   * Orders sent again after the venue confirmed they were not placed.
   *
   * @return the count
   */
  public long resends() {
    synchronized (lock) {
      return resends;
    }
  }

  /**
   * Order and algo updates received from the user data stream (before de-duplication).
   *
   * @return the count
   */
  public long streamEvents() {
    synchronized (lock) {
      return streamEvents;
    }
  }

  @Override
  public String toString() {
    return "BinanceExecutionClient[" + instruments.keySet() + "]";
  }

  // ------------------------------------------------------------------ worker tasks

  private void place(SubmitOrder order, OrderRequest request) {
    synchronized (lock) {
      if (!tracker.register(order.clientOrderId(), order.symbol(), isAlgo(request))) {
        deliver(
            List.of(
                new OrderRejected(
                    order.clientOrderId(),
                    order.symbol(),
                    clock.currentTimeMillis(),
                    "duplicate client order id " + order.clientOrderId().value(),
                    -4116)));
        return;
      }
    }
    send(order.clientOrderId(), order.symbol(), request, 0);
  }

  /** Sends (or resends, after a confirmed NOT_FOUND) and handles the placement. */
  private void send(ClientOrderId id, Symbol symbol, OrderRequest request, int resent) {
    int attempt = resent;
    while (true) {
      try {
        if (request instanceof AlgoOrderRequest) {
          OrderPlacement<AlgoOrderResponse> p = venue.placeAlgo((AlgoOrderRequest) request);
          if (p.exists()) {
            offerTruth(algoEvents(p.order().orElseThrow(), instrument(symbol)));
            return;
          }
          if (p.status() == OrderPlacement.Status.UNRESOLVED) {
            unresolved(id, symbol, request, attempt, options.resolveDelay().toMillis());
            return;
          }
        } else {
          OrderPlacement<OrderResponse> p = venue.place((NewOrderRequest) request);
          if (p.exists()) {
            found(p.order().orElseThrow());
            return;
          }
          if (p.status() == OrderPlacement.Status.UNRESOLVED) {
            unresolved(id, symbol, request, attempt, options.resolveDelay().toMillis());
            return;
          }
        }
      } catch (BinanceException e) {
        reject(id, symbol, e.getMessage(), e.code());
        return;
      } catch (RuntimeException e) {
        // A reply that maps to nothing sensible: the order may exist; look it up later.
        LOG.warn(
            "order {}: unexpected failure ({}); resolving by look-up", id.value(), e.toString());
        unresolved(id, symbol, request, attempt, options.resolveDelay().toMillis());
        return;
      }
      // NOT_FOUND: the venue confirmed the order does not exist; the same id is safe to resend.
      if (attempt >= options.resendAttempts()) {
        reject(id, symbol, "not placed after " + (attempt + 1) + " attempts", 0);
        return;
      }
      attempt++;
      synchronized (lock) {
        resends++;
      }
      LOG.info("order {}: confirmed not placed; resending with the same id", id.value());
    }
  }

  private void unresolved(
      ClientOrderId id, Symbol symbol, OrderRequest request, int attempt, long delay) {
    synchronized (lock) {
      tracker.entry(id).ifPresent(e -> e.unresolved = true);
    }
    LOG.warn("order {}: outcome unknown; looking it up again in {} ms", id.value(), delay);
    schedule(() -> resolveLater(id, symbol, request, attempt, delay), delay);
  }

  private void resolveLater(
      ClientOrderId id, Symbol symbol, OrderRequest request, int attempt, long delay) {
    long next = Math.min(delay * 2, options.resolveMaxDelay().toMillis());
    try {
      if (request instanceof AlgoOrderRequest) {
        Optional<AlgoOrderResponse> a = venue.queryAlgo(id.value());
        if (a.isPresent()) {
          resolved(id);
          offerTruth(algoEvents(a.get(), instrument(symbol)));
          return;
        }
        // Absent from a direct query is the venue's -2013: not placed.
      } else {
        OrderPlacement<OrderResponse> p = venue.resolve(symbol.value(), id.value());
        if (p.exists()) {
          resolved(id);
          found(p.order().orElseThrow());
          return;
        }
        if (p.status() == OrderPlacement.Status.UNRESOLVED) {
          unresolved(id, symbol, request, attempt, next);
          return;
        }
      }
    } catch (RuntimeException e) {
      unresolved(id, symbol, request, attempt, next);
      return;
    }
    resolved(id);
    if (attempt >= options.resendAttempts()) {
      reject(id, symbol, "not placed after " + (attempt + 1) + " attempts", 0);
      return;
    }
    synchronized (lock) {
      resends++;
    }
    send(id, symbol, request, attempt + 1);
  }

  /**
   * An order the venue holds: report it; if its fills cannot be read now, acknowledge it and
   * resynchronise it later (it exists, so it must never be reported as rejected).
   */
  private void found(OrderResponse o) {
    try {
      offerTruth(canonical(o));
    } catch (RuntimeException e) {
      LOG.warn(
          "order {}: could not read its fills ({}); resynchronising",
          o.clientOrderId(),
          e.toString());
      Symbol symbol = Symbol.of(o.symbol());
      ClientOrderId id = ClientOrderId.of(o.clientOrderId());
      if (!"REJECTED".equals(o.status())) {
        offerTruth(
            List.of(
                new OrderAccepted(
                    id, symbol, o.updateTime(), VenueOrderId.of(Long.toString(o.orderId())))));
      }
      requestResync(id, symbol);
    }
  }

  private void resolved(ClientOrderId id) {
    synchronized (lock) {
      tracker.entry(id).ifPresent(e -> e.unresolved = false);
    }
  }

  private void doCancel(ClientOrderId id, Symbol symbol) {
    boolean algo;
    boolean known;
    synchronized (lock) {
      Optional<OrderTracker.Entry> e = tracker.entry(id);
      known = e.isPresent();
      algo = e.map(x -> x.algo).orElse(false);
      if (e.isPresent() && e.get().unresolved) {
        // Cancel once the order's fate is known; until then there is nothing safe to cancel.
        schedule(() -> doCancel(id, symbol), options.resolveDelay().toMillis());
        return;
      }
    }
    try {
      if (algo) {
        offerTruth(algoEvents(venue.cancelAlgo(id.value()), instrument(symbol)));
      } else {
        offerTruth(canonical(venue.cancel(symbol.value(), id.value())));
      }
    } catch (BinanceException e) {
      if (e.code() == -2011 || e.code() == -2013) {
        // Unknown to the venue or already final: nothing to report for an unknown order; a known
        // one learns its final state from REST.
        if (known) {
          requestResync(id, symbol);
        }
        return;
      }
      LOG.warn("cancel of {} failed: {}", id.value(), e.getMessage());
      if (known) {
        requestResync(id, symbol);
      }
    } catch (RuntimeException e) {
      LOG.warn("cancel of {} failed: {}", id.value(), e.toString());
      if (known) {
        requestResync(id, symbol);
      }
    }
  }

  private void answerStatus(ClientOrderId id, Symbol symbol, int tries) {
    boolean algo;
    synchronized (lock) {
      Optional<OrderTracker.Entry> e = tracker.entry(id);
      if (e.isPresent() && e.get().unresolved) {
        return; // the resolution in progress will report the order's state
      }
      algo = e.map(x -> x.algo).orElse(false);
    }
    try {
      List<OrderEvent> truth;
      if (algo) {
        truth =
            venue
                .queryAlgo(id.value())
                .map(a -> algoEvents(a, instrument(symbol)))
                .orElse(List.of());
      } else {
        Optional<OrderResponse> o = venue.query(symbol.value(), id.value());
        truth = o.isPresent() ? canonical(o.get()) : List.of();
      }
      synchronized (lock) {
        OrderTracker.Result r = tracker.applyTruth(truth);
        if (!r.emit().isEmpty()) {
          deliver(r.emit());
          return;
        }
        Optional<OrderTracker.Entry> e = tracker.entry(id);
        if (e.isPresent() && e.get().last != null) {
          deliver(List.of(e.get().last));
          return;
        }
        if (truth.isEmpty()) {
          deliver(
              List.of(
                  new OrderRejected(
                      id,
                      symbol,
                      clock.currentTimeMillis(),
                      "order unknown to Binance (-2013)",
                      -2013)));
        }
      }
    } catch (RuntimeException e) {
      if (tries < 5) {
        LOG.warn("status of {} failed ({}); retrying", id.value(), e.toString());
        schedule(() -> answerStatus(id, symbol, tries + 1), options.resolveDelay().toMillis());
      } else {
        LOG.warn(
            "status of {} failed {} times; giving up: {}", id.value(), tries + 1, e.toString());
      }
    }
  }

  private void requestResync(ClientOrderId id, Symbol symbol) {
    synchronized (lock) {
      if (resyncPending.put(id, Boolean.TRUE) != null) {
        return;
      }
    }
    run(() -> resync(id, symbol, 0));
  }

  private void resync(ClientOrderId id, Symbol symbol, int tries) {
    boolean algo;
    synchronized (lock) {
      resyncPending.remove(id);
      resyncs++;
      Optional<OrderTracker.Entry> e = tracker.entry(id);
      if (e.isPresent() && (e.get().terminal || e.get().unresolved)) {
        return;
      }
      algo = e.map(x -> x.algo).orElse(false);
    }
    try {
      if (algo) {
        venue.queryAlgo(id.value()).ifPresent(a -> offerTruth(algoEvents(a, instrument(symbol))));
      } else {
        venue.query(symbol.value(), id.value()).ifPresent(o -> offerTruth(canonical(o)));
      }
    } catch (RuntimeException e) {
      if (tries < 5) {
        schedule(() -> resync(id, symbol, tries + 1), options.resolveDelay().toMillis());
      } else {
        LOG.warn("resync of {} failed {} times: {}", id.value(), tries + 1, e.toString());
      }
    }
  }

  private void reconcileAll(String reason) {
    List<OrderTracker.Entry> open;
    synchronized (lock) {
      open = tracker.open();
    }
    LOG.info("user data: {}; resynchronising {} open orders over REST", reason, open.size());
    for (OrderTracker.Entry e : open) {
      requestResync(e.id, e.symbol);
    }
  }

  // ------------------------------------------------------------------ mapping

  /** An order reply as canonical events: acknowledgement, fills, terminal event. */
  private List<OrderEvent> canonical(OrderResponse o) {
    Instrument instrument = instrument(Symbol.of(o.symbol()));
    BinanceOrderStatus status = OrderMapping.status(o);
    List<OrderEvent> out = new ArrayList<>();
    Optional<OrderEvent> life = OrderMapping.lifecycleEvent(o, instrument);
    if (status == BinanceOrderStatus.REJECTED) {
      out.add(life.orElseThrow());
      return out;
    }
    ClientOrderId cid = ClientOrderId.of(o.clientOrderId());
    out.add(
        new OrderAccepted(
            cid, instrument.symbol(), o.updateTime(), VenueOrderId.of(Long.toString(o.orderId()))));
    Quantity executed = instrument.parseQuantity(o.executedQty());
    if (!executed.isZero()) {
      out.addAll(OrderMapping.fills(o, venue.trades(o.symbol(), o.orderId()), instrument));
    }
    if (life.isPresent() && !(life.get() instanceof OrderAccepted)) {
      out.add(life.get());
    }
    return out;
  }

  /**
   * An algo (conditional) order's state as events: working states acknowledge the order (venue id =
   * {@code algoId}); its fills, once triggered, arrive as the triggered order's updates.
   */
  static List<OrderEvent> algoEvents(AlgoOrderResponse a, Instrument instrument) {
    ClientOrderId id = ClientOrderId.of(a.clientAlgoId());
    OrderEvent e =
        algoEvent(
                id,
                instrument.symbol(),
                a.algoStatus(),
                a.algoId(),
                a.updateTime(),
                instrument.quantityScale())
            .orElseThrow();
    if (e instanceof OrderAccepted || e instanceof OrderRejected) {
      return List.of(e);
    }
    // Canonical order: the acknowledgement, then the end.
    return List.of(
        new OrderAccepted(
            id, instrument.symbol(), a.createTime(), VenueOrderId.of(Long.toString(a.algoId()))),
        e);
  }

  static Optional<OrderEvent> algoEvent(
      ClientOrderId id, Symbol symbol, String status, long algoId, long time, int qtyScale) {
    Quantity none = Quantity.zero(qtyScale);
    switch (status) {
      case "NEW":
      case "TRIGGERING":
      case "TRIGGERED":
      case "FINISHED":
        return Optional.of(
            new OrderAccepted(id, symbol, time, VenueOrderId.of(Long.toString(algoId))));
      case "CANCELED":
        return Optional.of(new OrderCancelled(id, symbol, time, none));
      case "EXPIRED":
        return Optional.of(new OrderExpired(id, symbol, time, none, "algo order expired"));
      case "REJECTED":
        return Optional.of(
            new OrderRejected(id, symbol, time, "algo order rejected by Binance", 0));
      default:
        throw new IllegalArgumentException(
            "field 'algoStatus' must be a Binance algo status but was '" + status + "'");
    }
  }

  // ------------------------------------------------------------------ plumbing

  private void offerTruth(List<OrderEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    OrderTracker.Result r;
    synchronized (lock) {
      r = tracker.applyTruth(events);
      deliver(r.emit());
    }
    if (r.needsResync()) {
      LOG.warn(
          "REST account of {} disagrees with what was reported", events.get(0).clientOrderId());
    }
  }

  private void offerStream(OrderEvent event) {
    OrderTracker.Result r;
    synchronized (lock) {
      streamEvents++;
      r = tracker.offer(event);
      deliver(r.emit());
    }
    if (r.needsResync()) {
      requestResync(event.clientOrderId(), event.symbol());
    }
  }

  private void reject(ClientOrderId id, Symbol symbol, String reason, int code) {
    synchronized (lock) {
      tracker.entry(id).ifPresent(e -> e.unresolved = false);
      deliver(
          tracker
              .applyTruth(
                  List.of(new OrderRejected(id, symbol, clock.currentTimeMillis(), reason, code)))
              .emit());
    }
  }

  /** Called with the lock held. */
  private void deliver(List<OrderEvent> events) {
    if (closed || listener == null) {
      return;
    }
    for (OrderEvent e : events) {
      try {
        listener.onOrderEvent(e);
      } catch (RuntimeException ex) {
        LOG.error("order event listener failed on {}", e, ex);
      }
    }
  }

  private static boolean isAlgo(OrderRequest request) {
    return request instanceof AlgoOrderRequest;
  }

  private Instrument instrument(Symbol symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw new IllegalArgumentException(
          "symbol " + symbol + " is not one of this client's instruments " + instruments.keySet());
    }
    return i;
  }

  private void requireRunning() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("client is closed");
      }
      if (listener == null) {
        throw new IllegalStateException("client not started: call start(listener) first");
      }
    }
  }

  private void run(Runnable task) {
    schedule(task, 0);
  }

  private void schedule(Runnable task, long delayMillis) {
    try {
      worker.schedule(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error("execution task failed", e);
            }
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closedAlready) {
      // Closed: nothing more is delivered.
    }
  }

  /** Receives the user data stream on the socket thread. */
  private final class StreamListener implements UserDataStream.Listener {
    @Override
    public void onEvent(UserDataEvent event) {
      if (event instanceof UserDataEvent.OrderUpdate) {
        ((UserDataEvent.OrderUpdate) event)
            .event()
            .ifPresent(BinanceExecutionClient.this::offerStream);
      } else if (event instanceof UserDataEvent.AlgoUpdate) {
        UserDataEvent.AlgoUpdate a = (UserDataEvent.AlgoUpdate) event;
        Instrument i = instruments.get(a.symbol());
        if (i == null) {
          return;
        }
        try {
          algoEvent(
                  ClientOrderId.of(a.clientAlgoId()),
                  a.symbol(),
                  a.status(),
                  a.algoId(),
                  a.eventTime(),
                  i.quantityScale())
              .ifPresent(BinanceExecutionClient.this::offerStream);
        } catch (IllegalArgumentException e) {
          LOG.warn("dropping an unmappable ALGO_UPDATE: {}", e.getMessage());
        }
      }
    }

    @Override
    public void onReconcile(String reason) {
      run(() -> reconcileAll(reason));
    }
  }
}

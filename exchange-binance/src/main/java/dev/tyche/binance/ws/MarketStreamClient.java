package dev.tyche.binance.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.rest.Backoff;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.time.Clock;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw client of one Binance USDⓈ-M market-stream route ({@code /public} or {@code /market},
 * reference sections 0, 1 and 6), layer 1 of the adapter.
 *
 * <ul>
 *   <li>Connects to {@code <route>/stream} (combined streams, so every message names its stream)
 *       and subscribes with {@code SUBSCRIBE} requests carrying increasing ids, in batches, paced
 *       by a {@link TokenBucket} on the injected clock so that control messages stay under
 *       Binance's 10 per second; {@link #unsubscribe} sends {@code UNSUBSCRIBE} the same way.
 *   <li>After a drop it reconnects with jittered exponential back-off (seeded) and resubscribes
 *       every stream; before the 24-hour limit it rotates the connection make-before-break.
 *   <li>Trades are passed through a {@link TradeSequencer} per stream (in id order, no duplicates,
 *       holes backfilled through the {@link TradeBackfill}); quotes, bars and mark prices are
 *       passed on only when their id (update id, open time, event time) is newer than the last one
 *       of their stream; depth diffs of a symbol with an attached {@link BookKeeper} go to it.
 * </ul>
 *
 * <p>The socket's thread only decodes and hands immutable events to the listener (the engine's
 * queue); message handling is serialised by this client's lock.
 *
 * <p>Thread-safe.
 */
public final class MarketStreamClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MarketStreamClient.class);

  /**
   * Tuning of a client.
   *
   * <p>Immutable and thread-safe.
   *
   * @param subscribeBatch streams per {@code SUBSCRIBE} request, 1 to 200
   * @param controlBurst the token bucket's capacity (control messages in a burst), positive
   * @param controlPerSecond control messages per second, in (0, 10) (Binance disconnects above 10
   *     incoming messages per second, pongs included)
   * @param reconnectBaseMillis the first reconnect delay's upper bound, positive
   * @param reconnectMaxMillis the largest reconnect delay
   * @param rotateAfterMillis connection age at which it is replaced (Binance closes at 24 h)
   * @param rotationOverlapMillis how long old and new connection overlap during a rotation
   * @param connectionLostSeconds Java-WebSocket's own ping interval used to detect a dead
   *     connection, 0 to disable (keep it rare: the pings count against the message limit)
   * @param reorderWindow trades held after a hole in the trade ids before it is backfilled
   */
  public record Options(
      int subscribeBatch,
      int controlBurst,
      double controlPerSecond,
      long reconnectBaseMillis,
      long reconnectMaxMillis,
      long rotateAfterMillis,
      long rotationOverlapMillis,
      int connectionLostSeconds,
      int reorderWindow) {

    // Bad tuning would get the connection banned or never reconnect; reject it up front.
    public Options {
      if (subscribeBatch < 1 || subscribeBatch > 200) {
        throw new IllegalArgumentException(
            "subscribeBatch must be in [1, 200] but was " + subscribeBatch);
      }
      if (controlBurst < 1) {
        throw new IllegalArgumentException("controlBurst must be >= 1 but was " + controlBurst);
      }
      if (!(controlPerSecond > 0) || controlPerSecond >= 10) {
        throw new IllegalArgumentException(
            "controlPerSecond must be in (0, 10) but was " + controlPerSecond);
      }
      if (reconnectBaseMillis <= 0 || reconnectMaxMillis < reconnectBaseMillis) {
        throw new IllegalArgumentException(
            "need 0 < reconnectBaseMillis <= reconnectMaxMillis but were "
                + reconnectBaseMillis
                + ", "
                + reconnectMaxMillis);
      }
      if (rotateAfterMillis <= 0 || rotationOverlapMillis < 0) {
        throw new IllegalArgumentException(
            "rotateAfterMillis must be > 0 and rotationOverlapMillis >= 0 but were "
                + rotateAfterMillis
                + ", "
                + rotationOverlapMillis);
      }
      if (connectionLostSeconds < 0) {
        throw new IllegalArgumentException(
            "connectionLostSeconds must be >= 0 but was " + connectionLostSeconds);
      }
      if (reorderWindow < 1) {
        throw new IllegalArgumentException("reorderWindow must be >= 1 but was " + reorderWindow);
      }
    }

    /**
     * Production defaults: 50 streams per request, 5 control messages per second (burst 5),
     * reconnect after 0.5-1 s doubling to 30 s, rotation after 23 h 30 min with 5 s overlap,
     * Java-WebSocket pings every 120 s, 64 trades of reordering.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(50, 5, 5.0, 1_000, 30_000, 84_600_000L, 5_000, 120, 64);
    }

    /**
     * A copy with other reconnect and rotation timings (for tests on the loopback interface).
     *
     * @param baseMillis the first reconnect delay's upper bound
     * @param maxMillis the largest reconnect delay
     * @param rotateAfter connection age that triggers a rotation, ms
     * @param overlap rotation overlap, ms
     * @return the copy
     */
    public Options withTimings(long baseMillis, long maxMillis, long rotateAfter, long overlap) {
      return new Options(
          subscribeBatch,
          controlBurst,
          controlPerSecond,
          baseMillis,
          maxMillis,
          rotateAfter,
          overlap,
          connectionLostSeconds,
          reorderWindow);
    }
  }

  private final MarketDataListener listener;
  private final Clock clock;
  private final Options options;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final ReconnectingSocket socket;
  private final TokenBucket bucket;
  private final AtomicLong ids = new AtomicLong();

  // --- guarded by this
  private final Set<String> streams = new LinkedHashSet<>();
  private final ArrayDeque<String> pendingControl = new ArrayDeque<>();
  private final Map<Long, String> awaitingReply = new HashMap<>();
  private final Map<String, TradeSequencer> sequencers = new HashMap<>();
  private final Map<String, Long> lastSequence = new HashMap<>();
  private final List<BookKeeper> books = new ArrayList<>();
  private final List<String> bookMarkers = new ArrayList<>();
  private TradeBackfill backfill = TradeBackfill.NONE;
  private boolean pumpScheduled;
  private int openGeneration = -1;
  private boolean everOpened;
  private long malformed;
  private long dropped;
  private long controlErrors;
  private long controlSent;

  /**
   * A client of one route; call {@link #start()} to connect.
   *
   * @param routeUrl the route, e.g. {@code wss://fstream.binance.com/public} (from {@code
   *     BinanceConfig.wsPublicUrl()})
   * @param listener receives events and status changes
   * @param clock the clock for pacing and connection age
   * @param seed the seed of the reconnect jitter
   * @param options tuning
   * @param scheduler runs pacing, reconnects and snapshot fetches; null to create a private
   *     single-thread scheduler that {@link #close()} shuts down
   */
  public MarketStreamClient(
      URI routeUrl,
      MarketDataListener listener,
      Clock clock,
      long seed,
      Options options,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(routeUrl, "routeUrl must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.options = Objects.requireNonNull(options, "options must not be null");
    this.ownScheduler = scheduler == null;
    this.scheduler =
        scheduler == null ? newScheduler("binance-ws-" + routeUrl.getPath()) : scheduler;
    this.bucket = new TokenBucket(clock, options.controlBurst(), options.controlPerSecond());
    String base = routeUrl.toString();
    URI streamUrl = URI.create((base.endsWith("/") ? base : base + "/") + "stream");
    this.socket =
        new ReconnectingSocket(
            "market " + routeUrl.getPath(),
            () -> streamUrl,
            new Handler(),
            clock,
            this.scheduler,
            new Backoff(options.reconnectBaseMillis(), options.reconnectMaxMillis(), seed),
            options.rotateAfterMillis(),
            options.rotationOverlapMillis(),
            options.connectionLostSeconds());
  }

  static ScheduledExecutorService newScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * The scheduler this client runs its timers on (share it with {@link BookKeeper}s).
   *
   * @return the scheduler
   */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /**
   * Sets where missed trades are fetched from (default {@link TradeBackfill#NONE}).
   *
   * @param backfill the backfill
   */
  public synchronized void setTradeBackfill(TradeBackfill backfill) {
    this.backfill = Objects.requireNonNull(backfill, "backfill must not be null");
  }

  /**
   * Routes a symbol's diff-depth messages to a book keeper and subscribes its depth stream.
   *
   * @param book the keeper
   * @param speed the depth stream's speed
   */
  public synchronized void attach(BookKeeper book, StreamNames.DepthSpeed speed) {
    Objects.requireNonNull(book, "book must not be null");
    String stream = StreamNames.depth(book.symbol(), speed);
    books.add(book);
    bookMarkers.add("\"stream\":\"" + book.symbol().value().toLowerCase(Locale.ROOT) + "@depth");
    subscribe(stream);
  }

  /** Connects. */
  public void start() {
    socket.start();
  }

  /**
   * Subscribes streams (see {@link StreamNames}); remembered across reconnects.
   *
   * @param names the stream names
   */
  public synchronized void subscribe(String... names) {
    List<String> added = new ArrayList<>();
    for (String n : names) {
      Objects.requireNonNull(n, "stream name must not be null");
      int at = n.indexOf('@');
      String sym = at < 0 ? n : n.substring(0, at);
      if (at <= 0 || !sym.equals(sym.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "stream name must be '<lower-case symbol>@<stream>' but was '" + n + "'");
      }
      if (streams.add(n)) {
        added.add(n);
      }
    }
    if (openGeneration >= 0) {
      enqueue("SUBSCRIBE", added);
    }
  }

  /**
   * Unsubscribes streams.
   *
   * @param names the stream names
   */
  public synchronized void unsubscribe(String... names) {
    List<String> removed = new ArrayList<>();
    for (String n : names) {
      if (streams.remove(n)) {
        removed.add(n);
      }
    }
    if (openGeneration >= 0) {
      enqueue("UNSUBSCRIBE", removed);
    }
  }

  /**
   * The subscribed streams.
   *
   * @return a copy
   */
  public synchronized Set<String> subscriptions() {
    return Set.copyOf(streams);
  }

  private void enqueue(String method, List<String> names) {
    for (int i = 0; i < names.size(); i += options.subscribeBatch()) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + options.subscribeBatch()));
      long id = ids.incrementAndGet();
      ObjectNode req = BinanceJson.mapper().createObjectNode();
      req.put("method", method);
      ArrayNode params = req.putArray("params");
      batch.forEach(params::add);
      req.put("id", id);
      awaitingReply.put(id, method + " " + batch);
      pendingControl.addLast(req.toString());
    }
    schedulePump(0);
  }

  private void schedulePump(long delay) {
    if (!pumpScheduled && !pendingControl.isEmpty()) {
      pumpScheduled = true;
      scheduler.schedule(this::pump, delay, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void pump() {
    pumpScheduled = false;
    while (!pendingControl.isEmpty() && openGeneration >= 0) {
      long wait = bucket.tryAcquire();
      if (wait > 0) {
        schedulePump(wait);
        return;
      }
      if (!socket.send(openGeneration, pendingControl.peekFirst())) {
        return; // not connected; the queue is rebuilt on the next open
      }
      pendingControl.pollFirst();
      controlSent++;
    }
  }

  private final class Handler implements ReconnectingSocket.Handler {
    @Override
    public void onOpen(int generation) {
      synchronized (MarketStreamClient.this) {
        boolean reconnect = everOpened;
        everOpened = true;
        openGeneration = generation;
        pendingControl.clear();
        enqueue("SUBSCRIBE", new ArrayList<>(streams));
        if (reconnect) {
          for (TradeSequencer s : sequencers.values()) {
            s.onReconnected();
          }
        }
      }
    }

    @Override
    public void onText(int generation, String text) {
      handle(text);
      socket.checkAge();
    }

    @Override
    public void onDropped(int generation, String reason) {
      synchronized (MarketStreamClient.this) {
        openGeneration = -1;
        for (BookKeeper b : books) {
          b.onDisconnected(reason);
        }
      }
    }
  }

  /**
   * Handles one message as if it came from the socket (public for replay and tests).
   *
   * @param text the message
   */
  public synchronized void handle(String text) {
    try {
      if (text.contains("\"depthUpdate\"")) {
        for (int i = 0; i < books.size(); i++) {
          if (text.contains(bookMarkers.get(i))) {
            books.get(i).onDepthText(text);
            return;
          }
        }
      }
      StreamMessage m = MarketStreamDecoder.decode(text);
      if (m instanceof StreamMessage.Market) {
        market((StreamMessage.Market) m);
      } else if (m instanceof StreamMessage.ControlReply) {
        StreamMessage.ControlReply r = (StreamMessage.ControlReply) m;
        String what = awaitingReply.remove(r.id());
        if (!r.ok()) {
          controlErrors++;
          LOG.warn("control request {} ({}) failed: {} {}", r.id(), what, r.errorCode(), r.error());
        }
      }
    } catch (BinanceException e) {
      malformed++;
      LOG.warn("dropping a malformed message: {}", e.getMessage());
    }
  }

  private void market(StreamMessage.Market m) {
    MarketEvent e = m.event();
    String key =
        m.stream().isEmpty() ? e.getClass().getSimpleName() + ":" + e.symbol() : m.stream();
    if (e instanceof Trade) {
      Symbol symbol = e.symbol();
      sequencers
          .computeIfAbsent(
              key,
              k ->
                  new TradeSequencer(
                      symbol, options.reorderWindow(), backfill, listener::onMarketEvent))
          .accept((Trade) e, m.sequence());
      return;
    }
    Long last = lastSequence.get(key);
    if (last != null && m.sequence() <= last) {
      dropped++;
      return;
    }
    lastSequence.put(key, m.sequence());
    listener.onMarketEvent(e);
  }

  /**
   * Trade sequencer statistics of one stream.
   *
   * @param stream the stream name
   * @return the sequencer, if the stream has delivered a trade
   */
  public synchronized java.util.Optional<TradeSequencer> sequencer(String stream) {
    return java.util.Optional.ofNullable(sequencers.get(stream));
  }

  /**
   * Whether the socket is open.
   *
   * @return true if connected
   */
  public boolean isConnected() {
    return socket.isOpen();
  }

  /**
   * Successful connections so far (the first one included).
   *
   * @return the count
   */
  public long connects() {
    return socket.connects();
  }

  /**
   * Unexpected disconnections so far.
   *
   * @return the count
   */
  public long drops() {
    return socket.drops();
  }

  /**
   * Proactive rotations so far.
   *
   * @return the count
   */
  public long rotations() {
    return socket.rotations();
  }

  /** Replaces the connection now (make-before-break), as done before the 24-hour limit. */
  public void rotate() {
    socket.rotate();
  }

  /**
   * Malformed messages dropped.
   *
   * @return the count
   */
  public synchronized long malformed() {
    return malformed;
  }

  /**
   * Non-trade events dropped as duplicates or out of date.
   *
   * @return the count
   */
  public synchronized long duplicatesDropped() {
    return dropped;
  }

  /**
   * Control requests answered with an error.
   *
   * @return the count
   */
  public synchronized long controlErrors() {
    return controlErrors;
  }

  /**
   * Control requests sent.
   *
   * @return the count
   */
  public synchronized long controlSent() {
    return controlSent;
  }

  /** Closes the connection and, if it owns it, the scheduler. */
  @Override
  public void close() {
    socket.close();
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "MarketStreamClient[" + socket.generation() + ", streams " + subscriptions() + "]";
  }
}

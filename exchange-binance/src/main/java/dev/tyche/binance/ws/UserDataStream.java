package dev.tyche.binance.ws;

import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.rest.Backoff;
import dev.tyche.core.time.Clock;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance USDⓈ-M user data stream (reference section 8): obtains a listen key, connects to
 * {@code <private route>/ws?listenKey=<key>}, extends the key on a schedule ({@code PUT} every 30
 * minutes by default; keys live 60), and recovers from expiry: on a {@code listenKeyExpired} event,
 * a -1125 answer to the keep-alive, or any reconnect, it obtains a key again ({@code POST} returns
 * the active key or a new one), reconnects, and asks the owner to reconcile open orders, positions
 * and balances over REST ({@link Listener#onReconcile}), because events during the gap are lost.
 *
 * <p>Events are decoded by {@link UserDataDecoder} on the socket thread and handed to the listener.
 *
 * <p>Thread-safe.
 */
public final class UserDataStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);

  /** Who hears the stream. Called on the socket or scheduler thread; hand events to a queue. */
  public interface Listener {
    /**
     * A decoded event.
     *
     * @param event the event
     */
    void onEvent(UserDataEvent event);

    /**
     * Events may have been lost: re-read open orders, positions and balances over REST.
     *
     * @param reason why
     */
    void onReconcile(String reason);
  }

  /** The listen-key endpoints ({@link ListenKeyClient} in production). */
  public interface KeyService {
    /**
     * Creates a key, or returns and extends the active one.
     *
     * @return the key
     */
    String create();

    /** Extends the active key; fails with -1125 if it expired. */
    void keepAlive();

    /**
     * The REST endpoints.
     *
     * @param client the client
     * @return the service
     */
    static KeyService of(ListenKeyClient client) {
      Objects.requireNonNull(client, "client must not be null");
      return new KeyService() {
        @Override
        public String create() {
          return client.create();
        }

        @Override
        public void keepAlive() {
          client.keepAlive();
        }
      };
    }
  }

  private final KeyService keys;
  private final Listener listener;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final long keepAliveMillis;
  private final ReconnectingSocket socket;
  private final String base;

  // guarded by this
  private String key;
  private boolean everOpened;
  private long expiries;
  private long keepAlives;
  private long malformed;

  /**
   * A user data stream; call {@link #start()}.
   *
   * @param privateUrl the {@code /private} route (from {@code BinanceConfig.wsPrivateUrl()})
   * @param keys the listen-key endpoints
   * @param listener receives events and reconciliation requests
   * @param clock the clock for connection age
   * @param seed the seed of the reconnect jitter
   * @param options the connection timings (the market-stream options; the subscription fields are
   *     unused)
   * @param keepAliveMillis the keep-alive period, 60 000 ms to 3 300 000 ms (Binance advises about
   *     30 minutes; keys expire after 60) — tests may pass less
   * @param scheduler the scheduler, or null for a private one
   */
  public UserDataStream(
      URI privateUrl,
      KeyService keys,
      Listener listener,
      Clock clock,
      long seed,
      MarketStreamClient.Options options,
      long keepAliveMillis,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(privateUrl, "privateUrl must not be null");
    this.keys = Objects.requireNonNull(keys, "keys must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    Objects.requireNonNull(options, "options must not be null");
    if (keepAliveMillis <= 0 || keepAliveMillis > 3_300_000L) {
      throw new IllegalArgumentException(
          "keepAliveMillis must be in (0, 3300000] but was " + keepAliveMillis);
    }
    this.keepAliveMillis = keepAliveMillis;
    this.ownScheduler = scheduler == null;
    this.scheduler =
        scheduler == null ? MarketStreamClient.newScheduler("binance-user-data") : scheduler;
    String b = privateUrl.toString();
    this.base = b.endsWith("/") ? b : b + "/";
    this.socket =
        new ReconnectingSocket(
            "user data",
            this::nextUrl,
            new Handler(),
            clock,
            this.scheduler,
            new Backoff(options.reconnectBaseMillis(), options.reconnectMaxMillis(), seed),
            options.rotateAfterMillis(),
            options.rotationOverlapMillis(),
            options.connectionLostSeconds());
  }

  /** Obtains a key for every (re)connection: POST returns the active key or a fresh one. */
  private URI nextUrl() {
    String k;
    try {
      k = keys.create();
    } catch (RuntimeException e) {
      LOG.warn("user data: listenKey create failed ({}); reusing the last key", e.toString());
      synchronized (this) {
        k = key == null ? "unavailable" : key;
      }
    }
    synchronized (this) {
      key = k;
    }
    return URI.create(base + "ws?listenKey=" + k);
  }

  /** Connects and starts the keep-alive schedule. */
  public void start() {
    socket.start();
    scheduler.scheduleAtFixedRate(
        this::keepAlive, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
  }

  private void keepAlive() {
    try {
      keys.keepAlive();
      synchronized (this) {
        keepAlives++;
      }
    } catch (BinanceException e) {
      if (e.code() == -1125) {
        renew("keep-alive: listenKey does not exist (-1125)");
      } else {
        LOG.warn("user data: keep-alive failed: {}", e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warn("user data: keep-alive failed: {}", e.toString());
    }
  }

  private void renew(String reason) {
    synchronized (this) {
      expiries++;
    }
    LOG.info("user data: {}; new key and reconnect", reason);
    socket.rotate(); // the replacement connection obtains a new key
    listener.onReconcile(reason);
  }

  private final class Handler implements ReconnectingSocket.Handler {
    @Override
    public void onOpen(int generation) {
      boolean reconnect;
      synchronized (UserDataStream.this) {
        reconnect = everOpened;
        everOpened = true;
      }
      if (reconnect) {
        listener.onReconcile("user data stream reconnected");
      }
    }

    @Override
    public void onText(int generation, String text) {
      UserDataEvent e;
      try {
        e = UserDataDecoder.decode(text);
      } catch (BinanceException ex) {
        synchronized (UserDataStream.this) {
          malformed++;
        }
        LOG.warn("user data: dropping a malformed event: {}", ex.getMessage());
        return;
      }
      listener.onEvent(e);
      if (e instanceof UserDataEvent.ListenKeyExpired) {
        renew("listenKeyExpired");
      }
      socket.checkAge();
    }

    @Override
    public void onDropped(int generation, String reason) {
      // onOpen of the reconnection asks for reconciliation.
    }
  }

  /**
   * The key in use.
   *
   * @return the key, or empty before the first connect
   */
  public synchronized java.util.Optional<String> listenKey() {
    return java.util.Optional.ofNullable(key);
  }

  /**
   * Key expiries handled.
   *
   * @return the count
   */
  public synchronized long expiries() {
    return expiries;
  }

  /**
   * Successful keep-alives.
   *
   * @return the count
   */
  public synchronized long keepAlives() {
    return keepAlives;
  }

  /**
   * Successful connections.
   *
   * @return the count
   */
  public long connects() {
    return socket.connects();
  }

  /**
   * Malformed events dropped.
   *
   * @return the count
   */
  public synchronized long malformed() {
    return malformed;
  }

  /** Closes the connection and, if it owns it, the scheduler. */
  @Override
  public void close() {
    socket.close();
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }
}

package dev.tyche.binance.ws;

import dev.tyche.binance.rest.Backoff;
import dev.tyche.core.time.Clock;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical WebSocket connection that stays up: reconnects after a drop with jittered exponential
 * back-off ({@link Backoff}, seeded), and rotates proactively before Binance's 24-hour limit by
 * opening the replacement first and closing the old connection only an overlap after the
 * replacement opened (make-before-break), so that no message is missed during a rotation; the owner
 * removes the duplicates the overlap produces. Java-WebSocket answers the server's pings itself.
 *
 * <p>Each physical connection gets a generation number; callbacks name it, and the owner treats
 * only the current generation's close as a drop.
 *
 * <p>Thread-safe: state changes are synchronized; callbacks run on the socket's read thread or on
 * the scheduler.
 */
final class ReconnectingSocket {

  private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSocket.class);

  /** What the owner hears. */
  interface Handler {
    void onOpen(int generation);

    void onText(int generation, String text);

    /** The current connection closed unexpectedly; a reconnect is scheduled. */
    void onDropped(int generation, String reason);
  }

  private final String name;
  private final Supplier<URI> url;
  private final Handler handler;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final long rotateAfterMillis;
  private final long overlapMillis;
  private final int lostTimeoutSeconds;

  private WebSocketClient current;
  private WebSocketClient
      retiring; // the connection a rotation replaces, open until the overlap ends
  private int generation;
  private int attempt;
  private long openedAt = -1;
  private boolean closed;
  private boolean started;
  private boolean rotating;
  private long connects;
  private long drops;
  private long rotations;

  ReconnectingSocket(
      String name,
      Supplier<URI> url,
      Handler handler,
      Clock clock,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      long rotateAfterMillis,
      long overlapMillis,
      int lostTimeoutSeconds) {
    this.name = name;
    this.url = Objects.requireNonNull(url, "url must not be null");
    this.handler = Objects.requireNonNull(handler, "handler must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    this.backoff = Objects.requireNonNull(backoff, "backoff must not be null");
    this.rotateAfterMillis = rotateAfterMillis;
    this.overlapMillis = overlapMillis;
    this.lostTimeoutSeconds = lostTimeoutSeconds;
  }

  synchronized void start() {
    if (started) {
      throw new IllegalStateException(name + " already started");
    }
    started = true;
    connect();
  }

  /**
   * Opens a new physical connection as the new current generation. Never closes a socket while
   * holding this object's lock: Java-WebSocket calls onClose holding the socket's own lock, and
   * onClose takes ours.
   */
  private void connect() {
    WebSocketClient old = openNext();
    if (old != null) {
      old.close();
    }
  }

  private synchronized WebSocketClient openNext() {
    if (closed) {
      return null;
    }
    int gen = ++generation;
    URI target = url.get();
    WebSocketClient ws = new Client(target, gen);
    if (lostTimeoutSeconds > 0) {
      ws.setConnectionLostTimeout(lostTimeoutSeconds);
    } else {
      ws.setConnectionLostTimeout(0);
    }
    WebSocketClient old = current;
    current = ws;
    LOG.debug("{}: connecting (generation {})", name, gen);
    ws.connect();
    return rotating ? null : old;
  }

  boolean send(int gen, String text) {
    WebSocketClient c;
    synchronized (this) {
      if (gen != generation || current == null || !current.isOpen()) {
        return false;
      }
      c = current;
    }
    try {
      c.send(text);
      return true;
    } catch (RuntimeException e) {
      return false; // closed in between; the reconnect resends
    }
  }

  synchronized boolean isOpen() {
    return current != null && current.isOpen();
  }

  synchronized int generation() {
    return generation;
  }

  synchronized long connects() {
    return connects;
  }

  synchronized long drops() {
    return drops;
  }

  synchronized long rotations() {
    return rotations;
  }

  /** Checks the connection age on the injected clock; rotates when due. */
  void checkAge() {
    boolean due;
    synchronized (this) {
      due =
          !closed
              && !rotating
              && openedAt >= 0
              && clock.currentTimeMillis() - openedAt >= rotateAfterMillis;
    }
    if (due) {
      rotate();
    }
  }

  /** Opens a replacement connection now and retires the current one after the overlap. */
  synchronized void rotate() {
    if (closed || rotating || current == null) {
      return;
    }
    rotating = true;
    rotations++;
    retiring = current;
    LOG.info("{}: rotating the connection (generation {})", name, generation);
    connect();
  }

  /**
   * Retires the connection a rotation replaced, {@code overlapMillis} after its replacement opened
   * (not after the rotation began: on a slow link the old connection must keep delivering until the
   * new one does, or the rotation itself would open a gap).
   */
  private void retireAfterOverlap(WebSocketClient old) {
    scheduler.schedule(
        () -> {
          old.close(1000, "rotation");
          synchronized (ReconnectingSocket.this) {
            rotating = false;
          }
        },
        overlapMillis,
        TimeUnit.MILLISECONDS);
  }

  void close() {
    WebSocketClient c;
    WebSocketClient r;
    synchronized (this) {
      closed = true;
      c = current;
      r = retiring;
      retiring = null;
    }
    if (c != null) {
      c.close();
    }
    if (r != null) {
      r.close();
    }
  }

  private void opened(int gen) {
    synchronized (this) {
      if (gen != generation || closed) {
        return;
      }
      attempt = 0;
      connects++;
      openedAt = clock.currentTimeMillis();
      if (retiring != null) {
        retireAfterOverlap(retiring);
        retiring = null;
      }
      scheduler.schedule(
          () -> {
            synchronized (ReconnectingSocket.this) {
              if (gen != generation) {
                return;
              }
            }
            rotate();
          },
          rotateAfterMillis,
          TimeUnit.MILLISECONDS);
    }
    handler.onOpen(gen);
  }

  private void closedOrFailed(int gen, String reason) {
    long wait;
    synchronized (this) {
      if (gen != generation || closed) {
        return; // an old generation (rotation) or our own close
      }
      drops++;
      openedAt = -1;
      wait = backoff.delayMillis(Math.min(attempt, 30));
      attempt++;
      generation++; // retire the dead connection's callbacks
      current = null;
      LOG.info("{}: connection lost ({}); reconnecting in {} ms", name, reason, wait);
    }
    handler.onDropped(gen, reason);
    scheduler.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
  }

  private final class Client extends WebSocketClient {
    private final int gen;
    private boolean failed;

    Client(URI uri, int gen) {
      super(uri);
      this.gen = gen;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      opened(gen);
    }

    @Override
    public void onMessage(String message) {
      handler.onText(gen, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      if (!failed) {
        closedOrFailed(gen, "closed " + code + (reason.isEmpty() ? "" : " " + reason));
      }
    }

    @Override
    public void onError(Exception ex) {
      // Java-WebSocket calls onClose after most errors; a failed connect may only call onError.
      if (!isOpen()) {
        failed = true;
        closedOrFailed(gen, "error " + ex.getClass().getSimpleName());
      }
    }
  }
}

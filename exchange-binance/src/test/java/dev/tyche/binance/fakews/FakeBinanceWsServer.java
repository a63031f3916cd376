package dev.tyche.binance.fakews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.ws.UserDataStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A fake Binance USDⓈ-M WebSocket server on 127.0.0.1 (ephemeral port) for tests: routed paths
 * {@code /public/stream}, {@code /market/stream} and {@code /private/ws?listenKey=}, SUBSCRIBE /
 * UNSUBSCRIBE with replies, a scripted {@link FakeMarket}, and fault injection: dropped
 * connections, duplicated messages, swapped (out-of-order) messages, withheld depth diffs (a pu
 * gap) and listen-key expiry. Messages published while no client is subscribed are lost, as on the
 * real exchange.
 */
public final class FakeBinanceWsServer extends WebSocketServer implements AutoCloseable {

  /** What happens to the next published message. */
  public enum Fault {
    NONE,
    DUPLICATE,
    SWAP_WITH_NEXT,
    WITHHOLD_DEPTH,
    DROP_AFTER
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch started = new CountDownLatch(1);
  // guarded by this
  // Touched by the server's selector threads without this object's monitor: a callback holding a
  // connection's lock must never wait for the test thread, which holds the monitor while sending.
  private final Map<WebSocket, Set<String>> subs = new ConcurrentHashMap<>();
  private final Map<WebSocket, String> paths = new ConcurrentHashMap<>();
  private final Object stats = new Object();
  private final List<String> controlLog = new ArrayList<>();
  private FakeMarket market;
  private final Map<String, String> held = new HashMap<>(); // swapped messages, by stream
  private int connections;
  private int pongs;
  private long maxControlPerSecond;
  private final Map<WebSocket, List<Long>> controlTimes = new ConcurrentHashMap<>();
  private int keySerial;
  private volatile String activeKey;
  private volatile boolean keyExpired;
  private int keepAlives;
  private int creates;

  public FakeBinanceWsServer(long seed) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.market = new FakeMarket(seed);
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  /** Starts and waits until bound. */
  public FakeBinanceWsServer startAndWait() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake server did not start");
    }
    return this;
  }

  public URI url(String route) {
    return URI.create("ws://127.0.0.1:" + getPort() + "/" + route);
  }

  public synchronized FakeMarket market() {
    return market;
  }

  /** A fresh market (and no held message) for the next run. */
  public synchronized void reset(long seed) {
    market = new FakeMarket(seed);
    held.clear();
    synchronized (stats) {
      controlLog.clear();
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    String path = handshake.getResourceDescriptor();
    if (path.startsWith("/private/ws?listenKey=")) {
      String key = path.substring("/private/ws?listenKey=".length());
      if (!key.equals(activeKey) || keyExpired) {
        conn.close(1008, "invalid listenKey");
        return;
      }
    } else if (!path.equals("/public/stream") && !path.equals("/market/stream")) {
      conn.close(1008, "unknown route " + path);
      return;
    }
    synchronized (stats) {
      connections++;
    }
    paths.put(conn, path);
    subs.put(conn, ConcurrentHashMap.newKeySet());
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    subs.remove(conn);
    paths.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    long now = System.nanoTime() / 1_000_000;
    synchronized (stats) {
      List<Long> times = controlTimes.computeIfAbsent(conn, c -> new ArrayList<>());
      times.add(now);
      long inLastSecond = times.stream().filter(t -> t > now - 1000).count();
      maxControlPerSecond = Math.max(maxControlPerSecond, inLastSecond);
    }
    try {
      JsonNode req = JSON.readTree(message);
      String method = req.get("method").asText();
      long id = req.get("id").asLong();
      synchronized (stats) {
        controlLog.add(method + " " + req.get("params") + " " + id);
      }
      Set<String> s = subs.get(conn);
      for (JsonNode p : req.get("params")) {
        String stream = p.asText();
        boolean routeOk =
            paths.get(conn).startsWith("/public")
                == (stream.contains("@depth") || stream.endsWith("@bookTicker"));
        if (!routeOk) {
          conn.send(
              "{\"error\":{\"code\":2,\"msg\":\"Invalid request: wrong route\"},\"id\":"
                  + id
                  + "}");
          return;
        }
        if (method.equals("SUBSCRIBE")) {
          s.add(stream);
        } else if (method.equals("UNSUBSCRIBE")) {
          s.remove(stream);
        }
      }
      conn.send("{\"result\":null,\"id\":" + id + "}");
    } catch (Exception e) {
      conn.send("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON\"},\"id\":null}");
    }
  }

  @Override
  public void onWebsocketPong(WebSocket conn, Framedata f) {
    synchronized (stats) {
      pongs++;
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // connection-level errors end in onClose
  }

  /**
   * Steps the market once and publishes its messages. The fault hits the step's depth diff and its
   * first trade: DUPLICATE sends them twice, SWAP_WITH_NEXT sends each after the next message of
   * its stream, WITHHOLD_DEPTH never sends the diff (a pu gap), DROP_AFTER closes every market
   * connection after the step.
   */
  public synchronized void step(Fault fault) {
    List<FakeMarket.Message> msgs = market.step();
    boolean firstTrade = true;
    for (FakeMarket.Message m : msgs) {
      String text = "{\"stream\":\"" + m.stream() + "\",\"data\":" + m.data() + "}";
      boolean isTrade = m.stream().endsWith("@trade");
      boolean target = m.depth() || (isTrade && firstTrade);
      if (isTrade) {
        firstTrade = false;
      }
      if (target && fault == Fault.WITHHOLD_DEPTH && m.depth()) {
        continue;
      }
      if (target && fault == Fault.SWAP_WITH_NEXT && !held.containsKey(m.stream())) {
        held.put(m.stream(), text);
        continue;
      }
      publish(m.stream(), text);
      String h = held.remove(m.stream());
      if (h != null) {
        publish(m.stream(), h);
      }
      if (target && fault == Fault.DUPLICATE) {
        publish(m.stream(), text);
      }
    }
    if (fault == Fault.DROP_AFTER) {
      dropAll();
    }
  }

  /** A connection can close between the isOpen check and the send: the message is lost. */
  private static void sendQuietly(WebSocket c, String text) {
    try {
      c.send(text);
    } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
      // lost, as on the real exchange
    }
  }

  /** Publishes one message on a stream, in the combined-stream envelope. */
  public synchronized void publishRaw(String stream, String data) {
    publish(stream, "{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
  }

  /** Publishes every held (swapped) message. */
  public synchronized void flushHeld() {
    for (Map.Entry<String, String> e : held.entrySet()) {
      publish(e.getKey(), e.getValue());
    }
    held.clear();
  }

  private void publish(String stream, String text) {
    for (Map.Entry<WebSocket, Set<String>> e : subs.entrySet()) {
      if (e.getValue().contains(stream) && e.getKey().isOpen()) {
        sendQuietly(e.getKey(), text);
      }
    }
  }

  /** Closes every market connection abruptly. */
  public synchronized void dropAll() {
    for (WebSocket c : new ArrayList<>(subs.keySet())) {
      if (!paths.getOrDefault(c, "").startsWith("/private")) {
        c.closeConnection(1006, "dropped by the fake");
      }
    }
  }

  /** Sends a ping on every connection. */
  public synchronized void pingAll() {
    for (WebSocket c : subs.keySet()) {
      if (c.isOpen()) {
        c.sendPing();
      }
    }
  }

  public int subscribers(String stream) {
    int n = 0;
    for (Set<String> s : subs.values()) {
      if (s.contains(stream)) {
        n++;
      }
    }
    return n;
  }

  public int connections() {
    synchronized (stats) {
      return connections;
    }
  }

  public int pongs() {
    synchronized (stats) {
      return pongs;
    }
  }

  public long maxControlPerSecond() {
    synchronized (stats) {
      return maxControlPerSecond;
    }
  }

  public List<String> controlLog() {
    synchronized (stats) {
      return List.copyOf(controlLog);
    }
  }

  public int openConnections() {
    return subs.size();
  }

  // ------------------------------------------------------------ user data

  /** The listen-key endpoints of this fake. */
  public UserDataStream.KeyService keys() {
    return new UserDataStream.KeyService() {
      @Override
      public String create() {
        synchronized (FakeBinanceWsServer.this) {
          creates++;
          if (activeKey == null || keyExpired) {
            activeKey = "key-" + (++keySerial);
            keyExpired = false;
          }
          return activeKey;
        }
      }

      @Override
      public void keepAlive() {
        synchronized (FakeBinanceWsServer.this) {
          if (activeKey == null || keyExpired) {
            throw new BinanceException(
                ErrorKind.INVALID_REQUEST, -1125, 400, -1, "This listenKey does not exist.", null);
          }
          keepAlives++;
        }
      }
    };
  }

  /** Expires the key: sends listenKeyExpired on the private connections, then closes them. */
  public synchronized void expireListenKey(long eventTime, boolean announce) {
    String expired = activeKey;
    keyExpired = true;
    for (WebSocket c : new ArrayList<>(subs.keySet())) {
      if (paths.getOrDefault(c, "").startsWith("/private")) {
        if (announce) {
          c.send(
              "{\"e\":\"listenKeyExpired\",\"E\":"
                  + eventTime
                  + ",\"listenKey\":\""
                  + expired
                  + "\"}");
        }
      }
    }
  }

  /** Sends a user-data event to the connections holding the active key. */
  public synchronized void sendUserEvent(String json) {
    for (WebSocket c : subs.keySet()) {
      String p = paths.getOrDefault(c, "");
      if (p.equals("/private/ws?listenKey=" + activeKey) && c.isOpen()) {
        sendQuietly(c, json);
      }
    }
  }

  public synchronized int keepAlives() {
    return keepAlives;
  }

  public synchronized int creates() {
    return creates;
  }

  public synchronized String activeKey() {
    return activeKey;
  }

  @Override
  public void close() {
    try {
      stop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

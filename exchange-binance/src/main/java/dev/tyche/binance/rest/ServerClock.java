package dev.tyche.binance.rest;

import dev.tyche.core.time.Clock;
import java.util.Objects;

/**
 * Binance's notion of "now": the injected local clock plus a measured offset. The offset is taken
 * from {@code GET /fapi/v1/time} as {@code serverTime - (tSend + tRecv) / 2} (the midpoint estimate
 * of Cristian's algorithm, F. Cristian, "Probabilistic clock synchronization", Distributed
 * Computing 3, 1989; reference section 2), refreshed when older than the configured interval and
 * after a -1021 reply.
 *
 * <p>Thread-safe: the offset and its age are read and written under the object's lock.
 */
public final class ServerClock implements Clock {

  private final Clock local;
  private final long maxAgeMillis;
  private long offsetMillis;
  private long measuredAt = Long.MIN_VALUE;
  private long lastRoundTripMillis = -1;

  /**
   * A server clock with no measurement yet (offset 0, stale).
   *
   * @param local the local clock ({@code SystemClock} in production)
   * @param maxAgeMillis how old a measurement may get before {@link #isStale()} says so, positive
   */
  public ServerClock(Clock local, long maxAgeMillis) {
    this.local = Objects.requireNonNull(local, "local must not be null");
    if (maxAgeMillis <= 0) {
      throw new IllegalArgumentException("maxAgeMillis must be > 0 but was " + maxAgeMillis);
    }
    this.maxAgeMillis = maxAgeMillis;
  }

  /**
   * The local clock this one is based on.
   *
   * @return the local clock
   */
  public Clock local() {
    return local;
  }

  /**
   * Binance's estimated time.
   *
   * @return local time plus the offset, UTC epoch ms
   */
  @Override
  public synchronized long currentTimeMillis() {
    return local.currentTimeMillis() + offsetMillis;
  }

  /**
   * Records a measurement.
   *
   * @param serverTime the server's time from the reply
   * @param sentAt local time when the request was sent
   * @param receivedAt local time when the reply arrived, at least {@code sentAt}
   */
  public synchronized void update(long serverTime, long sentAt, long receivedAt) {
    if (receivedAt < sentAt) {
      throw new IllegalArgumentException(
          "receivedAt must be >= sentAt " + sentAt + " but was " + receivedAt);
    }
    offsetMillis = serverTime - (sentAt + (receivedAt - sentAt) / 2);
    lastRoundTripMillis = receivedAt - sentAt;
    measuredAt = receivedAt;
  }

  /** Forgets the measurement's age, so that the next signed request re-measures first. */
  public synchronized void invalidate() {
    measuredAt = Long.MIN_VALUE;
  }

  /**
   * Whether a new measurement is due.
   *
   * @return true if never measured, invalidated, or older than the maximum age
   */
  public synchronized boolean isStale() {
    return measuredAt == Long.MIN_VALUE || local.currentTimeMillis() - measuredAt > maxAgeMillis;
  }

  /**
   * The current offset.
   *
   * @return server minus local time, ms
   */
  public synchronized long offsetMillis() {
    return offsetMillis;
  }

  /**
   * The round trip of the last measurement.
   *
   * @return milliseconds, or -1 if never measured
   */
  public synchronized long lastRoundTripMillis() {
    return lastRoundTripMillis;
  }

  @Override
  public synchronized String toString() {
    return "ServerClock[offset " + offsetMillis + " ms]";
  }
}

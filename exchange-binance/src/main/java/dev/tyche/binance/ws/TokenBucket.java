package dev.tyche.binance.ws;

import dev.tyche.core.time.Clock;
import java.util.Objects;

/**
 * A token bucket on an injected {@link Clock}: {@code capacity} tokens, refilled continuously at
 * {@code perSecond} tokens per second (the classic traffic-shaping scheme, e.g. A. S. Tanenbaum,
 * "Computer Networks", 5th ed., section 5.4.2). The WebSocket clients take one token per control
 * message they send, which keeps them under Binance's limit of 10 incoming messages per second per
 * connection (reference section 6).
 *
 * <p>Thread-safe: methods are synchronized.
 */
public final class TokenBucket {

  private final Clock clock;
  private final double capacity;
  private final double perMilli;
  private double tokens;
  private long last;

  /**
   * A full bucket.
   *
   * @param clock the clock refills are measured on
   * @param capacity the most tokens held, positive (the burst size)
   * @param perSecond the refill rate in tokens per second, positive
   */
  public TokenBucket(Clock clock, int capacity, double perSecond) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be finite and > 0 but was " + perSecond);
    }
    this.capacity = capacity;
    this.perMilli = perSecond / 1000.0;
    this.tokens = capacity;
    this.last = clock.currentTimeMillis();
  }

  /**
   * Takes one token if one is available.
   *
   * @return 0 if a token was taken; otherwise the milliseconds until one will be available (nothing
   *     is taken then)
   */
  public synchronized long tryAcquire() {
    refill();
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1.0 - tokens) / perMilli));
  }

  /**
   * The tokens currently available (refilled up to now).
   *
   * @return the token count, fractional
   */
  public synchronized double available() {
    refill();
    return tokens;
  }

  private void refill() {
    long now = clock.currentTimeMillis();
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * perMilli);
    }
    // A clock that steps backwards gives no tokens and does not reset the reference point.
    last = Math.max(last, now);
  }
}

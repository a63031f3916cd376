package dev.tyche.binance.rest;

import dev.tyche.binance.dto.RateLimit;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the client inside Binance's limits before Binance enforces them (reference section 4): the
 * IP request-weight budget per minute ({@code REQUEST_WEIGHT}, 2400 by default, replaced by
 * exchangeInfo's {@code rateLimits}) and the account's order counts per 10 s and per minute ({@code
 * ORDERS}, 300 and 1200). Usage is counted locally and corrected by the reply headers {@code
 * X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S} and {@code X-MBX-ORDER-COUNT-1M}, which are
 * authoritative. Windows are aligned to the server clock's minute / 10-second boundaries.
 *
 * <p><b>Policy: block, bounded.</b> A request that would exceed a budget waits (with the injected
 * {@link Sleeper}, measured on the injected clock) until the window rolls over, as long as the wait
 * is at most {@code maxWaitMillis}; a longer wait fails fast with {@link ErrorKind#RATE_LIMITED}.
 * After HTTP 429 every request waits for {@code Retry-After} (or the next minute when absent) under
 * the same bound. After HTTP 418 a circuit breaker opens: every request fails fast with {@link
 * ErrorKind#IP_BANNED}, without touching the network, until the ban's {@code Retry-After} (default
 * 2 minutes, Binance's shortest ban) has passed.
 *
 * <p>Thread-safe: all state is guarded by the object's lock; waiting happens outside it.
 */
public final class RateLimiter {

  static final long MINUTE = 60_000L;
  static final long TEN_SECONDS = 10_000L;
  static final long DEFAULT_BAN_MILLIS = 120_000L;
  private static final int MAX_WAIT_ROUNDS = 64;

  private final Clock clock;
  private final Sleeper sleeper;
  private final long maxWaitMillis;

  private int weightLimit = 2400;
  private int orders10sLimit = 300;
  private int orders1mLimit = 1200;

  private long minuteWindow = Long.MIN_VALUE;
  private long tenSecondWindow = Long.MIN_VALUE;
  private int usedWeight;
  private int orders10s;
  private int orders1m;
  private long backoffUntil;
  private long bannedUntil;

  /**
   * A limiter with Binance's documented default limits.
   *
   * @param clock the server clock the windows follow
   * @param sleeper how to wait
   * @param maxWaitMillis the longest wait before failing fast, zero or positive
   */
  public RateLimiter(Clock clock, Sleeper sleeper, long maxWaitMillis) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    if (maxWaitMillis < 0) {
      throw new IllegalArgumentException("maxWaitMillis must be >= 0 but was " + maxWaitMillis);
    }
    this.maxWaitMillis = maxWaitMillis;
  }

  /**
   * Sets the limits explicitly.
   *
   * @param weightPerMinute the request weight per minute, positive
   * @param ordersPer10s orders per 10 seconds, positive
   * @param ordersPerMinute orders per minute, positive
   */
  public synchronized void setLimits(int weightPerMinute, int ordersPer10s, int ordersPerMinute) {
    if (weightPerMinute < 1 || ordersPer10s < 1 || ordersPerMinute < 1) {
      throw new IllegalArgumentException(
          "limits must be >= 1 but were "
              + weightPerMinute
              + ", "
              + ordersPer10s
              + ", "
              + ordersPerMinute);
    }
    this.weightLimit = weightPerMinute;
    this.orders10sLimit = ordersPer10s;
    this.orders1mLimit = ordersPerMinute;
  }

  /**
   * Adopts exchangeInfo's {@code rateLimits}: {@code REQUEST_WEIGHT} per 1 minute and {@code
   * ORDERS} per 10 seconds and per 1 minute; other entries are ignored.
   *
   * @param limits the entries
   */
  public synchronized void apply(List<RateLimit> limits) {
    for (RateLimit l : limits) {
      long w = l.windowMillis();
      if ("REQUEST_WEIGHT".equals(l.rateLimitType()) && w == MINUTE) {
        weightLimit = l.limit();
      } else if ("ORDERS".equals(l.rateLimitType()) && w == TEN_SECONDS) {
        orders10sLimit = l.limit();
      } else if ("ORDERS".equals(l.rateLimitType()) && w == MINUTE) {
        orders1mLimit = l.limit();
      }
    }
  }

  /**
   * The current request-weight limit per minute.
   *
   * @return the limit
   */
  public synchronized int weightLimit() {
    return weightLimit;
  }

  /**
   * The weight counted in the current minute (local count corrected by headers).
   *
   * @return the used weight
   */
  public synchronized int usedWeight() {
    roll(clock.currentTimeMillis());
    return usedWeight;
  }

  /**
   * Waits until a request fits the budgets, then books it.
   *
   * @param weight the request's IP weight, zero or positive
   * @param orders how many orders it places (0 for anything else; a batch counts each order)
   * @throws BinanceException {@code IP_BANNED} while banned, {@code RATE_LIMITED} when the wait
   *     would exceed the bound
   */
  public void acquire(int weight, int orders) {
    if (weight < 0 || orders < 0) {
      throw new IllegalArgumentException(
          "weight and orders must be >= 0 but were " + weight + ", " + orders);
    }
    for (int round = 0; round < MAX_WAIT_ROUNDS; round++) {
      long waitMillis;
      synchronized (this) {
        long now = clock.currentTimeMillis();
        if (bannedUntil > now) {
          throw new BinanceException(
              ErrorKind.IP_BANNED,
              BinanceException.NO_CODE,
              418,
              bannedUntil - now,
              "circuit open: IP banned for another " + (bannedUntil - now) + " ms",
              null);
        }
        roll(now);
        long until = waitUntil(now, weight, orders);
        if (until <= now) {
          usedWeight += weight;
          orders10s += orders;
          orders1m += orders;
          return;
        }
        waitMillis = until - now;
        if (waitMillis > maxWaitMillis) {
          throw new BinanceException(
              ErrorKind.RATE_LIMITED,
              BinanceException.NO_CODE,
              0,
              waitMillis,
              "throttled locally: the budget frees up in "
                  + waitMillis
                  + " ms, more than the allowed wait of "
                  + maxWaitMillis
                  + " ms",
              null);
        }
      }
      sleep(waitMillis);
    }
    throw new BinanceException(
        ErrorKind.RATE_LIMITED,
        BinanceException.NO_CODE,
        "throttled locally: no budget after " + MAX_WAIT_ROUNDS + " waits");
  }

  private long waitUntil(long now, int weight, int orders) {
    if (backoffUntil > now) {
      return backoffUntil;
    }
    if (weight > weightLimit) {
      throw new BinanceException(
          ErrorKind.INVALID_REQUEST,
          BinanceException.NO_CODE,
          "request weight " + weight + " exceeds the whole budget " + weightLimit);
    }
    if (orders > Math.min(orders10sLimit, orders1mLimit)) {
      throw new BinanceException(
          ErrorKind.INVALID_REQUEST,
          BinanceException.NO_CODE,
          orders + " orders in one request exceed the order budget " + orders10sLimit);
    }
    long nextMinute = Math.floorDiv(now, MINUTE) * MINUTE + MINUTE;
    if (usedWeight + weight > weightLimit) {
      return nextMinute;
    }
    if (orders > 0 && orders1m + orders > orders1mLimit) {
      return nextMinute;
    }
    if (orders > 0 && orders10s + orders > orders10sLimit) {
      return Math.floorDiv(now, TEN_SECONDS) * TEN_SECONDS + TEN_SECONDS;
    }
    return now;
  }

  private void roll(long now) {
    long m = Math.floorDiv(now, MINUTE);
    if (m != minuteWindow) {
      minuteWindow = m;
      usedWeight = 0;
      orders1m = 0;
    }
    long t = Math.floorDiv(now, TEN_SECONDS);
    if (t != tenSecondWindow) {
      tenSecondWindow = t;
      orders10s = 0;
    }
  }

  private void sleep(long millis) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(
          ErrorKind.NETWORK, BinanceException.NO_CODE, 0, -1, "interrupted while throttled", e);
    }
  }

  /**
   * Corrects the counts from a reply's headers. Absent headers are passed as -1.
   *
   * @param usedWeight1m {@code X-MBX-USED-WEIGHT-1M}, or -1
   * @param orderCount10s {@code X-MBX-ORDER-COUNT-10S}, or -1
   * @param orderCount1m {@code X-MBX-ORDER-COUNT-1M}, or -1
   */
  public synchronized void onHeaders(int usedWeight1m, int orderCount10s, int orderCount1m) {
    roll(clock.currentTimeMillis());
    // Headers are the server's count; in-flight requests may make the local count higher.
    if (usedWeight1m >= 0) {
      usedWeight = Math.max(usedWeight, usedWeight1m);
    }
    if (orderCount10s >= 0) {
      orders10s = Math.max(orders10s, orderCount10s);
    }
    if (orderCount1m >= 0) {
      orders1m = Math.max(orders1m, orderCount1m);
    }
  }

  /**
   * Records HTTP 429: every request waits until {@code Retry-After} has passed.
   *
   * @param retryAfterMillis the wait Binance asked for, or -1 for "until the next minute"
   * @return the time until which requests wait, server clock ms
   */
  public synchronized long onRateLimited(long retryAfterMillis) {
    long now = clock.currentTimeMillis();
    long until =
        retryAfterMillis >= 0
            ? now + retryAfterMillis
            : Math.floorDiv(now, MINUTE) * MINUTE + MINUTE;
    backoffUntil = Math.max(backoffUntil, until);
    return backoffUntil;
  }

  /**
   * Records HTTP 418: the circuit opens until the ban ends.
   *
   * @param retryAfterMillis the ban's length from {@code Retry-After}, or -1 for the 2-minute
   *     minimum
   * @return the time until which requests fail fast, server clock ms
   */
  public synchronized long onBanned(long retryAfterMillis) {
    long now = clock.currentTimeMillis();
    bannedUntil =
        Math.max(
            bannedUntil, now + (retryAfterMillis >= 0 ? retryAfterMillis : DEFAULT_BAN_MILLIS));
    return bannedUntil;
  }

  /**
   * Whether the ban circuit is open now.
   *
   * @return true while banned
   */
  public synchronized boolean isBanned() {
    return bannedUntil > clock.currentTimeMillis();
  }
}

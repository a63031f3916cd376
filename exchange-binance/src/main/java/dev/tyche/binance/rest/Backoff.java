package dev.tyche.binance.rest;

import java.util.SplittableRandom;

/**
 * Jittered exponential back-off: attempt {@code n} (from 0) waits a uniformly random time in {@code
 * [d/2, d]} with {@code d = min(max, base * 2^n)} ("equal jitter", M. Brooker, "Exponential Backoff
 * And Jitter", AWS Architecture Blog, 2015). The randomness is seeded, so a run is reproducible.
 *
 * <p>Thread-safe: the generator is used under the object's lock.
 */
public final class Backoff {

  private final long baseMillis;
  private final long maxMillis;
  private final SplittableRandom random;

  /**
   * A back-off policy.
   *
   * @param baseMillis the first delay's upper bound, positive
   * @param maxMillis the largest delay, at least {@code baseMillis}
   * @param seed the seed of the jitter
   */
  public Backoff(long baseMillis, long maxMillis, long seed) {
    if (baseMillis <= 0 || maxMillis < baseMillis) {
      throw new IllegalArgumentException(
          "need 0 < baseMillis <= maxMillis but were " + baseMillis + ", " + maxMillis);
    }
    this.baseMillis = baseMillis;
    this.maxMillis = maxMillis;
    this.random = new SplittableRandom(seed);
  }

  /**
   * The delay before retry number {@code attempt}.
   *
   * @param attempt the retry number, from 0
   * @return the delay in ms, in {@code [d/2, d]}
   */
  public synchronized long delayMillis(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0 but was " + attempt);
    }
    long d = attempt >= 40 ? maxMillis : Math.min(maxMillis, baseMillis << Math.min(attempt, 40));
    if (d <= 0) {
      d = maxMillis;
    }
    long half = d / 2;
    return half + random.nextLong(d - half + 1);
  }
}

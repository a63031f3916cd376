package dev.tyche.execution.sim;

import java.util.random.RandomGenerator;

/**
 * A one-way delay in milliseconds: a fixed part plus a uniformly distributed jitter drawn from a
 * seeded generator, {@code fixed + U{0..jitter}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fixedMillis the fixed part, {@code >= 0}
 * @param jitterMillis the largest extra delay, {@code >= 0}; each sample adds an integer drawn
 *     uniformly from {@code [0, jitterMillis]}
 */
public record LatencyModel(long fixedMillis, long jitterMillis) {

  /** No delay at all. */
  public static final LatencyModel ZERO = new LatencyModel(0, 0);

  // A negative delay would let an order act before it was sent.
  public LatencyModel {
    if (fixedMillis < 0) {
      throw new IllegalArgumentException("fixedMillis must be >= 0 but was " + fixedMillis);
    }
    if (jitterMillis < 0) {
      throw new IllegalArgumentException("jitterMillis must be >= 0 but was " + jitterMillis);
    }
    if (fixedMillis > Long.MAX_VALUE / 4 || jitterMillis > Long.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          "fixedMillis and jitterMillis must be below 2^61 but were "
              + fixedMillis
              + " and "
              + jitterMillis);
    }
  }

  /**
   * A constant delay.
   *
   * @param millis the delay, {@code >= 0}
   * @return the model
   */
  public static LatencyModel fixed(long millis) {
    return new LatencyModel(millis, 0);
  }

  /**
   * Draws one delay.
   *
   * @param random the seeded generator; not used when {@code jitterMillis == 0}, so a jitter-free
   *     model consumes no random numbers
   * @return the delay in milliseconds, in {@code [fixedMillis, fixedMillis + jitterMillis]}
   */
  public long sample(RandomGenerator random) {
    if (jitterMillis == 0) {
      return fixedMillis;
    }
    return fixedMillis + random.nextLong(jitterMillis + 1);
  }
}

package dev.tyche.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that moves only when told to, for backtests and tests. It starts at a given time and can
 * only move forwards, so nothing driven by it ever sees time run backwards; an attempt to go back
 * is a programming error and fails with both times in the message.
 *
 * <p>Every time it holds is a valid timestamp in the sense of {@link Timestamps#requireValid(long,
 * String)}: between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
 *
 * <p>Mutable; confined to one thread.
 */
public final class SimulatedClock implements Clock {

  private long nowMillis;

  /**
   * Creates a clock standing at {@code startMillis}.
   *
   * @param startMillis the initial time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code startMillis} is not a valid timestamp
   */
  public SimulatedClock(long startMillis) {
    this.nowMillis = Timestamps.requireValid(startMillis, "startMillis");
  }

  /**
   * Creates a clock standing at {@code startMillis}.
   *
   * @param startMillis the initial time, UTC epoch milliseconds
   * @return a new clock
   * @throws IllegalArgumentException if {@code startMillis} is not a valid timestamp
   */
  public static SimulatedClock startingAt(long startMillis) {
    return new SimulatedClock(startMillis);
  }

  /**
   * Creates a clock standing at {@code start}.
   *
   * @param start the initial time; must have no sub-millisecond part
   * @return a new clock
   * @throws IllegalArgumentException if {@code start} is not a valid millisecond timestamp
   */
  public static SimulatedClock startingAt(Instant start) {
    return new SimulatedClock(Timestamps.toMillis(start, "start"));
  }

  @Override
  public long currentTimeMillis() {
    return nowMillis;
  }

  /**
   * Moves the clock to {@code targetMillis}. Staying at the current time is allowed (several events
   * can share one timestamp); moving backwards is not.
   *
   * @param targetMillis the new time, UTC epoch milliseconds
   * @throws IllegalArgumentException if {@code targetMillis} is earlier than the current time or is
   *     not a valid timestamp; the clock is left unchanged
   */
  public void advanceTo(long targetMillis) {
    Timestamps.requireValid(targetMillis, "targetMillis");
    if (targetMillis < nowMillis) {
      throw new IllegalArgumentException(
          "a simulated clock cannot move backwards: current time is "
              + Timestamps.describe(nowMillis)
              + " but targetMillis was "
              + Timestamps.describe(targetMillis));
    }
    nowMillis = targetMillis;
  }

  /**
   * Moves the clock forwards by {@code deltaMillis}.
   *
   * @param deltaMillis how far to move, in milliseconds; {@code 0} leaves the clock where it is
   * @throws IllegalArgumentException if {@code deltaMillis} is negative or the result would be past
   *     the last valid timestamp; the clock is left unchanged
   */
  public void advanceBy(long deltaMillis) {
    if (deltaMillis < 0) {
      throw new IllegalArgumentException(
          "deltaMillis must be >= 0 (a simulated clock cannot move backwards) but was "
              + deltaMillis);
    }
    if (deltaMillis > Timestamps.MAX_MILLIS - nowMillis) {
      throw new IllegalArgumentException(
          "deltaMillis "
              + deltaMillis
              + " would move the clock from "
              + Timestamps.describe(nowMillis)
              + " past the last valid timestamp "
              + Timestamps.describe(Timestamps.MAX_MILLIS));
    }
    nowMillis += deltaMillis;
  }

  /**
   * Moves the clock forwards by {@code delta}, truncated to whole milliseconds.
   *
   * @param delta how far to move; must not be negative
   * @throws IllegalArgumentException if {@code delta} is negative or the result would be past the
   *     last valid timestamp; the clock is left unchanged
   */
  public void advanceBy(Duration delta) {
    Objects.requireNonNull(delta, "delta");
    if (delta.isNegative()) {
      throw new IllegalArgumentException(
          "delta must not be negative (a simulated clock cannot move backwards) but was " + delta);
    }
    long millis;
    try {
      millis = delta.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "delta " + delta + " is too large to express in milliseconds", e);
    }
    advanceBy(millis);
  }

  @Override
  public String toString() {
    return "SimulatedClock[" + Timestamps.format(nowMillis) + "]";
  }
}

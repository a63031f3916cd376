package dev.tyche.core.strategy;

import java.util.Objects;

/**
 * A timer fired.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timerId the timer
 * @param tag the label given when it was set
 * @param scheduledTime when it was due, UTC epoch milliseconds
 * @param firedTime when it fired (the engine clock), at or after {@code scheduledTime}
 */
public record TimerEvent(TimerId timerId, String tag, long scheduledTime, long firedTime) {

  // A timer cannot fire before it is due: that would be look-ahead in a backtest.
  public TimerEvent {
    Objects.requireNonNull(timerId, "timerId must not be null");
    Objects.requireNonNull(tag, "tag must not be null");
    if (firedTime < scheduledTime) {
      throw new IllegalArgumentException(
          "firedTime must be >= scheduledTime " + scheduledTime + " but was " + firedTime);
    }
  }
}

package dev.tyche.core.time;

import java.time.Instant;

/**
 * The source of "now" for every component that needs it. Time is UTC epoch milliseconds, the unit
 * Binance uses. Components never read the wall clock themselves; they are given a clock, so that a
 * backtest ({@link SimulatedClock}) and live trading ({@link SystemClock}) run the same code.
 *
 * <p>Thread safety depends on the implementation: {@link SystemClock} is immutable and thread-safe;
 * {@link SimulatedClock} is mutable and confined to one thread.
 */
public interface Clock {

  /**
   * The current time.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z (UTC epoch milliseconds)
   */
  long currentTimeMillis();

  /**
   * The current time as an {@link Instant}, for cold code such as logging and reports.
   *
   * @return {@link #currentTimeMillis()} as an instant (millisecond precision)
   */
  default Instant instant() {
    return Instant.ofEpochMilli(currentTimeMillis());
  }
}

package dev.tyche.core.time;

import dev.tyche.core.SuppressForbidden;

/**
 * The wall clock of the machine, for paper and live trading. This is the only class in the library
 * that reads wall-clock time; everything else receives a {@link Clock}.
 *
 * <p>The value comes from {@link System#currentTimeMillis()}: it follows the operating system's
 * clock and can jump (NTP corrections), so it is not guaranteed to be monotonic. Exchange-facing
 * code that needs the exchange's notion of time applies its own measured offset on top of it.
 *
 * <p>Immutable and thread-safe.
 */
@SuppressForbidden(
    reason = "The single sanctioned reader of wall-clock time; all other code takes a Clock.")
public final class SystemClock implements Clock {

  /** The one instance; the class holds no state, so sharing it between threads is safe. */
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  /**
   * Reads the operating system's wall clock.
   *
   * @return the current UTC epoch milliseconds
   */
  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public String toString() {
    return "SystemClock";
  }
}

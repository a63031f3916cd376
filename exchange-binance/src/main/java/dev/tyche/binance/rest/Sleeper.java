package dev.tyche.binance.rest;

/**
 * How the client waits (throttling, back-off, order look-ups). Production waits with {@link
 * #THREAD_SLEEP}; tests pass a sleeper that advances a simulated clock, so that waiting is both
 * instant and visible to the injected {@link dev.tyche.core.time.Clock}.
 *
 * <p>Implementations state their own thread safety; {@link #THREAD_SLEEP} is thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread with {@link Thread#sleep(long)}. */
  Sleeper THREAD_SLEEP = Thread::sleep;

  /**
   * Waits.
   *
   * @param millis how long, in milliseconds, zero or positive
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(long millis) throws InterruptedException;
}

package dev.tyche.binance.fake;

import dev.tyche.binance.rest.Sleeper;
import dev.tyche.core.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test clock shared by the client and the fake server: time moves only when a sleeper waits or a
 * test advances it, so back-off and throttling take no real time. Thread-safe (atomic).
 */
public final class ManualClock implements Clock {

  private final AtomicLong now;

  public ManualClock(long startMillis) {
    this.now = new AtomicLong(startMillis);
  }

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("millis must be >= 0 but was " + millis);
    }
    now.addAndGet(millis);
  }

  /** A sleeper that advances this clock instead of blocking. */
  public Sleeper sleeper() {
    return this::advance;
  }
}

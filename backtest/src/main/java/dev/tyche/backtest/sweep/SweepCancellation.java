package dev.tyche.backtest.sweep;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cooperative cancellation flag for a {@link ParallelSweep}. Once {@link #cancel()} is called,
 * tasks that have not started yet are not run and end as {@link TaskOutcome.Status#CANCELLED};
 * tasks already running are not interrupted and finish normally (a backtest has no safe point at
 * which to stop half-way). It may be cancelled from any thread, including from a {@link
 * SweepProgress} callback.
 *
 * <p>Mutable and thread-safe.
 */
public final class SweepCancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Creates a flag that is not cancelled. */
  public SweepCancellation() {}

  /** Requests cancellation; idempotent. */
  public void cancel() {
    cancelled.set(true);
  }

  /**
   * Whether cancellation was requested.
   *
   * @return true once {@link #cancel()} has been called
   */
  public boolean isCancelled() {
    return cancelled.get();
  }
}

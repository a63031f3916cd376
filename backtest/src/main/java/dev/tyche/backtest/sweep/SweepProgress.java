package dev.tyche.backtest.sweep;

/**
 * Receives progress of a {@link ParallelSweep}. It is called once after each task finishes
 * (succeeded, failed or skipped because of cancellation), from the worker thread that finished it,
 * but never concurrently: calls are serialised and {@code done} increases by one each call.
 *
 * <p>Implementations must be safe to call from any thread (calls never overlap).
 */
@FunctionalInterface
public interface SweepProgress {

  /** A callback that ignores progress. */
  SweepProgress NONE = (done, total, elapsedMillis) -> {};

  /**
   * One more task has finished.
   *
   * @param done tasks finished so far, {@code 1..total}
   * @param total tasks in the sweep
   * @param elapsedMillis milliseconds since the sweep started, read from the sweep's clock
   */
  void onProgress(int done, int total, long elapsedMillis);
}

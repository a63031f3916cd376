package dev.tyche.examples;

import dev.tyche.backtest.sweep.SweepProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line console progress bar for a {@link dev.tyche.backtest.sweep.ParallelSweep}: redrawn
 * with a carriage return after each finished task, e.g. {@code [##########----------] 4/8 runs 12.3
 * s}.
 *
 * <p>Safe to call from any thread (the sweep serialises the calls).
 */
final class ProgressBar implements SweepProgress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean enabled;
  private boolean drawn;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  @Override
  public synchronized void onProgress(int done, int total, long elapsedMillis) {
    if (!enabled) {
      return;
    }
    out.print("\r" + render(done, total, elapsedMillis));
    out.flush();
    drawn = true;
  }

  static String render(int done, int total, long elapsedMillis) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "  [%s%s] %d/%d runs %6.1f s",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        done,
        total,
        elapsedMillis / 1000.0);
  }

  /** Ends the bar's line. */
  synchronized void finish() {
    if (drawn) {
      out.println();
    }
  }
}

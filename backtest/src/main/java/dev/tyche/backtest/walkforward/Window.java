package dev.tyche.backtest.walkforward;

import java.util.List;
import java.util.Objects;

/**
 * One walk-forward window: the training periods (one or more disjoint ranges, in increasing order,
 * more than one only when an embargo cuts holes into them) and the test range that follows them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the window's position, {@code 0, 1, ...}
 * @param train the training ranges, non-empty, increasing, disjoint, each non-empty, all ending
 *     before {@code test.from()}
 * @param test the test range, non-empty
 */
public record Window(int index, List<IndexRange> train, IndexRange test) {

  /** Validates the ordering of the ranges. */
  public Window {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0 but was " + index);
    }
    train = List.copyOf(Objects.requireNonNull(train, "train"));
    Objects.requireNonNull(test, "test");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("window " + index + " must have training periods");
    }
    if (test.length() == 0) {
      throw new IllegalArgumentException("window " + index + " must have a non-empty test range");
    }
    int previousEnd = -1;
    for (IndexRange r : train) {
      if (r.length() == 0 || r.from() <= previousEnd) {
        throw new IllegalArgumentException(
            "training ranges of window "
                + index
                + " must be non-empty, increasing and separated but were "
                + train);
      }
      previousEnd = r.to();
    }
    if (previousEnd > test.from()) {
      throw new IllegalArgumentException(
          "training ranges of window " + index + " must end before the test " + test);
    }
  }

  /**
   * Number of training periods.
   *
   * @return the sum of the training range lengths
   */
  public int trainPeriods() {
    int n = 0;
    for (IndexRange r : train) {
      n += r.length();
    }
    return n;
  }
}

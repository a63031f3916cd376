package dev.tyche.backtest.walkforward;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The layout of walk-forward windows over periods {@code 0..n-1}.
 *
 * <p><b>Layout.</b> With {@code s = trainLength + purge}, window {@code k = 0, 1, ...} tests {@code
 * test_k = [s + k step, s + k step + testLength)}; windows are produced while {@code test_k} fits
 * entirely in {@code [0, n)} (a shorter final test window is not produced). {@code step >=
 * testLength}, so test windows never overlap and the stitched out-of-sample series counts no period
 * twice; {@code step > testLength} leaves untested gaps between them.
 *
 * <ul>
 *   <li>{@link WindowMode#ROLLING}: the training base range is {@code [test_k.from - purge -
 *       trainLength, test_k.from - purge)}.
 *   <li>{@link WindowMode#ANCHORED}: the training base range is {@code [0, test_k.from - purge)};
 *       it starts at {@code trainLength} periods and grows by {@code step} per window.
 * </ul>
 *
 * <p><b>Purge.</b> The {@code purge} periods immediately before each test window are left out of
 * its training set. This is the walk-forward form of the purging of M. López de Prado, <i>Advances
 * in Financial Machine Learning</i>, Wiley (2018), section 7.4.1: a training observation whose
 * label is computed from returns up to {@code purge} periods ahead would overlap the test period,
 * so the last {@code purge} training observations are removed. Set {@code purge} to the label
 * horizon (or the longest look-ahead of any quantity fitted in training), 0 when none.
 *
 * <p><b>Embargo.</b> For every earlier window {@code j < k}, the {@code embargo} periods right
 * after its test window, {@code [test_j.to, test_j.to + embargo)}, are removed from the training
 * set of window {@code k} (López de Prado 2018, section 7.4.2, where the embargo drops training
 * observations that immediately follow a test set because serial correlation lets them carry
 * information about it). In a walk-forward the training set always precedes its own test window, so
 * the embargo only matters when a later training set reaches back over an earlier test window:
 * always in {@link WindowMode#ANCHORED} mode, and in {@link WindowMode#ROLLING} mode when {@code
 * trainLength + purge > step}. The rule is applied identically in both modes. An embargo can split
 * a training set into several ranges and can make a rolling training set shorter than {@code
 * trainLength}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode rolling or anchored training windows
 * @param trainLength training periods of a rolling window, and of the first anchored window, {@code
 *     >= 1}
 * @param testLength periods per test window, {@code >= 1}
 * @param step periods between the starts of consecutive test windows, {@code >= testLength}
 * @param purge periods left out between the end of training and the start of its test, {@code >= 0}
 * @param embargo periods after each test window left out of later training sets, {@code >= 0}
 */
public record WindowSpec(
    WindowMode mode, int trainLength, int testLength, int step, int purge, int embargo) {

  /** Validates the lengths. */
  public WindowSpec {
    Objects.requireNonNull(mode, "mode");
    if (trainLength < 1) {
      throw new IllegalArgumentException("trainLength must be >= 1 but was " + trainLength);
    }
    if (testLength < 1) {
      throw new IllegalArgumentException("testLength must be >= 1 but was " + testLength);
    }
    if (step < testLength) {
      throw new IllegalArgumentException(
          "step must be >= testLength ("
              + testLength
              + ") so that test windows do not overlap, but was "
              + step);
    }
    if (purge < 0) {
      throw new IllegalArgumentException("purge must be >= 0 but was " + purge);
    }
    if (embargo < 0) {
      throw new IllegalArgumentException("embargo must be >= 0 but was " + embargo);
    }
  }

  /**
   * Rolling windows with {@code step = testLength}, no purge and no embargo.
   *
   * @param trainLength training periods, {@code >= 1}
   * @param testLength test periods, {@code >= 1}
   * @return the spec
   */
  public static WindowSpec rolling(int trainLength, int testLength) {
    return new WindowSpec(WindowMode.ROLLING, trainLength, testLength, testLength, 0, 0);
  }

  /**
   * Anchored windows with {@code step = testLength}, no purge and no embargo.
   *
   * @param initialTrainLength training periods of the first window, {@code >= 1}
   * @param testLength test periods, {@code >= 1}
   * @return the spec
   */
  public static WindowSpec anchored(int initialTrainLength, int testLength) {
    return new WindowSpec(WindowMode.ANCHORED, initialTrainLength, testLength, testLength, 0, 0);
  }

  /**
   * A copy with another step.
   *
   * @param newStep periods between test window starts, {@code >= testLength}
   * @return the copy
   */
  public WindowSpec withStep(int newStep) {
    return new WindowSpec(mode, trainLength, testLength, newStep, purge, embargo);
  }

  /**
   * A copy with another purge.
   *
   * @param newPurge periods between training and test, {@code >= 0}
   * @return the copy
   */
  public WindowSpec withPurge(int newPurge) {
    return new WindowSpec(mode, trainLength, testLength, step, newPurge, embargo);
  }

  /**
   * A copy with another embargo.
   *
   * @param newEmbargo periods after each test window left out of later training, {@code >= 0}
   * @return the copy
   */
  public WindowSpec withEmbargo(int newEmbargo) {
    return new WindowSpec(mode, trainLength, testLength, step, purge, newEmbargo);
  }

  /**
   * The windows over periods {@code 0..totalPeriods-1}.
   *
   * @param totalPeriods the number of periods, {@code >= trainLength + purge + testLength}
   * @return the windows, at least one, in time order
   * @throws IllegalArgumentException if not even one window fits
   */
  public List<Window> windows(int totalPeriods) {
    long first = (long) trainLength + purge;
    if (totalPeriods < first + testLength) {
      throw new IllegalArgumentException(
          "totalPeriods must be >= trainLength + purge + testLength = "
              + (first + testLength)
              + " but was "
              + totalPeriods);
    }
    List<Window> out = new ArrayList<>();
    List<IndexRange> embargoes = new ArrayList<>();
    for (long testFrom = first; testFrom + testLength <= totalPeriods; testFrom += step) {
      int from = (int) testFrom;
      IndexRange test = new IndexRange(from, from + testLength);
      int trainEnd = from - purge;
      int trainStart = mode == WindowMode.ROLLING ? trainEnd - trainLength : 0;
      List<IndexRange> train = subtract(new IndexRange(trainStart, trainEnd), embargoes);
      if (train.isEmpty()) {
        throw new IllegalArgumentException(
            "window "
                + out.size()
                + " testing "
                + test
                + " has no training periods left after an embargo of "
                + embargo
                + "; shorten the embargo or lengthen trainLength");
      }
      out.add(new Window(out.size(), train, test));
      if (embargo > 0) {
        embargoes.add(
            new IndexRange(test.to(), (int) Math.min(totalPeriods, (long) test.to() + embargo)));
      }
    }
    return List.copyOf(out);
  }

  /** base minus the union of the (increasing, disjoint) holes, as increasing non-empty ranges. */
  private static List<IndexRange> subtract(IndexRange base, List<IndexRange> holes) {
    List<IndexRange> out = new ArrayList<>();
    int cursor = base.from();
    for (IndexRange h : holes) {
      if (h.to() <= cursor || h.from() >= base.to()) {
        continue;
      }
      if (h.from() > cursor) {
        out.add(new IndexRange(cursor, h.from()));
      }
      cursor = Math.max(cursor, h.to());
    }
    if (cursor < base.to()) {
      out.add(new IndexRange(cursor, base.to()));
    }
    return out;
  }
}

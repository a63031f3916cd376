package dev.tyche.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WindowSpecProperties {

  @Property(tries = 500)
  void windowsRespectTheLayoutPurgeAndEmbargo(
      @ForAll boolean anchored,
      @ForAll @IntRange(min = 1, max = 30) int train,
      @ForAll @IntRange(min = 1, max = 10) int test,
      @ForAll @IntRange(min = 0, max = 10) int extraStep,
      @ForAll @IntRange(min = 0, max = 5) int purge,
      @ForAll @IntRange(min = 0, max = 6) int embargo,
      @ForAll @IntRange(min = 0, max = 150) int extraPeriods) {
    WindowSpec spec =
        new WindowSpec(
            anchored ? WindowMode.ANCHORED : WindowMode.ROLLING,
            train,
            test,
            test + extraStep,
            purge,
            embargo);
    int n = train + purge + test + extraPeriods;
    List<Window> windows;
    try {
      windows = spec.windows(n);
    } catch (IllegalArgumentException e) {
      // Only a rolling window can be emptied by the embargo.
      assertThat(e).hasMessageContaining("no training periods left");
      assertThat(anchored).isFalse();
      return;
    }
    assertThat(windows).isNotEmpty();
    int previousTestEnd = -1;
    for (int k = 0; k < windows.size(); k++) {
      Window w = windows.get(k);
      IndexRange t = w.test();
      assertThat(w.index()).isEqualTo(k);
      assertThat(t.length()).isEqualTo(test);
      assertThat(t.from()).isEqualTo(train + purge + k * (test + extraStep));
      assertThat(t.to()).isLessThanOrEqualTo(n);
      // Test windows are disjoint and in time order.
      assertThat(t.from()).isGreaterThanOrEqualTo(previousTestEnd);
      previousTestEnd = t.to();
      int trainStart = anchored ? 0 : t.from() - purge - train;
      for (IndexRange r : w.train()) {
        for (int p = r.from(); p < r.to(); p++) {
          // Never overlaps the test window, and the purge gap is respected.
          assertThat(p).isLessThan(t.from() - purge);
          assertThat(p).isGreaterThanOrEqualTo(trainStart);
          // Embargo: no training period right after an earlier test window.
          for (int j = 0; j < k; j++) {
            IndexRange earlier = windows.get(j).test();
            assertThat(p < earlier.to() || p >= earlier.to() + embargo)
                .as("period %d embargoed after %s in window %d", p, earlier, k)
                .isTrue();
          }
        }
      }
      // Every non-embargoed period of the base range is used for training.
      int expected = 0;
      for (int p = trainStart; p < t.from() - purge; p++) {
        boolean embargoed = false;
        for (int j = 0; j < k; j++) {
          IndexRange earlier = windows.get(j).test();
          embargoed |= p >= earlier.to() && p < earlier.to() + embargo;
        }
        expected += embargoed ? 0 : 1;
      }
      assertThat(w.trainPeriods()).isEqualTo(expected);
    }
    // No further full test window would fit.
    int nextFrom = train + purge + windows.size() * (test + extraStep);
    assertThat(nextFrom + test).isGreaterThan(n);
  }
}

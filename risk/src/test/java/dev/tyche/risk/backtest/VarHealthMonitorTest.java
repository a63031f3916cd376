package dev.tyche.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VarHealthMonitorTest {

  private static final double VAR = 0.02;

  /** Feeds one period: an exceedance is a 3 % loss against a 2 % VaR, otherwise a flat day. */
  private static CoverageStatus feed(VarHealthMonitor m, boolean exceed) {
    return m.update(exceed ? -0.03 : 0.0, VAR);
  }

  @Property(tries = 300)
  void streamingCountsEqualABatchRecomputationOfTheWindow(
      @ForAll @Size(min = 1, max = 400) List<Boolean> stream,
      @ForAll @IntRange(min = 2, max = 60) int window) {
    VarHealthMonitor m = new VarHealthMonitor(window, 0.05, 0.05);
    for (int t = 0; t < stream.size(); t++) {
      feed(m, stream.get(t));
      int from = Math.max(0, t + 1 - window);
      boolean[] expected = new boolean[t + 1 - from];
      for (int i = from; i <= t; i++) {
        expected[i - from] = stream.get(i);
      }
      assertThat(m.windowExceedances()).containsExactly(expected);
      assertThat(m.size()).isEqualTo(expected.length);
      if (expected.length >= 2) {
        ConditionalCoverageResult batch = VarBacktests.conditionalCoverage(expected, 0.05);
        ConditionalCoverageResult streamed = m.testResults();
        assertThat(streamed.pof()).isEqualTo(batch.pof());
        assertThat(streamed.independence().n00()).isEqualTo(batch.independence().n00());
        assertThat(streamed.independence().n01()).isEqualTo(batch.independence().n01());
        assertThat(streamed.independence().n10()).isEqualTo(batch.independence().n10());
        assertThat(streamed.independence().n11()).isEqualTo(batch.independence().n11());
        assertThat(streamed.lr()).isCloseTo(batch.lr(), within(1e-12));
      }
    }
    assertThat(m.updates()).isEqualTo(stream.size());
  }

  @Property(tries = 300)
  void statusAgreesWithThePValuesOfTheBatchTests(
      @ForAll @Size(min = 30, max = 200) List<Boolean> stream,
      @ForAll @IntRange(min = 20, max = 30) int window) {
    VarHealthMonitor m = new VarHealthMonitor(window, 0.1, 0.05);
    CoverageStatus status = null;
    for (boolean b : stream) {
      status = feed(m, b);
    }
    boolean[] w = m.windowExceedances();
    ConditionalCoverageResult cc = VarBacktests.conditionalCoverage(w, 0.1);
    CoverageStatus expected;
    if (cc.pof().rejects(0.05)) {
      expected = cc.pof().observedRate() > 0.1 ? CoverageStatus.TOO_MANY : CoverageStatus.TOO_FEW;
    } else if (cc.independence().rejects(0.05) || cc.rejects(0.05)) {
      expected = CoverageStatus.CLUSTERED;
    } else {
      expected = CoverageStatus.OK;
    }
    assertThat(status).isEqualTo(expected).isEqualTo(m.status());
  }

  @Test
  void classifiesTypicalHistories() {
    VarHealthMonitor m = new VarHealthMonitor(250, 0.01, 0.05);
    assertThat(feed(m, false)).isEqualTo(CoverageStatus.WARMING_UP);
    // 2 scattered exceedances in 250 days at 99 %: fine.
    for (int t = 1; t < 250; t++) {
      feed(m, t == 60 || t == 190);
    }
    assertThat(m.status()).isEqualTo(CoverageStatus.OK);
    assertThat(m.exceedances()).isEqualTo(2);
    // Ten more, spread out: too many.
    for (int t = 0; t < 100; t++) {
      feed(m, t % 10 == 0);
    }
    assertThat(m.status()).isEqualTo(CoverageStatus.TOO_MANY);
    assertThat(m.exceedances()).isEqualTo(11); // the day-190 exceedance is still in the window
    // A long quiet spell: none in 250 days is too few at 99 % (LR = 5.03 > 3.84).
    for (int t = 0; t < 250; t++) {
      feed(m, false);
    }
    assertThat(m.status()).isEqualTo(CoverageStatus.TOO_FEW);
    // Three in a row: the rate passes Kupiec but the cluster fails independence.
    for (int t = 0; t < 100; t++) {
      feed(m, t >= 50 && t < 53);
    }
    assertThat(m.exceedances()).isEqualTo(3);
    assertThat(m.status()).isEqualTo(CoverageStatus.CLUSTERED);
    assertThat(m.window()).isEqualTo(250);
    assertThat(m.significance()).isEqualTo(0.05);
  }

  @Test
  void updatesDoNotAllocate() {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    VarHealthMonitor m = new VarHealthMonitor(250, 0.01, 0.05);
    int sink = 0;
    for (int t = 0; t < 20_000; t++) { // warm-up: class loading and JIT compilation
      sink += feed(m, t % 37 == 0).ordinal();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int t = 0; t < 200_000; t++) {
      sink += feed(m, t % 41 == 0).ordinal();
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sink).isPositive();
    // One boxed value per update would already be 3.2 MB; allow a little measurement noise.
    assertThat(allocated).isLessThan(16_384);
  }

  @Test
  void rejectsBadConfigurationAndInput() {
    assertThatThrownBy(() -> new VarHealthMonitor(1, 0.01, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be >= 2 but was 1");
    assertThatThrownBy(() -> new VarHealthMonitor(10, 0.0, 0.05))
        .hasMessageContaining("expectedRate");
    assertThatThrownBy(() -> new VarHealthMonitor(10, 0.01, 1.0))
        .hasMessageContaining("significance");
    VarHealthMonitor m = new VarHealthMonitor(3, 0.01, 0.05);
    assertThatThrownBy(() -> m.testResults()).isInstanceOf(IllegalStateException.class);
    feed(m, true);
    assertThatThrownBy(() -> m.update(Double.NaN, VAR))
        .hasMessageContaining("returns[1] must be finite");
    assertThatThrownBy(() -> m.update(0.0, Double.NEGATIVE_INFINITY))
        .hasMessageContaining("varForecasts[1] must be finite");
    // A rejected update leaves the monitor unchanged.
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.updates()).isEqualTo(1);
    assertThat(Arrays.equals(m.windowExceedances(), new boolean[] {true})).isTrue();
  }
}

package dev.tyche.risk.drawdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawdownMonitorTest {

  private static final DrawdownPolicy STANDARD = DrawdownPolicy.standard();

  @Test
  void tracksPeakDrawdownAndTimeUnderWaterOnAHandComputedPath() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    assertThat(m.equity()).isNaN();
    assertThat(m.exposureMultiplier()).isEqualTo(1.0);
    m.update(0, 100.0);
    m.update(1_000, 120.0); // new peak
    m.update(3_000, 108.0); // 12 / 120 = 0.1 -> moderate
    assertThat(m.peak()).isEqualTo(120.0);
    assertThat(m.drawdown()).isEqualTo(0.1);
    assertThat(m.timeUnderWaterMillis()).isEqualTo(2_000);
    assertThat(m.tier()).map(DrawdownTier::name).contains("moderate");
    assertThat(m.exposureMultiplier()).isEqualTo(0.5);
    m.update(4_000, 114.0); // 6 / 120 = 0.05 -> mild, exactly on the threshold
    assertThat(m.drawdown()).isEqualTo(0.05);
    assertThat(m.tier()).map(DrawdownTier::name).contains("mild");
    assertThat(m.maxDrawdown()).isEqualTo(0.1);
    m.update(9_000, 120.0); // back at the peak: under water ends
    assertThat(m.drawdown()).isZero();
    assertThat(m.timeUnderWaterMillis()).isZero();
    assertThat(m.maxTimeUnderWaterMillis()).isEqualTo(8_000);
    assertThat(m.tierIndex()).isEqualTo(-1);
    assertThat(m.tier()).isEmpty();
    assertThat(m.exposureMultiplier()).isEqualTo(1.0);
    assertThat(m.updates()).isEqualTo(5);
    DrawdownState s = m.state();
    assertThat(s.timeMillis()).isEqualTo(9_000);
    assertThat(s.maxDrawdown()).isEqualTo(0.1);
    assertThat(s.maxTimeUnderWaterMillis()).isEqualTo(8_000);
    assertThat(s.tierName()).isEmpty();
  }

  @Test
  void thresholdIsReachedAtTheBoundaryAndNotJustBelow() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    m.update(0, 100.0);
    m.update(1, 95.01); // 4.99 %
    assertThat(m.tierIndex()).isEqualTo(-1);
    assertThat(m.update(2, 95.0)).isEqualTo(0.75); // exactly 5 %
    assertThat(m.update(3, 90.0)).isEqualTo(0.5); // exactly 10 %
    assertThat(m.killSwitchEngaged()).isFalse();
    assertThat(m.update(4, 80.01)).isEqualTo(0.5); // 19.99 %
    assertThat(m.update(5, 80.0)).isZero(); // exactly 20 %: severe, kill switch
    assertThat(m.killSwitchEngaged()).isTrue();
  }

  @Test
  void killSwitchLatchesThroughARecoveryUntilReset() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    m.update(0, 1_000.0);
    m.update(1, 750.0); // 25 %
    assertThat(m.killSwitchEngaged()).isTrue();
    assertThat(m.state().tierName()).isEqualTo("severe");
    m.update(2, 1_000.0); // full recovery: tier none, but the switch stays
    assertThat(m.tierIndex()).isEqualTo(-1);
    assertThat(m.killSwitchEngaged()).isTrue();
    assertThat(m.exposureMultiplier()).isZero();
    assertThat(m.state().exposureMultiplier()).isZero();
    assertThat(m.resetKillSwitch()).isTrue();
    assertThat(m.killSwitchEngaged()).isFalse();
    assertThat(m.exposureMultiplier()).isEqualTo(1.0);
  }

  @Test
  void resetWhileStillDeepReEngagesUnlessThePeakIsRebased() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    m.update(0, 1_000.0);
    m.update(1, 700.0); // 30 %
    assertThat(m.resetKillSwitch()).isFalse();
    assertThat(m.killSwitchEngaged()).isTrue();
    m.rebasePeak();
    assertThat(m.peak()).isEqualTo(700.0);
    assertThat(m.drawdown()).isZero();
    assertThat(m.maxDrawdown()).isEqualTo(0.3); // history kept
    assertThat(m.killSwitchEngaged()).isTrue(); // rebase alone does not unlatch
    assertThat(m.resetKillSwitch()).isTrue();
    m.update(2, 665.0); // 35 / 700 = 5 % from the new peak
    assertThat(m.tier()).map(DrawdownTier::name).contains("mild");
  }

  @Test
  void hysteresisDelaysSteppingDown() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD.withHysteresis(0.02));
    m.update(0, 100.0);
    m.update(1, 90.0); // 10 %: moderate
    assertThat(m.tierIndex()).isEqualTo(1);
    m.update(2, 92.0); // 8 % >= 10 % - 2 %: still moderate
    assertThat(m.tierIndex()).isEqualTo(1);
    m.update(3, 92.5); // 7.5 % < 8 %: step down, 7.5 % >= 5 % - 2 %: mild
    assertThat(m.tierIndex()).isEqualTo(0);
    m.update(4, 96.9); // 3.1 % >= 5 % - 2 %: still mild
    assertThat(m.tierIndex()).isEqualTo(0);
    m.update(5, 97.5); // 2.5 %: none
    assertThat(m.tierIndex()).isEqualTo(-1);
    m.update(6, 95.5); // 4.5 %: not yet mild going up (no hysteresis on the way in)
    assertThat(m.tierIndex()).isEqualTo(-1);
  }

  @Test
  void steppingDownSkipsTiersWhoseBandIsLeftToo() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD.withHysteresis(0.01));
    m.update(0, 100.0);
    m.update(1, 85.0); // 15 %: moderate
    m.update(2, 99.0); // 1 %: below every band at once
    assertThat(m.tierIndex()).isEqualTo(-1);
  }

  @Test
  void negativeEquityGivesADrawdownAboveOne() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    m.update(0, 100.0);
    m.update(1, -50.0);
    assertThat(m.drawdown()).isEqualTo(1.5);
    assertThat(m.killSwitchEngaged()).isTrue();
    assertThatThrownBy(m::rebasePeak)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("non-positive equity -50.0");
    assertThat(m.peak()).isEqualTo(100.0);
  }

  @Test
  void emptyPolicyNeverDeRisks() {
    DrawdownMonitor m = new DrawdownMonitor(new DrawdownPolicy(List.of(), 0.0));
    m.update(0, 100.0);
    m.update(1, 1.0);
    assertThat(m.exposureMultiplier()).isEqualTo(1.0);
    assertThat(m.killSwitchEngaged()).isFalse();
    assertThat(m.maxDrawdown()).isEqualTo(0.99);
  }

  @Test
  void rejectsBadUpdatesAndLeavesTheMonitorUnchanged() {
    DrawdownMonitor m = new DrawdownMonitor(STANDARD);
    assertThatThrownBy(m::state).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(m::rebasePeak).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> m.update(0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first equity must be > 0 so that drawdowns are defined but was 0.0");
    assertThatThrownBy(() -> m.update(0, -1.0)).isInstanceOf(IllegalArgumentException.class);
    m.update(10, 100.0);
    m.update(20, 90.0);
    assertThatThrownBy(() -> m.update(30, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity must be finite but was NaN at 30");
    assertThatThrownBy(() -> m.update(30, Double.POSITIVE_INFINITY))
        .hasMessageContaining("equity must be finite but was Infinity");
    assertThatThrownBy(() -> m.update(30, Double.NEGATIVE_INFINITY))
        .hasMessageContaining("equity must be finite");
    assertThatThrownBy(() -> m.update(19, 95.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeMillis must be >= the previous update's 20 but was 19");
    assertThat(m.updates()).isEqualTo(2);
    assertThat(m.equity()).isEqualTo(90.0);
    assertThat(m.drawdown()).isEqualTo(0.1);
    assertThat(m.timeMillis()).isEqualTo(20);
    assertThatThrownBy(() -> new DrawdownMonitor(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void updatesDoNotAllocate() {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    DrawdownMonitor m = new DrawdownMonitor(STANDARD.withHysteresis(0.01));
    DailyLossTracker daily = new DailyLossTracker(0);
    double sink = 0;
    for (int t = 0; t < 20_000; t++) { // warm-up: class loading and JIT compilation
      sink += feed(m, daily, t);
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int t = 20_000; t < 220_000; t++) {
      sink += feed(m, daily, t);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sink).isNotNaN();
    // One boxed double per update would already be 3.2 MB; allow a little measurement noise.
    assertThat(allocated).isLessThan(16_384);
  }

  private static double feed(DrawdownMonitor m, DailyLossTracker daily, int t) {
    // A saw-tooth between 100 and 70 crosses every tier, in both directions.
    double equity = 100.0 - (t % 300) * 0.1;
    long time = t * 60_000L;
    return m.update(time, equity) + daily.update(time, equity) + m.maxDrawdown();
  }
}

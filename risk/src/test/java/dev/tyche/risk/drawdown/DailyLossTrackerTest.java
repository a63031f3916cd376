package dev.tyche.risk.drawdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DailyLossTrackerTest {

  private static final long DAY = DailyLossTracker.DAY_MILLIS;
  private static final long HOUR = 3_600_000L;

  @Test
  void startOfDayEquityIsTheLastValueBeforeTheBoundary() {
    DailyLossTracker d = new DailyLossTracker(0);
    assertThat(d.todayPnl()).isZero();
    assertThat(d.startOfDayEquity()).isNaN();
    d.update(10 * DAY + 5 * HOUR, 1_000.0); // first update: start of day = itself
    assertThat(d.startOfDayEquity()).isEqualTo(1_000.0);
    assertThat(d.dayStartMillis()).isEqualTo(10 * DAY);
    d.update(10 * DAY + 9 * HOUR, 940.0);
    assertThat(d.todayPnl()).isEqualTo(-60.0);
    d.update(10 * DAY + 23 * HOUR, 970.0);
    assertThat(d.worstPnlToday()).isEqualTo(-60.0);
    assertThat(d.update(11 * DAY + HOUR, 950.0)).isEqualTo(-20.0); // new day starts from 970
    assertThat(d.startOfDayEquity()).isEqualTo(970.0);
    assertThat(d.worstPnlToday()).isEqualTo(-20.0);
    assertThat(d.equity()).isEqualTo(950.0);
    assertThat(d.updates()).isEqualTo(4);
  }

  @Test
  void dayStartOffsetMovesTheBoundary() {
    DailyLossTracker d = new DailyLossTracker(8 * HOUR);
    assertThat(d.dayOf(8 * HOUR - 1)).isEqualTo(-1);
    assertThat(d.dayOf(8 * HOUR)).isZero();
    d.update(DAY + 7 * HOUR, 100.0);
    assertThat(d.dayStartMillis()).isEqualTo(8 * HOUR);
    d.update(DAY + 7 * HOUR + 59 * 60_000, 90.0); // same trading day
    assertThat(d.todayPnl()).isEqualTo(-10.0);
    d.update(DAY + 8 * HOUR, 91.0); // the 08:00 boundary
    assertThat(d.startOfDayEquity()).isEqualTo(90.0);
    assertThat(d.todayPnl()).isEqualTo(1.0);
  }

  @Test
  void cashFlowsAreNotPnl() {
    DailyLossTracker d = new DailyLossTracker(0);
    d.update(0, 1_000.0);
    d.recordCashFlow(-400.0); // withdrawal
    d.update(HOUR, 590.0);
    assertThat(d.startOfDayEquity()).isEqualTo(600.0);
    assertThat(d.todayPnl()).isEqualTo(-10.0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new DailyLossTracker(-1))
        .hasMessageContaining("dayStartOffsetMillis must be in [0, 86400000) but was -1");
    assertThatThrownBy(() -> new DailyLossTracker(DAY))
        .hasMessageContaining("dayStartOffsetMillis");
    DailyLossTracker d = new DailyLossTracker(0);
    assertThatThrownBy(() -> d.recordCashFlow(1.0)).isInstanceOf(IllegalStateException.class);
    d.update(100, 50.0);
    assertThatThrownBy(() -> d.update(200, Double.NaN))
        .hasMessageContaining("equity must be finite but was NaN");
    assertThatThrownBy(() -> d.update(99, 50.0))
        .hasMessageContaining("timeMillis must be >= the previous update's 100 but was 99");
    assertThatThrownBy(() -> d.recordCashFlow(Double.POSITIVE_INFINITY))
        .hasMessageContaining("amount must be finite");
    assertThat(d.updates()).isEqualTo(1);
    assertThat(d.update(100, -5.0)).isEqualTo(-55.0); // negative equity is allowed
  }
}

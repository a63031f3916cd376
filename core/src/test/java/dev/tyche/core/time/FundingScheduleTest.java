package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FundingScheduleTest {

  private static final long H = 3_600_000L;

  private static long t(String iso) {
    return Timestamps.parse(iso);
  }

  @Test
  void acceptsDivisorsOf24Only() {
    for (int h : new int[] {1, 2, 3, 4, 6, 8, 12, 24}) {
      FundingSchedule schedule = FundingSchedule.everyHours(h);
      assertThat(schedule.intervalHours()).isEqualTo(h);
      assertThat(schedule.intervalMillis()).isEqualTo(h * H);
      assertThat(schedule.interval()).isEqualTo(Duration.ofHours(h));
      assertThat(schedule.fundingsPerDay() * h).isEqualTo(24);
    }
    for (int bad : new int[] {0, -1, -8, 5, 7, 9, 16, 25, 48, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> FundingSchedule.everyHours(bad))
          .as("%d", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("intervalHours must be a divisor of 24")
          .hasMessageContaining("but was " + bad);
    }
    assertThat(FundingSchedule.EVERY_8_HOURS).isEqualTo(new FundingSchedule(8));
    assertThat(FundingSchedule.EVERY_8_HOURS)
        .hasToString("FundingSchedule[every 8h from 00:00 UTC]");
  }

  @Test
  void eightHourGridIsMidnightEightAndSixteenUtc() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    assertThat(s.isFundingTime(t("2023-07-04T00:00Z"))).isTrue();
    assertThat(s.isFundingTime(t("2023-07-04T08:00Z"))).isTrue();
    assertThat(s.isFundingTime(t("2023-07-04T16:00Z"))).isTrue();
    assertThat(s.isFundingTime(t("2023-07-04T04:00Z"))).isFalse();
    assertThat(s.isFundingTime(t("2023-07-04T08:00:00.001Z"))).isFalse();
    assertThat(s.fundingsPerDay()).isEqualTo(3);
  }

  @Test
  void nextIsStrictlyAfterAndPreviousIsAtOrBefore() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    long noon = t("2023-07-04T12:00Z");
    assertThat(s.previousFundingTime(noon)).isEqualTo(t("2023-07-04T08:00Z"));
    assertThat(s.nextFundingTime(noon)).isEqualTo(t("2023-07-04T16:00Z"));
    // Exactly at a funding time: it has happened, the next one is 8 h later.
    long sixteen = t("2023-07-04T16:00Z");
    assertThat(s.previousFundingTime(sixteen)).isEqualTo(sixteen);
    assertThat(s.nextFundingTime(sixteen)).isEqualTo(t("2023-07-05T00:00Z"));
    assertThat(s.nextFundingTime(sixteen - 1)).isEqualTo(sixteen);
    // 4 h and 1 h schedules, also anchored at 00:00 UTC.
    assertThat(FundingSchedule.everyHours(4).nextFundingTime(noon + 1))
        .isEqualTo(t("2023-07-04T16:00Z"));
    assertThat(FundingSchedule.everyHours(1).previousFundingTime(t("2023-07-04T12:59:59.999Z")))
        .isEqualTo(noon);
    assertThat(FundingSchedule.everyHours(24).nextFundingTime(noon)).isEqualTo(t("2023-07-05"));
    assertThat(s.previousFundingTime(0)).isZero();
  }

  @Test
  void fundingTimesBetweenIsHalfOpen() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    long from = t("2023-07-04T00:00Z");
    long to = t("2023-07-05T00:00Z");
    // (from, to]: 00:00 on the 4th is excluded, 00:00 on the 5th included.
    assertThat(s.fundingTimesBetween(from, to))
        .containsExactly(t("2023-07-04T08:00Z"), t("2023-07-04T16:00Z"), to);
    assertThat(s.fundingTimesBetween(from, from)).isEmpty();
    assertThat(s.fundingTimesBetween(from + 1, from + 8 * H - 1)).isEmpty();
    assertThat(s.fundingTimesBetween(from - 1, from)).containsExactly(from);
    assertThat(FundingSchedule.everyHours(1).fundingTimesBetween(from, from + 3 * H + 5))
        .containsExactly(from + H, from + 2 * H, from + 3 * H);
    // Consecutive steps settle every funding exactly once.
    long mid = t("2023-07-04T08:00Z");
    assertThat(s.fundingTimesBetween(from, mid)).containsExactly(mid);
    assertThat(s.fundingTimesBetween(mid, to)).containsExactly(t("2023-07-04T16:00Z"), to);
  }

  @Test
  void fundingTimesBetweenRejectsBadRanges() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    assertThatThrownBy(() -> s.fundingTimesBetween(10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from must be <= to")
        .hasMessageContaining("10 (")
        .hasMessageContaining("5 (");
    assertThatThrownBy(() -> s.fundingTimesBetween(-1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> s.fundingTimesBetween(0, Timestamps.MAX_MILLIS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to");
    assertThat(FundingSchedule.everyHours(1).fundingTimesBetween(0, 100 * H)).hasSize(100);
  }

  @Test
  void snapsBinanceJitterToTheGrid() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    // From Binance's BTCUSDT funding history: 1568476800001 is 2019-09-14T16:00:00.001Z.
    assertThat(s.nearestFundingTime(1_568_476_800_001L, 1_000)).isEqualTo(1_568_476_800_000L);
    assertThat(s.nearestFundingTime(1_568_476_799_990L, 1_000)).isEqualTo(1_568_476_800_000L);
    assertThat(s.nearestFundingTime(1_568_476_800_000L, 0)).isEqualTo(1_568_476_800_000L);
    assertThat(s.nearestFundingTime(1_568_476_800_047L, Duration.ofSeconds(1)))
        .isEqualTo(1_568_476_800_000L);
    assertThat(s.nearestFundingTime(5, 10)).isZero();
  }

  @Test
  void refusesToSnapFarValues() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_802_000L, 1_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1568476802000")
        .hasMessageContaining("is 2000 ms from the nearest 8h funding time 1568476800000")
        .hasMessageContaining("tolerance of 1000 ms");
    assertThatThrownBy(() -> s.nearestFundingTime(t("2023-07-04T12:00Z"), 4 * H - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("14400000 ms from the nearest");
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_800_001L, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toleranceMillis must be in [0, 14400000)")
        .hasMessageContaining("but was -1");
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_800_001L, 4 * H))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toleranceMillis");
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_800_001L, Duration.ofHours(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance must be in [0, PT4H)");
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_800_001L, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.nearestFundingTime(1_568_476_800_001L, (Duration) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> s.nearestFundingTime(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamp");
  }

  @Test
  void rejectsInvalidTimestamps() {
    FundingSchedule s = FundingSchedule.EVERY_8_HOURS;
    assertThatThrownBy(() -> s.isFundingTime(-8 * H))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> s.nextFundingTime(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.previousFundingTime(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

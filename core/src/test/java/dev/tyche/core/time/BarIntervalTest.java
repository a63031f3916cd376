package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarIntervalTest {

  private static long t(String iso) {
    return Timestamps.parse(iso);
  }

  @Test
  void parsesEveryBinanceCodeAndPrintsItBack() {
    List<String> codes =
        List.of(
            "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w",
            "1M");
    assertThat(BarInterval.values()).hasSize(codes.size());
    for (String code : codes) {
      BarInterval interval = BarInterval.parse(code);
      assertThat(interval.code()).isEqualTo(code);
      assertThat(interval).hasToString(code);
    }
    assertThat(BarInterval.parse("1m")).isEqualTo(BarInterval.MINUTE_1);
    assertThat(BarInterval.parse("1M")).isEqualTo(BarInterval.MONTH_1);
  }

  @Test
  void rejectsUnknownCodesListingTheAcceptedOnes() {
    for (String bad : new String[] {"", "1s", "2d", "1H", "1W", "-1h", "0m", "60m", " 1h", "1mo"}) {
      assertThatThrownBy(() -> BarInterval.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M");
    }
    assertThatThrownBy(() -> BarInterval.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("code");
  }

  @Test
  void fixedDurations() {
    assertThat(BarInterval.MINUTE_1.durationMillis()).isEqualTo(60_000L);
    assertThat(BarInterval.MINUTE_15.durationMillis()).isEqualTo(900_000L);
    assertThat(BarInterval.HOUR_1.durationMillis()).isEqualTo(3_600_000L);
    assertThat(BarInterval.HOUR_12.duration()).isEqualTo(Duration.ofHours(12));
    assertThat(BarInterval.DAY_1.duration()).isEqualTo(Duration.ofDays(1));
    assertThat(BarInterval.DAY_3.duration()).isEqualTo(Duration.ofDays(3));
    assertThat(BarInterval.WEEK_1.durationMillis()).isEqualTo(604_800_000L);
    for (BarInterval interval : BarInterval.values()) {
      assertThat(interval.isFixedLength()).isEqualTo(interval != BarInterval.MONTH_1);
    }
    assertThatThrownBy(BarInterval.MONTH_1::durationMillis)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("1M")
        .hasMessageContaining("nextOpen");
    assertThatThrownBy(BarInterval.MONTH_1::duration)
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void binanceExamples() {
    // 1h: the first BTCUSDT perpetual bar in this project's data opens 2019-09-08T17:00Z.
    assertThat(BarInterval.HOUR_1.isAligned(1_567_962_000_000L)).isTrue();
    assertThat(BarInterval.HOUR_1.closeTimeOf(1_567_962_000_000L)).isEqualTo(1_567_965_599_999L);
    assertThat(BarInterval.HOUR_1.openTimeOf(1_567_965_599_999L)).isEqualTo(1_567_962_000_000L);
    assertThat(BarInterval.HOUR_1.nextOpen(1_567_962_000_000L)).isEqualTo(1_567_965_600_000L);
    // 1m, from Binance's kline stream example: t=1699999980000, T=1700000039999.
    assertThat(BarInterval.MINUTE_1.openTimeOf(1_700_000_000_500L)).isEqualTo(1_699_999_980_000L);
    assertThat(BarInterval.MINUTE_1.closeTimeOf(1_699_999_980_000L)).isEqualTo(1_700_000_039_999L);
    // 1w, from Binance's GET /fapi/v1/klines response example: open 1499040000000 (Monday
    // 2017-07-03), close 1499644799999.
    assertThat(BarInterval.WEEK_1.isAligned(1_499_040_000_000L)).isTrue();
    assertThat(BarInterval.WEEK_1.closeTimeOf(1_499_040_000_000L)).isEqualTo(1_499_644_799_999L);
  }

  @Test
  void subDayIntervalsAlignToTheClock() {
    long ts = t("2024-03-10T13:47:31.250Z");
    assertThat(BarInterval.MINUTE_1.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:47Z"));
    assertThat(BarInterval.MINUTE_3.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:45Z"));
    assertThat(BarInterval.MINUTE_5.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:45Z"));
    assertThat(BarInterval.MINUTE_15.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:45Z"));
    assertThat(BarInterval.MINUTE_30.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:30Z"));
    assertThat(BarInterval.HOUR_1.openTimeOf(ts)).isEqualTo(t("2024-03-10T13:00Z"));
    assertThat(BarInterval.HOUR_2.openTimeOf(ts)).isEqualTo(t("2024-03-10T12:00Z"));
    assertThat(BarInterval.HOUR_4.openTimeOf(ts)).isEqualTo(t("2024-03-10T12:00Z"));
    assertThat(BarInterval.HOUR_6.openTimeOf(ts)).isEqualTo(t("2024-03-10T12:00Z"));
    assertThat(BarInterval.HOUR_8.openTimeOf(ts)).isEqualTo(t("2024-03-10T08:00Z"));
    assertThat(BarInterval.HOUR_12.openTimeOf(ts)).isEqualTo(t("2024-03-10T12:00Z"));
    assertThat(BarInterval.DAY_1.openTimeOf(ts)).isEqualTo(t("2024-03-10"));
    // 4h bars at 00, 04, 08 ... UTC, not shifted to any local session.
    assertThat(BarInterval.HOUR_4.nextOpen(ts)).isEqualTo(t("2024-03-10T16:00Z"));
    assertThat(BarInterval.DAY_1.closeTimeOf(t("2024-03-10")))
        .isEqualTo(t("2024-03-10T23:59:59.999Z"));
  }

  @Test
  void threeDayBarsUseEpochBuckets() {
    // 2023-12-31 is day 19722 = 3 * 6574 after 1970-01-01, so it opens a 3d bar.
    assertThat(BarInterval.DAY_3.openTimeOf(t("2024-01-01T12:00Z"))).isEqualTo(t("2023-12-31"));
    assertThat(BarInterval.DAY_3.openTimeOf(t("2024-01-02T23:59:59.999Z")))
        .isEqualTo(t("2023-12-31"));
    assertThat(BarInterval.DAY_3.openTimeOf(t("2024-01-03"))).isEqualTo(t("2024-01-03"));
    assertThat(BarInterval.DAY_3.openTimeOf(t("1970-01-03T23:00Z"))).isZero();
    assertThat(BarInterval.DAY_3.nextOpen(0)).isEqualTo(t("1970-01-04"));
  }

  @Test
  void weeksOpenOnMonday() {
    // Wednesday 2024-01-03 and Sunday 2024-01-07 23:59:59.999 belong to the week of Monday
    // 2024-01-01; Monday 2024-01-08 00:00 opens the next one.
    assertThat(BarInterval.WEEK_1.openTimeOf(t("2024-01-03T10:00Z"))).isEqualTo(t("2024-01-01"));
    assertThat(BarInterval.WEEK_1.openTimeOf(t("2024-01-07T23:59:59.999Z")))
        .isEqualTo(t("2024-01-01"));
    assertThat(BarInterval.WEEK_1.openTimeOf(t("2024-01-08"))).isEqualTo(t("2024-01-08"));
    assertThat(BarInterval.WEEK_1.nextOpen(t("2024-01-03"))).isEqualTo(t("2024-01-08"));
    assertThat(
            Instant.ofEpochMilli(BarInterval.WEEK_1.openTimeOf(t("2024-02-29T12:00Z")))
                .atOffset(ZoneOffset.UTC)
                .getDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
    // 1970-01-01 was a Thursday: its week opened on Monday 1969-12-29, before the epoch.
    assertThat(BarInterval.WEEK_1.openTimeOf(0)).isEqualTo(-3 * 86_400_000L);
    assertThat(BarInterval.WEEK_1.closeTimeOf(-3 * 86_400_000L)).isEqualTo(t("1970-01-05") - 1);
    assertThat(BarInterval.WEEK_1.openTimeOf(t("1970-01-05"))).isEqualTo(t("1970-01-05"));
    assertThatThrownBy(() -> BarInterval.WEEK_1.openTimeOf(-3 * 86_400_000L - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1w");
  }

  @Test
  void monthsFollowTheCalendar() {
    BarInterval m = BarInterval.MONTH_1;
    // 31-day month.
    assertThat(m.openTimeOf(t("2024-01-31T23:59:59.999Z"))).isEqualTo(t("2024-01-01"));
    assertThat(m.nextOpen(t("2024-01-15"))).isEqualTo(t("2024-02-01"));
    assertThat(m.closeTimeOf(t("2024-01-01"))).isEqualTo(t("2024-01-31T23:59:59.999Z"));
    // 29-day February of a leap year.
    assertThat(m.openTimeOf(t("2024-02-29T12:00Z"))).isEqualTo(t("2024-02-01"));
    assertThat(m.nextOpen(t("2024-02-01")) - t("2024-02-01")).isEqualTo(29 * 86_400_000L);
    assertThat(m.closeTimeOf(t("2024-02-01"))).isEqualTo(t("2024-02-29T23:59:59.999Z"));
    // 28-day February; 2100 is not a leap year, 2000 is.
    assertThat(m.nextOpen(t("2023-02-10")) - t("2023-02-01")).isEqualTo(28 * 86_400_000L);
    assertThat(m.nextOpen(t("2100-02-10")) - t("2100-02-01")).isEqualTo(28 * 86_400_000L);
    assertThat(m.nextOpen(t("2000-02-10")) - t("2000-02-01")).isEqualTo(29 * 86_400_000L);
    // 30-day month.
    assertThat(m.closeTimeOf(t("2024-04-01"))).isEqualTo(t("2024-04-30T23:59:59.999Z"));
    assertThat(m.openTimeOf(t("2024-05-01"))).isEqualTo(t("2024-05-01"));
    assertThat(m.openTimeOf(t("2024-05-01") - 1)).isEqualTo(t("2024-04-01"));
    // Year boundary.
    assertThat(m.nextOpen(t("2023-12-31T23:59:59.999Z"))).isEqualTo(t("2024-01-01"));
    assertThat(m.openTimeOf(0)).isZero();
    assertThat(m.isAligned(t("2024-03-01"))).isTrue();
    assertThat(m.isAligned(t("2024-03-02"))).isFalse();
    assertThat(m.isAligned(t("2024-03-01T00:00:00.001Z"))).isFalse();
    // The last month of the valid range: its next open is just past it.
    assertThat(m.nextOpen(Timestamps.MAX_MILLIS)).isEqualTo(Timestamps.MAX_MILLIS + 1);
  }

  @Test
  void closeTimeRequiresAnOpenTime() {
    assertThatThrownBy(() -> BarInterval.HOUR_1.closeTimeOf(1_567_962_000_001L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openTime must be a 1h bar open time")
        .hasMessageContaining("1567962000001")
        .hasMessageContaining("1567962000000");
    assertThatThrownBy(() -> BarInterval.MONTH_1.closeTimeOf(t("2024-02-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-02-01T00:00:00.000Z");
  }

  @Test
  void barIsUsableOnlyAfterItsClose() {
    long open = 1_567_962_000_000L;
    assertThat(BarInterval.HOUR_1.isClosedAt(open, open)).isFalse();
    assertThat(BarInterval.HOUR_1.isClosedAt(open, 1_567_965_599_999L)).isFalse();
    assertThat(BarInterval.HOUR_1.isClosedAt(open, 1_567_965_600_000L)).isTrue();
    assertThat(BarInterval.MONTH_1.isClosedAt(t("2024-02-01"), t("2024-02-29T23:59Z"))).isFalse();
    assertThat(BarInterval.MONTH_1.isClosedAt(t("2024-02-01"), t("2024-03-01"))).isTrue();
  }

  @Test
  void rejectsTimestampsOutsideTheDomain() {
    for (BarInterval interval : BarInterval.values()) {
      assertThatThrownBy(() -> interval.openTimeOf(Long.MIN_VALUE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timestamp")
          .hasMessageContaining(Long.toString(Long.MIN_VALUE));
      assertThatThrownBy(() -> interval.nextOpen(Timestamps.MAX_MILLIS + 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> BarInterval.HOUR_1.openTimeOf(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 (1969-12-31T23:59:59.999Z)");
  }

  @Test
  void bucketsSortedTimestamps() {
    long h = 3_600_000L;
    long base = 1_567_962_000_000L;
    long[] ts = {
      base, base + 1, base + 1, base + h - 1, base + h, base + 3 * h + 5, base + 3 * h + 9
    };
    assertThat(BarInterval.HOUR_1.bucketOpenTimes(ts))
        .containsExactly(base, base, base, base, base + h, base + 3 * h, base + 3 * h);
    // The empty bar [base + 2h, base + 3h) is absent.
    assertThat(BarInterval.HOUR_1.bucketStarts(ts)).containsExactly(0, 4, 5);
    assertThat(
            BarInterval.MONTH_1.bucketStarts(
                new long[] {t("2024-01-31"), t("2024-02-01"), t("2024-02-29"), t("2024-03-01")}))
        .containsExactly(0, 1, 3);
    assertThat(BarInterval.DAY_1.bucketOpenTimes(new long[0])).isEmpty();
    assertThat(BarInterval.DAY_1.bucketStarts(new long[0])).isEmpty();
    // The input is not modified.
    long[] copy = ts.clone();
    BarInterval.HOUR_4.bucketOpenTimes(ts);
    assertThat(ts).isEqualTo(copy);
    assertThat(Arrays.equals(ts, copy)).isTrue();
  }

  @Test
  void bucketingRejectsBadInput() {
    assertThatThrownBy(() -> BarInterval.HOUR_1.bucketOpenTimes(new long[] {10, 20, 15}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-decreasing")
        .hasMessageContaining("timestamps[2] = 15")
        .hasMessageContaining("timestamps[1] = 20");
    assertThatThrownBy(() -> BarInterval.HOUR_1.bucketStarts(new long[] {10, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamps[1]");
    assertThatThrownBy(() -> BarInterval.HOUR_1.bucketStarts(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("timestamps");
  }
}

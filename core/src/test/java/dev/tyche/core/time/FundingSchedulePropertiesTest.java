package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FundingSchedulePropertiesTest {

  // Up to 2100-01-01, so that ranges of a few days stay valid.
  private static final long UPPER = 4_102_444_800_000L;

  @Provide
  Arbitrary<FundingSchedule> schedules() {
    return Arbitraries.of(1, 2, 3, 4, 6, 8, 12, 24).map(FundingSchedule::everyHours);
  }

  @Property
  void previousAndNextBracketTheTimestamp(
      @ForAll("schedules") FundingSchedule s, @ForAll @LongRange(min = 0, max = UPPER) long ts) {
    long previous = s.previousFundingTime(ts);
    long next = s.nextFundingTime(ts);
    assertThat(previous).isLessThanOrEqualTo(ts);
    assertThat(next).isGreaterThan(ts);
    assertThat(next - previous).isEqualTo(s.intervalMillis());
    assertThat(s.isFundingTime(previous)).isTrue();
    assertThat(s.isFundingTime(next)).isTrue();
    assertThat(s.isFundingTime(ts)).isEqualTo(previous == ts);
  }

  /**
   * The grid is anchored at 00:00 UTC: every funding time is a whole multiple of the interval after
   * midnight, checked with calendar fields rather than epoch arithmetic.
   */
  @Property
  void fundingTimesAreOnTheDailyGrid(
      @ForAll("schedules") FundingSchedule s, @ForAll @LongRange(min = 0, max = UPPER) long ts) {
    ZonedDateTime t = Instant.ofEpochMilli(s.nextFundingTime(ts)).atZone(ZoneOffset.UTC);
    assertThat(t.getMinute()).isZero();
    assertThat(t.getSecond()).isZero();
    assertThat(t.getNano()).isZero();
    assertThat(t.getHour() % s.intervalHours()).isZero();
  }

  @Property
  void fundingTimesBetweenAreExactlyTheGridPointsInTheRange(
      @ForAll("schedules") FundingSchedule s,
      @ForAll @LongRange(min = 0, max = UPPER) long from,
      @ForAll @LongRange(min = 0, max = 10L * 86_400_000L) long length) {
    long to = from + length;
    long[] times = s.fundingTimesBetween(from, to);
    long interval = s.intervalMillis();
    // Independent count: multiples of the interval in (from, to].
    assertThat((long) times.length).isEqualTo(to / interval - from / interval);
    for (int i = 0; i < times.length; i++) {
      assertThat(s.isFundingTime(times[i])).isTrue();
      assertThat(times[i]).isGreaterThan(from).isLessThanOrEqualTo(to);
      if (i > 0) {
        assertThat(times[i] - times[i - 1]).isEqualTo(interval);
      }
    }
  }

  @Property
  void snappingRecoversTheGridTimeFromJitter(
      @ForAll("schedules") FundingSchedule s,
      @ForAll @LongRange(min = 1, max = UPPER) long ts,
      @ForAll @IntRange(min = -1_000, max = 1_000) int jitter) {
    long grid = s.nextFundingTime(ts);
    long recorded = grid + jitter;
    assertThat(s.nearestFundingTime(recorded, 1_000)).isEqualTo(grid);
    assertThat(s.nearestFundingTime(recorded, Math.abs(jitter))).isEqualTo(grid);
  }
}

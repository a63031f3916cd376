package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class BarIntervalPropertiesTest {

  private static final long MAX = Timestamps.MAX_MILLIS;

  @Property
  void openTimeBracketsTheTimestamp(
      @ForAll BarInterval interval, @ForAll @LongRange(min = 0, max = MAX) long ts) {
    long open = interval.openTimeOf(ts);
    long next = interval.nextOpen(ts);
    assertThat(open).isLessThanOrEqualTo(ts);
    assertThat(ts).isLessThan(next);
    assertThat(interval.closeTimeOf(open)).isEqualTo(next - 1);
    assertThat(interval.nextOpen(open)).isEqualTo(next);
    if (interval.isFixedLength()) {
      assertThat(next - open).isEqualTo(interval.durationMillis());
    } else {
      assertThat(next - open).isBetween(28 * 86_400_000L, 31 * 86_400_000L);
    }
  }

  @Property
  void alignmentIsIdempotent(
      @ForAll BarInterval interval, @ForAll @LongRange(min = 0, max = MAX) long ts) {
    long open = interval.openTimeOf(ts);
    assertThat(interval.isAligned(open)).isTrue();
    assertThat(interval.openTimeOf(open)).isEqualTo(open);
    assertThat(interval.isAligned(ts)).isEqualTo(open == ts);
    long next = interval.nextOpen(ts);
    // The next open of the last bars lies past the valid range (10000-01-01 or later).
    if (next <= MAX) {
      assertThat(interval.isAligned(next)).isTrue();
    }
  }

  /** Checks the epoch-millisecond arithmetic against calendar-field arithmetic in java.time. */
  @Property
  void agreesWithCalendarTruncation(
      @ForAll BarInterval interval, @ForAll @LongRange(min = 0, max = MAX) long ts) {
    LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(ts), ZoneOffset.UTC);
    LocalDateTime open;
    LocalDateTime next;
    switch (interval) {
      case MINUTE_1, MINUTE_3, MINUTE_5, MINUTE_15, MINUTE_30 -> {
        int minutes = Integer.parseInt(interval.code().replace("m", ""));
        LocalDateTime m = time.truncatedTo(ChronoUnit.MINUTES);
        open = m.withMinute(m.getMinute() - m.getMinute() % minutes);
        next = open.plusMinutes(minutes);
      }
      case HOUR_1, HOUR_2, HOUR_4, HOUR_6, HOUR_8, HOUR_12 -> {
        int hours = Integer.parseInt(interval.code().replace("h", ""));
        LocalDateTime h = time.truncatedTo(ChronoUnit.HOURS);
        open = h.withHour(h.getHour() - h.getHour() % hours);
        next = open.plusHours(hours);
      }
      case DAY_1 -> {
        open = time.truncatedTo(ChronoUnit.DAYS);
        next = open.plusDays(1);
      }
      case DAY_3 -> {
        long day = time.toLocalDate().toEpochDay();
        open = time.toLocalDate().minusDays(Math.floorMod(day, 3)).atStartOfDay();
        next = open.plusDays(3);
      }
      case WEEK_1 -> {
        open =
            time.toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay();
        next = open.plusWeeks(1);
      }
      case MONTH_1 -> {
        open = time.toLocalDate().withDayOfMonth(1).atStartOfDay();
        next = open.plusMonths(1);
      }
      default -> throw new AssertionError("no oracle for " + interval);
    }
    assertThat(interval.openTimeOf(ts)).isEqualTo(open.toInstant(ZoneOffset.UTC).toEpochMilli());
    assertThat(interval.nextOpen(ts)).isEqualTo(next.toInstant(ZoneOffset.UTC).toEpochMilli());
  }

  @Property
  void bucketsMatchOpenTimesAndRuns(
      @ForAll BarInterval interval,
      @ForAll @Size(max = 50) long[] raw,
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long origin) {
    // Build sorted timestamps near one origin, so that many share a bar.
    long[] ts = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      ts[i] = origin + Math.floorMod(raw[i], 40L * 86_400_000L);
    }
    Arrays.sort(ts);
    long[] opens = interval.bucketOpenTimes(ts);
    int[] starts = interval.bucketStarts(ts);
    assertThat(opens).hasSameSizeAs(ts);
    for (int i = 0; i < ts.length; i++) {
      assertThat(opens[i]).isEqualTo(interval.openTimeOf(ts[i]));
    }
    // A run starts exactly where the open time changes.
    int k = 0;
    for (int i = 0; i < ts.length; i++) {
      if (i == 0 || opens[i] != opens[i - 1]) {
        assertThat(starts[k++]).isEqualTo(i);
      }
    }
    assertThat(starts).hasSize(k);
  }
}

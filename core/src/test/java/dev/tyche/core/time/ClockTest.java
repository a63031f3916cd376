package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockTest {

  private static final long T0 = 1_567_962_000_000L; // 2019-09-08T17:00:00Z

  @Test
  void systemClockReadsAPlausibleWallClock() {
    Clock clock = SystemClock.INSTANCE;
    long millis = clock.currentTimeMillis();
    // After this code was written (2020-01-01) and before the end of the valid range.
    assertThat(millis)
        .isGreaterThan(Timestamps.parse("2020-01-01"))
        .isLessThan(Timestamps.MAX_MILLIS);
    Instant instant = clock.instant();
    assertThat(instant.toEpochMilli()).isGreaterThanOrEqualTo(millis - 60_000L);
    assertThat(SystemClock.INSTANCE).isSameAs(clock).hasToString("SystemClock");
  }

  @Test
  void simulatedClockStartsWhereToldAndReportsInstant() {
    SimulatedClock clock = SimulatedClock.startingAt(T0);
    assertThat(clock.currentTimeMillis()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2019-09-08T17:00:00Z"));
    assertThat(clock).hasToString("SimulatedClock[2019-09-08T17:00:00.000Z]");
    assertThat(SimulatedClock.startingAt(Instant.parse("2019-09-08T17:00:00Z")).currentTimeMillis())
        .isEqualTo(T0);
  }

  @Test
  void advancesForwardsAndMayStayPut() {
    SimulatedClock clock = new SimulatedClock(T0);
    clock.advanceTo(T0 + 5);
    assertThat(clock.currentTimeMillis()).isEqualTo(T0 + 5);
    clock.advanceTo(T0 + 5);
    assertThat(clock.currentTimeMillis()).isEqualTo(T0 + 5);
    clock.advanceBy(10);
    assertThat(clock.currentTimeMillis()).isEqualTo(T0 + 15);
    clock.advanceBy(Duration.ofHours(1));
    assertThat(clock.currentTimeMillis()).isEqualTo(T0 + 15 + 3_600_000L);
    clock.advanceBy(0);
    clock.advanceBy(Duration.ZERO);
    assertThat(clock.currentTimeMillis()).isEqualTo(T0 + 15 + 3_600_000L);
  }

  @Test
  void refusesToGoBackwardsNamingBothTimes() {
    SimulatedClock clock = new SimulatedClock(T0);
    assertThatThrownBy(() -> clock.advanceTo(T0 - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backwards")
        .hasMessageContaining(Long.toString(T0))
        .hasMessageContaining("2019-09-08T17:00:00.000Z")
        .hasMessageContaining(Long.toString(T0 - 1))
        .hasMessageContaining("2019-09-08T16:59:59.999Z");
    assertThat(clock.currentTimeMillis()).isEqualTo(T0);
    assertThatThrownBy(() -> clock.advanceBy(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deltaMillis")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> clock.advanceBy(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta")
        .hasMessageContaining("PT-0.001S");
    assertThat(clock.currentTimeMillis()).isEqualTo(T0);
  }

  @Test
  void rejectsInvalidTimesAndOverflow() {
    assertThatThrownBy(() -> new SimulatedClock(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startMillis")
        .hasMessageContaining("-1");
    assertThatThrownBy(
            () -> SimulatedClock.startingAt(Instant.parse("2019-09-08T17:00:00.000001Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start");
    SimulatedClock clock = new SimulatedClock(Timestamps.MAX_MILLIS - 10);
    assertThatThrownBy(() -> clock.advanceTo(Timestamps.MAX_MILLIS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targetMillis");
    assertThatThrownBy(() -> clock.advanceBy(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past the last valid timestamp");
    assertThatThrownBy(() -> clock.advanceBy(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> clock.advanceBy((Duration) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("delta");
    clock.advanceBy(10);
    assertThat(clock.currentTimeMillis()).isEqualTo(Timestamps.MAX_MILLIS);
  }
}

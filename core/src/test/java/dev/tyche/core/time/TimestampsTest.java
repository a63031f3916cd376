package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void formatsIsoUtcWithMilliseconds() {
    assertThat(Timestamps.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(Timestamps.format(1_567_962_000_000L)).isEqualTo("2019-09-08T17:00:00.000Z");
    assertThat(Timestamps.format(1_568_476_800_001L)).isEqualTo("2019-09-14T16:00:00.001Z");
    assertThat(Timestamps.format(Timestamps.MAX_MILLIS)).isEqualTo("9999-12-31T23:59:59.999Z");
    // Safe on invalid values, since it is used to describe them.
    assertThat(Timestamps.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    assertThat(Timestamps.format(Long.MIN_VALUE)).isNotBlank();
    assertThat(Timestamps.describe(1_567_962_000_000L))
        .isEqualTo("1567962000000 (2019-09-08T17:00:00.000Z)");
  }

  @Test
  void parsesDatesAndDateTimesAsUtc() {
    assertThat(Timestamps.parse("2019-09-08")).isEqualTo(1_567_900_800_000L);
    assertThat(Timestamps.parse("2019-09-08T17:00")).isEqualTo(1_567_962_000_000L);
    assertThat(Timestamps.parse("2019-09-08T17:00:00")).isEqualTo(1_567_962_000_000L);
    assertThat(Timestamps.parse("2019-09-08T17:00:00.001")).isEqualTo(1_567_962_000_001L);
    assertThat(Timestamps.parse("2019-09-08T17:00:00Z")).isEqualTo(1_567_962_000_000L);
    assertThat(Timestamps.parse("2019-09-08T17:00:00.5Z")).isEqualTo(1_567_962_000_500L);
    assertThat(Timestamps.parse("2019-09-08T19:00:00+02:00")).isEqualTo(1_567_962_000_000L);
    assertThat(Timestamps.parse("2019-09-08T12:00:00-05:00")).isEqualTo(1_567_962_000_000L);
    assertThat(Timestamps.parse(" 2024-02-29 ")).isEqualTo(1_709_164_800_000L);
    assertThat(Timestamps.parse("1970-01-01")).isZero();
    assertThat(Timestamps.parse("9999-12-31T23:59:59.999Z")).isEqualTo(Timestamps.MAX_MILLIS);
  }

  @Test
  void rejectsBadText() {
    for (String bad :
        new String[] {
          "",
          "yesterday",
          "2019-13-01",
          "2023-02-29",
          "2019-09-08T25:00",
          "1567962000000",
          "2019-09-08 17:00:00",
          "2019-09-08T17:00:00+25:00"
        }) {
      assertThatThrownBy(() -> Timestamps.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ISO-8601")
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> Timestamps.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("text");
  }

  @Test
  void rejectsLossyOrImplausibleTimes() {
    assertThatThrownBy(() -> Timestamps.parse("2019-09-08T17:00:00.0001Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of milliseconds");
    assertThatThrownBy(() -> Timestamps.parse("1969-12-31T23:59:59.999Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1969-12-31T23:59:59.999Z");
    assertThatThrownBy(
            () -> Timestamps.toMillis(Instant.ofEpochSecond(Instant.MAX.getEpochSecond()), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x must lie in");
    assertThatThrownBy(() -> Timestamps.toMillis(Instant.ofEpochSecond(-1), "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y must lie in");
    assertThatThrownBy(() -> Timestamps.toMillis(null, "when"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("when");
  }

  @Test
  void validatesTimestamps() {
    assertThat(Timestamps.isValid(0)).isTrue();
    assertThat(Timestamps.isValid(Timestamps.MAX_MILLIS)).isTrue();
    assertThat(Timestamps.isValid(-1)).isFalse();
    assertThat(Timestamps.isValid(Timestamps.MAX_MILLIS + 1)).isFalse();
    assertThat(Timestamps.requireValid(42, "openTime")).isEqualTo(42);
    assertThatThrownBy(() -> Timestamps.requireValid(-5, "openTime"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openTime must be a UTC epoch-millisecond timestamp")
        .hasMessageContaining("but was -5 (1969-12-31T23:59:59.995Z)");
    assertThatThrownBy(() -> Timestamps.requireValid(Long.MAX_VALUE, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Long.toString(Long.MAX_VALUE));
    assertThat(Timestamps.toInstant(1_567_962_000_000L))
        .isEqualTo(Instant.parse("2019-09-08T17:00:00Z"));
  }

  @Property
  void formatThenParseRoundTrips(
      @ForAll @LongRange(min = 0, max = Timestamps.MAX_MILLIS) long millis) {
    String text = Timestamps.format(millis);
    assertThat(Timestamps.parse(text)).isEqualTo(millis);
    assertThat(Instant.parse(text).toEpochMilli()).isEqualTo(millis);
  }
}

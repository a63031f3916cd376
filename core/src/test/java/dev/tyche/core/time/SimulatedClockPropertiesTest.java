package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class SimulatedClockPropertiesTest {

  /**
   * Whatever targets are requested, the clock never decreases, accepts exactly the targets at or
   * after its current time, and ends at the largest accepted target.
   */
  @Property
  void neverMovesBackwards(
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long start,
      @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 4_102_444_800_000L) Long> targets) {
    SimulatedClock clock = new SimulatedClock(start);
    long expected = start;
    for (long target : targets) {
      long before = clock.currentTimeMillis();
      Throwable thrown = catchThrowable(() -> clock.advanceTo(target));
      if (target >= before) {
        assertThat(thrown).isNull();
        expected = target;
      } else {
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(clock.currentTimeMillis()).isGreaterThanOrEqualTo(before).isEqualTo(expected);
    }
  }

  @Property
  void advanceByAddsExactly(
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long start,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long delta) {
    SimulatedClock clock = new SimulatedClock(start);
    clock.advanceBy(delta);
    assertThat(clock.currentTimeMillis()).isEqualTo(start + delta);
  }
}

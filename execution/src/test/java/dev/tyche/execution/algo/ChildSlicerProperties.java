package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ChildSlicerProperties {
  private static final Quantity STEP = Quantity.parse("0.001");

  @Property
  void slicesSumToTheParentExactlyAreOnTheGridAndNonNegative(
      @ForAll @LongRange(min = 1, max = 10_000_000) long steps,
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1e6) Double> raw) {
    double[] w = raw.stream().mapToDouble(Double::doubleValue).toArray();
    w[w.length - 1] += 1e-3; // not all zero
    Quantity total = Quantity.of(steps, 3);
    List<Quantity> slices = ChildSlicer.split(total, w, STEP);
    assertThat(slices).hasSize(w.length);
    Quantity sum = Quantity.zero(3);
    for (Quantity q : slices) {
      assertThat(q.isMultipleOf(STEP)).isTrue();
      sum = sum.plus(q);
      assertThat(sum).isLessThanOrEqualTo(total);
    }
    assertThat(sum).isEqualTo(total);
  }

  @Property
  void nextChildNeverExceedsTheParentStaysOnTheGridAndRespectsTheMinimum(
      @ForAll @LongRange(min = 1, max = 100_000) long parentSteps,
      @ForAll @LongRange(min = 1, max = 500) long minSteps,
      @ForAll @LongRange(min = 0, max = 5_000) long extraMaxSteps,
      @ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 20_000) Long> wants) {
    Quantity parent = Quantity.of(parentSteps, 3);
    Quantity min = Quantity.of(minSteps, 3);
    Quantity max = Quantity.of(minSteps + extraMaxSteps, 3);
    Quantity committed = Quantity.zero(3);
    boolean tinyRemainderSent = false;
    for (long w : wants) {
      Optional<Quantity> child =
          ChildSlicer.nextChild(Quantity.of(w, 3), parent.minus(committed), min, max);
      if (child.isEmpty()) {
        continue;
      }
      Quantity c = child.get();
      assertThat(c.isZero()).isFalse();
      assertThat(c.isMultipleOf(STEP)).isTrue();
      assertThat(tinyRemainderSent).as("nothing follows a final remainder").isFalse();
      if (c.compareTo(min) < 0) {
        // Only the whole rest may be below the minimum.
        assertThat(c).isEqualTo(parent.minus(committed));
        tinyRemainderSent = true;
      }
      committed = committed.plus(c);
      assertThat(committed).isLessThanOrEqualTo(parent);
      Quantity rest = parent.minus(committed);
      assertThat(rest.isZero() || rest.compareTo(min) >= 0 || tinyRemainderSent)
          .as("no unsendable tail is left behind")
          .isTrue();
    }
    // Wanting everything eventually sends everything.
    while (!parent.minus(committed).isZero()) {
      Quantity c = ChildSlicer.nextChild(parent, parent.minus(committed), min, max).orElseThrow();
      committed = committed.plus(c);
    }
    assertThat(committed).isEqualTo(parent);
  }

  @Property(tries = 25)
  void twapChildrenThroughTheEngineSumToTheParentExactly(
      @ForAll @LongRange(min = 1, max = 5_000) long steps,
      @ForAll @IntRange(min = 1, max = 12) int slices,
      @ForAll @DoubleRange(min = 0, max = 0.9) double jitter,
      @ForAll long seed) {
    Quantity q = Quantity.of(steps, 3);
    ParentOrder p = new ParentOrder("p", Rig.SYM, Side.SELL, q, T0 + MIN, T0 + 13 * MIN);
    TwapAlgorithm twap = new TwapAlgorithm(p, AlgoSettings.market(TRADES), slices, jitter, seed);
    Rig rig = Rig.scripted(Rig.instrument("0"), twap);
    for (int i = 0; i <= 14; i++) {
      rig.trade(T0 + i * MIN, "30000.00", "1.000");
    }
    List<SubmitOrder> children = twap.children();
    assertThat(children).allMatch(c -> c.quantity().isMultipleOf(STEP));
    assertThat(Rig.sum(children)).isEqualTo(q);
    assertThat(twap.progress().filled()).isEqualTo(q);
    assertThat(twap.state()).isEqualTo(AlgoState.COMPLETED);
  }

  @Example
  void minimumChildCombinesTheVenueFilters() {
    assertThat(ChildSlicer.minimumChild(Rig.instrument("100"), Rig.px("30000.00")).toString())
        .isEqualTo("0.004");
    assertThat(ChildSlicer.minimumChild(Rig.instrument("0"), Rig.px("30000.00")).toString())
        .isEqualTo("0.001");
    // Exactly on the grid: 90 / 30000 = 0.003, not rounded up further.
    assertThat(ChildSlicer.minimumChild(Rig.instrument("90"), Rig.px("30000.00")).toString())
        .isEqualTo("0.003");
  }

  @Example
  void badInput() {
    Quantity one = Quantity.parse("1.000");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[0], STEP))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[] {1, Double.NaN}, STEP))
        .hasMessageContaining("weights[1]");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[] {1, -1}, STEP))
        .hasMessageContaining("weights[1]");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[] {0, 0}, STEP))
        .hasMessageContaining("sum");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[] {Double.POSITIVE_INFINITY}, STEP))
        .hasMessageContaining("weights[0]");
    assertThatThrownBy(() -> ChildSlicer.split(Quantity.parse("1.0005"), new double[] {1}, STEP))
        .hasMessageContaining("multiple of step");
    assertThatThrownBy(() -> ChildSlicer.split(one, new double[] {1}, Quantity.zero(3)))
        .hasMessageContaining("step must be > 0");
    assertThatThrownBy(() -> ChildSlicer.nextChild(one, one, Quantity.zero(3), one))
        .hasMessageContaining("minChild");
    assertThatThrownBy(() -> ChildSlicer.nextChild(one, one, one, STEP))
        .hasMessageContaining("maxChild");
  }
}

package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.SYM;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static dev.tyche.execution.algo.Rig.px;
import static dev.tyche.execution.algo.Rig.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.market.Bar;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VwapAlgorithmTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = VolumeProfile.DAY_MILLIS;

  /** Hourly bars over {@code days.length} days; day d has volumes days[d][h] in hours 0..3. */
  private static BarSeries history(long firstDay, double[]... days) {
    List<Bar> bars = new ArrayList<>();
    for (int d = 0; d < days.length; d++) {
      for (int h = 0; h < 24; h++) {
        double v = h < days[d].length ? days[d][h] : 0;
        bars.add(
            new Bar(
                SYM,
                HOUR,
                firstDay + d * DAY + h * HOUR,
                px("30000.0"),
                px("30000.0"),
                px("30000.0"),
                px("30000.0"),
                qty(String.format(java.util.Locale.ROOT, "%.3f", v))));
      }
    }
    return BarSeries.of(SYM, HOUR, "test", bars);
  }

  @Test
  void profileIsTheMeanDailyShareWithEachDayWeighingTheSame() {
    VolumeProfile equalShapes =
        VolumeProfile.learn(
            history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}), HOUR);
    assertThat(equalShapes.fractions()).hasSize(24);
    assertThat(equalShapes.fractionAt(T0)).isCloseTo(0.1, within(1e-12));
    assertThat(equalShapes.fractionAt(T0 + 3 * HOUR + 59_000)).isCloseTo(0.4, within(1e-12));
    assertThat(equalShapes.fractionAt(T0 + 5 * HOUR)).isZero();
    // Day 1 (total 10) shares .1 .2 .3 .4, day 2 (total 100) shares .4 .3 .2 .1: mean .25 each,
    // where pooling the volume would give 41/110 for the first hour.
    VolumeProfile mixed =
        VolumeProfile.learn(
            history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}, new double[] {40, 30, 20, 10}), HOUR);
    for (int h = 0; h < 4; h++) {
      assertThat(mixed.fractionAt(T0 + h * HOUR)).isCloseTo(0.25, within(1e-12));
    }
    VolumeProfile twoHour =
        VolumeProfile.learn(history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}), 2 * HOUR);
    assertThat(twoHour.fractions()[0]).isCloseTo(0.3, within(1e-12));
    assertThat(twoHour.fractions()[1]).isCloseTo(0.7, within(1e-12));
    assertThat(twoHour)
        .isEqualTo(VolumeProfile.learn(history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}), 2 * HOUR));
    assertThat(twoHour.hashCode())
        .isEqualTo(
            VolumeProfile.learn(history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}), 2 * HOUR)
                .hashCode());
    assertThat(twoHour.toString()).contains("buckets=12");
  }

  @Test
  void vwapSlicesFollowTheProfileThroughTheEngine() {
    VolumeProfile profile =
        VolumeProfile.learn(
            history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}), HOUR);
    VwapAlgorithm vwap =
        new VwapAlgorithm(
            parent(Side.BUY, "1.000", T0, T0 + 4 * HOUR), AlgoSettings.market(TRADES), profile);
    Rig rig = Rig.scripted(vwap);
    for (int h = 0; h < 5; h++) {
      rig.trade(T0 + h * HOUR, "30000.00", "1.000");
    }
    assertThat(vwap.plannedTimes()).containsExactly(T0, T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR);
    assertThat(Rig.quantities(vwap.children())).containsExactly("0.100", "0.200", "0.300", "0.400");
    assertThat(vwap.state()).isEqualTo(AlgoState.COMPLETED);
    assertThat(vwap.progress().slippageBps().getAsDouble()).isZero();
  }

  @Test
  void aPartialFirstBucketWeighsByItsShareAndAnEmptyProfileFallsBackToTime() {
    VolumeProfile profile =
        VolumeProfile.learn(history(T0 - 2 * DAY, new double[] {1, 2, 3, 4}), HOUR);
    double[] w =
        VwapAlgorithm.sliceWeights(parent(Side.BUY, "1", T0 + HOUR / 2, T0 + 4 * HOUR), profile);
    assertThat(w).hasSize(4);
    assertThat(w[0]).isCloseTo(0.05 / 0.95, within(1e-12));
    assertThat(w[3]).isCloseTo(0.4 / 0.95, within(1e-12));
    double[] empty =
        VwapAlgorithm.sliceWeights(parent(Side.BUY, "1", T0 + 6 * HOUR, T0 + 8 * HOUR), profile);
    assertThat(empty).containsExactly(0.5, 0.5);
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> VolumeProfile.learn(BarSeries.of(SYM, HOUR, "x", List.of()), HOUR))
        .hasMessageContaining("empty");
    BarSeries h = history(T0, new double[] {1});
    assertThatThrownBy(() -> VolumeProfile.learn(h, 7 * 60_000L))
        .hasMessageContaining("bucketMillis");
    assertThatThrownBy(() -> VolumeProfile.learn(h, HOUR / 2)).hasMessageContaining("bucketMillis");
    assertThatThrownBy(() -> VolumeProfile.learn(history(T0, new double[] {0}), HOUR))
        .hasMessageContaining("volume > 0");
    BarSeries nan = BarSeries.builder(SYM, HOUR, "nan").add(1, T0, 1, 1, 1, 1, Double.NaN).build();
    assertThatThrownBy(() -> VolumeProfile.learn(nan, HOUR)).hasMessageContaining("finite");
    double[] f = new double[24];
    f[0] = 0.5;
    assertThatThrownBy(() -> new VolumeProfile(HOUR, f)).hasMessageContaining("sum to 1");
    f[1] = -0.5;
    f[2] = 1.0;
    assertThatThrownBy(() -> new VolumeProfile(HOUR, f)).hasMessageContaining("fractions[1]");
    assertThatThrownBy(() -> new VolumeProfile(HOUR, new double[3])).hasMessageContaining("24");
  }
}

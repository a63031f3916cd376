package dev.tyche.strategy.regime.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * No look-ahead as prefix invariance, and determinism. For a random series cut at a random {@code
 * t}, the estimates for bars {@code 1..t} (regime, state probabilities, confidence and every other
 * field, compared bit for bit) are the same whether the detector stops at {@code t} or goes on with
 * either of two different random futures. The settings refit every few bars, so the cut falls
 * before, on and between refits and the futures contain refits of their own.
 */
class RegimeDetectorProperties {

  private static List<RegimeEstimate> run(RegimeDetectorConfig config, double[] closes, int n) {
    RegimeDetector d = new RegimeDetector(config);
    List<RegimeEstimate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(d.update(1_000L * (i + 1), closes[i]));
    }
    return out;
  }

  private static RegimeDetectorConfig config(int mode, int k, int every) {
    return Scenarios.small(
        k,
        mode % 2 == 0 ? VolatilityFeature.GARCH : VolatilityFeature.EWMA,
        mode / 2 == 0 ? FitWindow.EXPANDING : FitWindow.ROLLING,
        every);
  }

  @Property(tries = 40)
  void estimatesUpToTIgnoreLaterBars(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 3) int mode,
      @ForAll @IntRange(min = 2, max = 3) int k,
      @ForAll @IntRange(min = 3, max = 9) int every,
      @ForAll @IntRange(min = 1, max = 130) int cut) {
    RegimeDetectorConfig config = config(mode, k, every);
    int total = 140;
    double[] a = Scenarios.randomWalk(seed, total);
    double[] b = a.clone();
    double[] other = Scenarios.randomWalk(seed + 7_777, total);
    for (int i = cut; i < total; i++) {
      // A different future: another walk, rescaled to continue from the last common close.
      b[i] = a[cut - 1] * other[i] / other[cut - 1];
    }
    List<RegimeEstimate> prefix = run(config, a, cut);
    List<RegimeEstimate> withA = run(config, a, total);
    List<RegimeEstimate> withB = run(config, b, total);
    assertThat(withA.subList(0, cut)).isEqualTo(prefix);
    assertThat(withB.subList(0, cut)).isEqualTo(prefix);
    // The property must not hold vacuously: the runs are warm and refit well before the end.
    assertThat(withA.get(total - 1).isWarm()).isTrue();
    assertThat(withA.stream().filter(RegimeEstimate::refitted).count()).isGreaterThan(5);
  }

  @Property(tries = 15)
  void sameBarsGiveTheSameEstimatesBitForBit(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 3) int mode) {
    RegimeDetectorConfig config = config(mode, 3, 5);
    double[] closes = Scenarios.randomWalk(seed, 150);
    List<RegimeEstimate> first = run(config, closes, closes.length);
    List<RegimeEstimate> second = run(config, closes, closes.length);
    assertThat(second).isEqualTo(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(
              Arrays.equals(first.get(i).stateProbabilities(), second.get(i).stateProbabilities()))
          .isTrue();
    }
  }

  @Property(tries = 30)
  void probabilitiesAreADistributionAndConfidenceIsTheLabelMass(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 3) int mode,
      @ForAll @IntRange(min = 2, max = 4) int k) {
    List<RegimeEstimate> run = run(config(mode, k, 10), Scenarios.randomWalk(seed, 120), 120);
    for (RegimeEstimate e : run) {
      if (!e.isWarm()) {
        assertThat(e.regime()).isEqualTo(dev.tyche.strategy.allocation.MarketRegime.UNKNOWN);
        continue;
      }
      double[] p = e.stateProbabilities();
      assertThat(p).hasSize(k);
      assertThat(Arrays.stream(p).sum())
          .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(e.confidence())
          .isCloseTo(
              e.probabilityOf(e.modelRegime()), org.assertj.core.api.Assertions.within(1e-15));
      for (var label : e.stateRegimes()) {
        assertThat(e.probabilityOf(label)).isLessThanOrEqualTo(e.confidence() + 1e-15);
      }
    }
  }
}

package dev.tyche.risk.drawdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.stats.PerformanceMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DrawdownPropertiesTest {

  @Property
  void streamingStatisticsEqualANaiveRecomputation(
      @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = 1.0, max = 1_000.0) Double> path,
      @ForAll @IntRange(min = 0, max = 5_000) int step) {
    DrawdownMonitor m = new DrawdownMonitor(DrawdownPolicy.standard());
    for (int t = 0; t < path.size(); t++) {
      long time = (long) t * step;
      m.update(time, path.get(t));
      // Naive: rescan the whole prefix at every step.
      double peak = path.get(0);
      double maxDd = 0.0;
      for (int s = 0; s <= t; s++) {
        peak = Math.max(peak, path.get(s));
        maxDd = Math.max(maxDd, (peak - path.get(s)) / peak);
      }
      int lastAtPeak = 0;
      for (int s = 0; s <= t; s++) {
        if (path.get(s) == peak) {
          lastAtPeak = s;
        }
      }
      assertThat(m.peak()).isEqualTo(peak);
      assertThat(m.drawdown()).isEqualTo((peak - path.get(t)) / peak);
      assertThat(m.maxDrawdown()).isEqualTo(maxDd);
      assertThat(m.timeUnderWaterMillis()).isEqualTo(time - (long) lastAtPeak * step);
      assertThat(m.maxTimeUnderWaterMillis()).isEqualTo(longestSpell(path, t, step));
    }
    if (path.size() >= 2) {
      // core's batch statistic uses 1 - P_t / peak; the two forms agree to rounding.
      double batch =
          PerformanceMetrics.maxDrawdown(path.stream().mapToDouble(Double::doubleValue).toArray())
              .maxDrawdown();
      assertThat(m.maxDrawdown()).isCloseTo(batch, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Property
  void killSwitchLatchesFromTheFirstSevereDrawdownUntilReset(
      @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = -50.0, max = 200.0) Double> moves) {
    DrawdownMonitor m = new DrawdownMonitor(DrawdownPolicy.standard().withHysteresis(0.01));
    m.update(0, 100.0);
    boolean everSevere = false;
    for (int t = 0; t < moves.size(); t++) {
      m.update(t + 1, moves.get(t));
      everSevere |= m.drawdown() >= 0.20;
      assertThat(m.killSwitchEngaged()).isEqualTo(everSevere);
      assertThat(m.killSwitchEngaged()).isEqualTo(m.maxDrawdown() >= 0.20);
      if (m.killSwitchEngaged()) {
        assertThat(m.exposureMultiplier()).isZero();
      }
    }
    boolean stillSevere = m.drawdown() >= 0.20;
    assertThat(m.resetKillSwitch()).isEqualTo(!stillSevere);
    assertThat(m.killSwitchEngaged()).isEqualTo(stillSevere);
  }

  @Property
  void tiersAreMonotoneInTheDrawdown(
      @ForAll("policies") DrawdownPolicy policy,
      @ForAll @DoubleRange(min = 0.0, max = 0.99) double a,
      @ForAll @DoubleRange(min = 0.0, max = 0.99) double b) {
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    DrawdownMonitor mLo = at(policy, lo);
    DrawdownMonitor mHi = at(policy, hi);
    assertThat(mLo.tierIndex()).isLessThanOrEqualTo(mHi.tierIndex());
    assertThat(mLo.exposureMultiplier()).isGreaterThanOrEqualTo(mHi.exposureMultiplier());
    // Without hysteresis the tier is the deepest one whose threshold was reached.
    assertThat(mHi.tierIndex()).isEqualTo(policy.rawTierIndex(mHi.drawdown()));
  }

  @Property
  void hysteresisKeepsTheTierBetweenTheRawTierAndTheBand(
      @ForAll("policies") DrawdownPolicy policy,
      @ForAll @DoubleRange(min = 0.0, max = 0.9) double bandShare,
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 1.0, max = 200.0) Double> path) {
    double band = bandShare * policy.tiers().get(0).threshold();
    DrawdownMonitor m = new DrawdownMonitor(policy.withHysteresis(band));
    for (int t = 0; t < path.size(); t++) {
      m.update(t, path.get(t));
      double dd = m.drawdown();
      assertThat(m.tierIndex()).isGreaterThanOrEqualTo(policy.rawTierIndex(dd));
      assertThat(m.tierIndex()).isLessThanOrEqualTo(policy.rawTierIndex(dd + band + 1e-12));
    }
  }

  /**
   * The longest spell under water in updates 0..last, by brute force: a spell starts at a running
   * peak {@code s} followed by a lower value and runs to the first later value back at {@code E_s}
   * (inclusive), or to {@code last}.
   */
  private static long longestSpell(List<Double> path, int last, long step) {
    long longest = 0;
    for (int s = 0; s < last; s++) {
      boolean atPeak = true;
      for (int r = 0; r < s; r++) {
        atPeak &= path.get(r) <= path.get(s);
      }
      if (!atPeak || path.get(s + 1) >= path.get(s)) {
        continue;
      }
      int u = s + 1;
      while (u < last && path.get(u) < path.get(s)) {
        u++;
      }
      longest = Math.max(longest, (long) (u - s) * step);
    }
    return longest;
  }

  private static DrawdownMonitor at(DrawdownPolicy policy, double drawdown) {
    DrawdownMonitor m = new DrawdownMonitor(policy);
    m.update(0, 1.0);
    m.update(1, 1.0 - drawdown);
    return m;
  }

  @Provide
  Arbitrary<DrawdownPolicy> policies() {
    Arbitrary<List<Double>> thresholds =
        Arbitraries.doubles().between(0.001, 1.0).ofScale(4).list().ofMinSize(1).ofMaxSize(5);
    Arbitrary<List<Double>> multipliers = Arbitraries.doubles().between(0.0, 1.0).list().ofSize(5);
    Arbitrary<Integer> killFrom = Arbitraries.integers().between(0, 5);
    return Combinators.combine(thresholds, multipliers, killFrom)
        .as(
            (ts, ms, k) -> {
              List<Double> sortedT = new ArrayList<>(new TreeSet<>(ts));
              List<Double> sortedM = new ArrayList<>(ms);
              sortedM.sort((x, y) -> Double.compare(y, x));
              List<DrawdownTier> tiers = new ArrayList<>();
              for (int i = 0; i < sortedT.size(); i++) {
                tiers.add(new DrawdownTier("t" + i, sortedT.get(i), sortedM.get(i), i >= k));
              }
              return new DrawdownPolicy(tiers, 0.0);
            });
  }
}

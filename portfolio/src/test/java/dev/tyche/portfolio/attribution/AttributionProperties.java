package dev.tyche.portfolio.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AttributionProperties {

  private static double[] simplex(SplittableRandom rng, int n) {
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      // Some segments unheld, to exercise zero weights.
      w[i] = rng.nextInt(4) == 0 ? 0.0 : rng.nextDouble();
      s += w[i];
    }
    if (s == 0) {
      w[0] = 1;
      s = 1;
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    return w;
  }

  private static Map<Integer, SegmentReturns> randomPeriod(SplittableRandom rng, int n) {
    double[] wp = simplex(rng, n);
    double[] wb = simplex(rng, n);
    Map<Integer, SegmentReturns> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(
          i, new SegmentReturns(wp[i], wb[i], 0.1 * rng.nextGaussian(), 0.1 * rng.nextGaussian()));
    }
    return m;
  }

  @Property(tries = 500)
  void singlePeriodEffectsSumToActiveReturn(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<Integer, SegmentReturns> m = randomPeriod(rng, n);
    PeriodAttribution<Integer> a = BrinsonFachler.singlePeriod(m);
    double sum = 0;
    for (SegmentEffects e : a.segments().values()) {
      sum += e.total();
    }
    // Active return recomputed independently from the inputs.
    double rp = 0;
    double rb = 0;
    for (SegmentReturns s : m.values()) {
      rp += s.portfolioWeight() * s.portfolioReturn();
      rb += s.benchmarkWeight() * s.benchmarkReturn();
    }
    assertThat(sum).isCloseTo(rp - rb, within(1e-14));
    assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(rp - rb, within(1e-14));
  }

  @Property(tries = 300)
  void linkedEffectsSumToCompoundedActiveReturn(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int n,
      @ForAll @IntRange(min = 1, max = 60) int periods) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<PeriodAttribution<Integer>> list = new ArrayList<>();
    double growthP = 1;
    double growthB = 1;
    for (int t = 0; t < periods; t++) {
      // Some periods with identical portfolio and benchmark, to hit the limit coefficient.
      Map<Integer, SegmentReturns> m =
          rng.nextInt(10) == 0 ? identical(rng, n) : randomPeriod(rng, n);
      PeriodAttribution<Integer> a = BrinsonFachler.singlePeriod(m);
      growthP *= 1 + a.portfolioReturn();
      growthB *= 1 + a.benchmarkReturn();
      list.add(a);
    }
    LinkedAttribution<Integer> l = BrinsonFachler.link(list);
    double sum = 0;
    for (SegmentEffects e : l.segments().values()) {
      sum += e.total();
    }
    double active = growthP - growthB;
    assertThat(sum).isCloseTo(active, within(1e-12 * Math.max(1, Math.abs(growthP))));
    assertThat(l.activeReturn()).isCloseTo(active, within(1e-13 * Math.max(1, growthP)));
  }

  private static Map<Integer, SegmentReturns> identical(SplittableRandom rng, int n) {
    double[] w = simplex(rng, n);
    Map<Integer, SegmentReturns> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      double r = 0.05 * rng.nextGaussian();
      m.put(i, new SegmentReturns(w[i], w[i], r, r));
    }
    return m;
  }
}

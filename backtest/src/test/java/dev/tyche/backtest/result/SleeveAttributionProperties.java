package dev.tyche.backtest.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.portfolio.attribution.PeriodAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SleeveAttributionProperties {

  @Property(tries = 200)
  void effectsSumToTheActiveReturnPerPeriodAndLinkedToTheCompoundedActiveReturn(
      @ForAll @IntRange(min = 1, max = 5) int sleeves,
      @ForAll @IntRange(min = 2, max = 60) int samples,
      @ForAll boolean customBenchmark,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double e0 = 10_000;
    long[] t = new long[samples];
    for (int i = 0; i < samples; i++) {
      t[i] = 1_000L * i + rnd.nextInt(0, 500);
    }
    Map<String, double[]> pnl = new LinkedHashMap<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    Map<String, double[]> bench = new LinkedHashMap<>();
    double shareLeft = 1.0;
    for (int s = 0; s < sleeves; s++) {
      double[] p = new double[samples];
      for (int i = 1; i < samples; i++) {
        // Moves of up to 2 % of a sleeve's starting capital keep every sleeve's capital > 0.
        p[i] = p[i - 1] + (rnd.nextDouble() * 2 - 1) * 0.02 * e0 / sleeves;
      }
      pnl.put("s" + s, p);
      double share = s == sleeves - 1 ? shareLeft : shareLeft * rnd.nextDouble(0.2, 0.8);
      shares.put("s" + s, share);
      shareLeft -= share;
      double[] b = new double[samples - 1];
      for (int i = 0; i < b.length; i++) {
        b[i] = rnd.nextDouble(-0.05, 0.05);
      }
      bench.put("s" + s, b);
    }
    List<String> labels = List.of("bull", "bear", "calm");
    // Times increase by at least 500 ms, so t[samples / 2] > t[0] (samples >= 2).
    Optional<RegimeSeries> regimes =
        Optional.of(
            new RegimeSeries(
                new long[] {t[0], t[samples / 2]},
                List.of(labels.get(rnd.nextInt(3)), labels.get(rnd.nextInt(3)))));
    BacktestResult r = SleeveAttributionTest.result(e0, t, pnl, regimes);
    AttributionSettings settings =
        customBenchmark
            ? AttributionSettings.equalWeight()
                .withCapitalShares(shares)
                .withBenchmark(Map.of(), bench)
            : AttributionSettings.equalWeight();
    SleeveAttribution x = SleeveAttribution.of(r, settings);

    assertThat(x.periodCount()).isEqualTo(samples - 1);
    double gp = 1;
    double gb = 1;
    List<PeriodAttribution<String>> periods = x.periods();
    for (PeriodAttribution<String> p : periods) {
      double sum = 0;
      for (SegmentEffects e : p.segments().values()) {
        sum += e.allocation() + e.selection() + e.interaction();
      }
      assertThat(sum).isCloseTo(p.portfolioReturn() - p.benchmarkReturn(), within(1e-13));
      gp *= 1 + p.portfolioReturn();
      gb *= 1 + p.benchmarkReturn();
      if (!customBenchmark) {
        // Each sleeve is its own benchmark: no selection, no interaction.
        for (SegmentEffects e : p.segments().values()) {
          assertThat(e.selection()).isEqualTo(0.0);
          assertThat(e.interaction()).isEqualTo(0.0);
        }
      }
    }
    // The sleeves' returns compound to the account's (their PnLs add up to it exactly here).
    double[] eq = r.equity().equity();
    assertThat(gp).isCloseTo(eq[samples - 1] / eq[0], within(1e-12));
    for (double u : x.unattributed()) {
      assertThat(u).isCloseTo(0.0, within(1e-13));
    }
    double active = gp - gb;
    assertThat(x.bySleeve().activeReturn()).isCloseTo(active, within(1e-12));
    double linked = 0;
    for (SegmentEffects e : x.bySleeve().segments().values()) {
      linked += e.total();
    }
    assertThat(linked).isCloseTo(active, within(1e-11));
    double byRegime = 0;
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, SegmentEffects> e : x.byRegime().orElseThrow().segments().entrySet()) {
      byRegime += e.getValue().total();
      seen.add(e.getKey());
    }
    assertThat(byRegime).isCloseTo(active, within(1e-11));
    assertThat(regimes.orElseThrow().distinctLabels()).containsAll(seen);
  }
}

package dev.tyche.backtest.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.portfolio.attribution.PeriodAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SleeveAttributionTest {

  /** A result with the given sleeves' PnL paths; equity = E0 + sum of PnLs. */
  static BacktestResult result(
      double e0, long[] t, Map<String, double[]> pnl, Optional<RegimeSeries> regimes) {
    double[] eq = new double[t.length];
    List<StrategySeries> series = new ArrayList<>();
    for (Map.Entry<String, double[]> e : pnl.entrySet()) {
      series.add(new StrategySeries(e.getKey(), e.getValue(), new double[t.length]));
    }
    for (int i = 0; i < t.length; i++) {
      eq[i] = e0;
      for (double[] p : pnl.values()) {
        eq[i] += p[i];
      }
    }
    Money deposit = Money.of(Asset.USDT, Decimal.parse(Double.toString(e0)));
    return new BacktestResult(
        "attr",
        deposit,
        Money.of(Asset.USDT, Decimal.parse(Double.toString(eq[t.length - 1]))),
        8760,
        EquityCurve.of(t, eq, new double[t.length], new double[t.length]),
        List.of(),
        List.of(),
        new CostSummary(
            Money.zero(Asset.USDT, 0),
            Money.zero(Asset.USDT, 0),
            Money.zero(Asset.USDT, 0),
            Money.zero(Asset.USDT, 0)),
        List.of(),
        List.of(),
        series,
        regimes,
        Optional.empty(),
        0,
        0,
        List.of());
  }

  static Map<String, double[]> twoSleeves(double[] a, double[] b) {
    Map<String, double[]> m = new java.util.LinkedHashMap<>();
    m.put("a", a);
    m.put("b", b);
    return m;
  }

  @Test
  void oneHandComputedPeriodAgainstABuyAndHoldBenchmark() {
    // E0 = 100 split 60 / 40. Sleeve a earns 6 (R = 0.10), b loses 2 (R = -0.05): R_p = 0.04.
    // Benchmark 50 / 50 with returns 0.02 and -0.01: R_b = 0.005.
    // allocation a = (0.6-0.5)(0.02-0.005) = 0.0015, b = (0.4-0.5)(-0.01-0.005) = 0.0015
    // selection  a = 0.5 (0.10-0.02) = 0.04,        b = 0.5 (-0.05+0.01) = -0.02
    // interaction a = 0.1 (0.08) = 0.008,           b = -0.1 (-0.04) = 0.004
    BacktestResult r =
        result(
            100,
            new long[] {0, 1},
            twoSleeves(new double[] {0, 6}, new double[] {0, -2}),
            Optional.empty());
    AttributionSettings s =
        AttributionSettings.equalWeight()
            .withCapitalShares(Map.of("a", 0.6, "b", 0.4))
            .withBenchmark(
                Map.of("a", 0.5, "b", 0.5),
                Map.of("a", new double[] {0.02}, "b", new double[] {-0.01}));
    SleeveAttribution x = SleeveAttribution.of(r, s);
    assertThat(x.periodCount()).isEqualTo(1);
    PeriodAttribution<String> p = x.periods().get(0);
    assertThat(p.portfolioReturn()).isCloseTo(0.04, within(1e-15));
    assertThat(p.benchmarkReturn()).isCloseTo(0.005, within(1e-15));
    expect(p.segments().get("a"), 0.0015, 0.04, 0.008);
    expect(p.segments().get("b"), 0.0015, -0.02, 0.004);
    // One period: Carino's k_t / K = 1, so the linked effects are the period's.
    expect(x.bySleeve().segments().get("a"), 0.0015, 0.04, 0.008);
    expect(x.bySleeve().segments().get("b"), 0.0015, -0.02, 0.004);
    assertThat(x.bySleeve().activeReturn()).isCloseTo(0.035, within(1e-15));
    assertThat(x.unattributed()[0]).isCloseTo(0.0, within(1e-15));
    assertThat(x.byRegime()).isEmpty();
  }

  @Test
  void theDefaultEqualWeightBenchmarkIsPureAllocationFromCapitalDrift() {
    // Period 1: 50 / 50, both sleeves are their own benchmark at equal weight: no effect.
    // Period 2: capital 55 / 48 of 103; returns 0 and 3/48 = 0.0625; R_b = 0.03125.
    // allocation a = (55/103 - 0.5)(0 - 0.03125), b = (48/103 - 0.5)(0.0625 - 0.03125).
    BacktestResult r =
        result(
            100,
            new long[] {0, 1, 2},
            twoSleeves(new double[] {0, 5, 5}, new double[] {0, -2, 1}),
            Optional.of(new RegimeSeries(new long[] {1}, List.of("storm"))));
    SleeveAttribution x = SleeveAttribution.ofDefault(r).orElseThrow();
    expect(x.periods().get(0).segments().get("a"), 0, 0, 0);
    double allocA = (55.0 / 103 - 0.5) * (0 - 0.03125);
    double allocB = (48.0 / 103 - 0.5) * (0.0625 - 0.03125);
    expect(x.periods().get(1).segments().get("a"), allocA, 0, 0);
    expect(x.periods().get(1).segments().get("b"), allocB, 0, 0);
    assertThat(x.periods().get(1).activeReturn()).isCloseTo(3.0 / 103 - 0.03125, within(1e-15));
    assertThat(x.inputs().get(1).get("a").portfolioWeight()).isCloseTo(55.0 / 103, within(1e-15));
    // Linked: period 1 has no active return, so everything sits in period 2, scaled by k_2 / K.
    double rp = 1.03 * (1 + 3.0 / 103) - 1;
    double rb = 1.03 * 1.03125 - 1;
    assertThat(x.bySleeve().activeReturn()).isCloseTo(rp - rb, within(1e-14));
    assertThat(x.bySleeve().allocation()).isCloseTo(rp - rb, within(1e-14));
    // Regimes: period 1 began before the first change, period 2 in "storm".
    Map<String, SegmentEffects> reg = x.byRegime().orElseThrow().segments();
    assertThat(reg.keySet()).containsExactly(Contributions.NO_REGIME, "storm");
    assertThat(reg.get(Contributions.NO_REGIME).total()).isCloseTo(0.0, within(1e-15));
    assertThat(reg.get("storm").total()).isCloseTo(rp - rb, within(1e-14));
  }

  @Test
  void linkedEffectsAddUpToTheCompoundedActiveReturnOverManyPeriods() {
    long[] t = {0, 1, 2, 3, 4, 5};
    double[] a = {0, 3, -1, 4, 9, 7};
    double[] b = {0, -2, 1, 1.5, -3, 2};
    BacktestResult r =
        result(
            1000,
            t,
            twoSleeves(a, b),
            Optional.of(new RegimeSeries(new long[] {0, 2, 4}, List.of("x", "y", "x"))));
    double[] ba = {0.01, -0.02, 0.0, 0.03, 0.005};
    double[] bb = {-0.01, 0.002, 0.004, -0.02, 0.01};
    SleeveAttribution x =
        SleeveAttribution.of(
            r,
            AttributionSettings.equalWeight()
                .withCapitalShares(Map.of("a", 0.7, "b", 0.3))
                .withBenchmark(Map.of(), Map.of("a", ba, "b", bb)));
    double gp = 1;
    double gb = 1;
    for (PeriodAttribution<String> p : x.periods()) {
      double sum = 0;
      for (SegmentEffects e : p.segments().values()) {
        sum += e.total();
      }
      assertThat(sum).isCloseTo(p.activeReturn(), within(1e-15));
      gp *= 1 + p.portfolioReturn();
      gb *= 1 + p.benchmarkReturn();
    }
    // R_b from the benchmark alone: 50 / 50 of ba, bb, independent of the attribution code.
    double gb2 = 1;
    for (int i = 0; i < ba.length; i++) {
      gb2 *= 1 + 0.5 * ba[i] + 0.5 * bb[i];
    }
    assertThat(gb).isCloseTo(gb2, within(1e-15));
    // R_p from the account: equity grows from 1000 to 1009.
    assertThat(gp).isCloseTo(1009.0 / 1000, within(1e-14));
    double active = (gp - 1) - (gb - 1);
    double linked = 0;
    for (SegmentEffects e : x.bySleeve().segments().values()) {
      linked += e.total();
    }
    assertThat(linked).isCloseTo(active, within(1e-12));
    double byRegime = 0;
    for (SegmentEffects e : x.byRegime().orElseThrow().segments().values()) {
      byRegime += e.total();
    }
    assertThat(byRegime).isCloseTo(active, within(1e-12));
    for (double u : x.unattributed()) {
      assertThat(u).isCloseTo(0.0, within(1e-14));
    }
  }

  @Test
  void aSleeveWithoutCapitalLeavesItsPnlUnattributed() {
    Map<String, double[]> m = twoSleeves(new double[] {0, 4, 4}, new double[] {0, 0, 0});
    m.put("venue", new double[] {0, -1, -1});
    BacktestResult r = result(100, new long[] {0, 1, 2}, m, Optional.empty());
    SleeveAttribution x = SleeveAttribution.ofDefault(r).orElseThrow();
    // venue has no capital in period 1, so its -1 is not in R_p: the account made 3 %, sleeves 4 %.
    assertThat(x.inputs().get(0).get("venue").portfolioWeight()).isEqualTo(0.0);
    assertThat(x.inputs().get(0).get("venue").benchmarkWeight()).isEqualTo(0.0);
    assertThat(x.periods().get(0).portfolioReturn()).isCloseTo(0.04, within(1e-15));
    assertThat(x.unattributed()[0]).isCloseTo(-0.01, within(1e-15));
    // From period 2 on it has (negative) capital and a weight.
    assertThat(x.inputs().get(1).get("venue").portfolioWeight())
        .isCloseTo(-1.0 / 103, within(1e-15));
  }

  @Test
  void buyAndHoldPeriodReturnsSampleTheLastPriceAtOrBeforeEachTime() {
    double[] r =
        AttributionSettings.periodReturns(
            new long[] {10, 20, 30}, new long[] {5, 15, 20, 25}, new double[] {100, 110, 120, 90});
    assertThat(r).containsExactly(new double[] {0.2, -0.25}, within(1e-15));
    assertThat(AttributionSettings.periodReturns(new long[] {10}, new long[] {5}, new double[] {1}))
        .isEmpty();
  }

  @Test
  void badInputIsRejectedWithClearMessages() {
    BacktestResult ok =
        result(
            100,
            new long[] {0, 1},
            twoSleeves(new double[] {0, 6}, new double[] {0, -2}),
            Optional.empty());
    AttributionSettings eq = AttributionSettings.equalWeight();
    assertThatThrownBy(() -> eq.withCapitalShares(Map.of("a", 0.6, "b", 0.6)))
        .hasMessageContaining("capitalShares must sum to 1 but summed to 1.2");
    assertThatThrownBy(() -> eq.withCapitalShares(Map.of("a", Double.NaN)))
        .hasMessageContaining("capitalShares of a must be finite");
    assertThatThrownBy(() -> eq.withBenchmark(Map.of("a", 0.5, "b", 0.4), Map.of()))
        .hasMessageContaining("benchmarkWeights must sum to 1");
    assertThatThrownBy(
            () -> eq.withBenchmark(Map.of(), Map.of("a", new double[] {Double.POSITIVE_INFINITY})))
        .hasMessageContaining("benchmarkReturns of a[0] must be finite and > -1");
    assertThatThrownBy(() -> eq.withBenchmark(Map.of(), Map.of("a", new double[] {-1.0})))
        .hasMessageContaining("> -1 but was -1.0");
    assertThatThrownBy(() -> SleeveAttribution.of(ok, eq.withCapitalShares(Map.of("zz", 1.0))))
        .hasMessageContaining("capitalShares names sleeve zz but the result's sleeves are [a, b]");
    assertThatThrownBy(
            () -> SleeveAttribution.of(ok, eq.withBenchmark(Map.of("a", 0.5, "q", 0.5), Map.of())))
        .hasMessageContaining("benchmarkWeights names sleeve q");
    assertThatThrownBy(
            () ->
                SleeveAttribution.of(
                    ok, eq.withBenchmark(Map.of(), Map.of("a", new double[] {0.1, 0.2}))))
        .hasMessageContaining("must have one return per period (1) but had 2");
    assertThatThrownBy(
            () -> SleeveAttribution.of(ok, eq.withBenchmark(Map.of(), Map.of("c", new double[1]))))
        .hasMessageContaining("benchmarkReturns names sleeve c");
    BacktestResult one =
        result(
            100, new long[] {0}, twoSleeves(new double[] {0}, new double[] {0}), Optional.empty());
    assertThatThrownBy(() -> SleeveAttribution.of(one, eq))
        .hasMessageContaining("at least 2 samples for attribution but had 1");
    assertThat(SleeveAttribution.ofDefault(one)).isEmpty();
    BacktestResult blown =
        result(
            100,
            new long[] {0, 1, 2},
            twoSleeves(new double[] {0, -60, -60}, new double[] {0, -40, -40}),
            Optional.empty());
    assertThatThrownBy(() -> SleeveAttribution.of(blown, eq))
        .hasMessageContaining("total capital must be > 0 at the start of every period but was 0.0");
    assertThat(SleeveAttribution.ofDefault(blown)).isEmpty();
    BacktestResult onlyVenue =
        result(100, new long[] {0, 1}, Map.of("venue", new double[] {0, 1}), Optional.empty());
    assertThatThrownBy(() -> SleeveAttribution.of(onlyVenue, eq))
        .hasMessageContaining("no sleeve gets capital by default");
    // A negative share is allowed (the shares only have to sum to 1 and the total stay > 0).
    assertThat(
            SleeveAttribution.of(ok, eq.withCapitalShares(Map.of("a", 2.0, "b", -1.0)))
                .periodCount())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                AttributionSettings.periodReturns(
                    new long[] {0, 1}, new long[] {0, 1}, new double[] {1, 0}))
        .hasMessageContaining("prices[1] must be finite and > 0 but was 0.0");
    assertThatThrownBy(
            () ->
                AttributionSettings.periodReturns(
                    new long[] {0, 1}, new long[] {1, 0}, new double[] {1, 1}))
        .hasMessageContaining("priceTimes must be strictly increasing");
    assertThatThrownBy(
            () ->
                AttributionSettings.periodReturns(
                    new long[] {1, 0}, new long[] {0}, new double[] {1}))
        .hasMessageContaining("sampleTimes must be strictly increasing");
    assertThatThrownBy(
            () ->
                AttributionSettings.periodReturns(
                    new long[] {0, 1}, new long[] {5}, new double[] {1}))
        .hasMessageContaining("no price at or before sample time 0");
    assertThatThrownBy(
            () ->
                AttributionSettings.periodReturns(new long[] {0, 1}, new long[] {5}, new double[0]))
        .hasMessageContaining("equal lengths");
  }

  @Test
  void valuesCompareByContent() {
    AttributionSettings a =
        AttributionSettings.equalWeight().withBenchmark(Map.of(), Map.of("a", new double[] {0.1}));
    AttributionSettings b =
        AttributionSettings.equalWeight().withBenchmark(Map.of(), Map.of("a", new double[] {0.1}));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(AttributionSettings.equalWeight());
    assertThat(a.toString()).contains("benchmarkReturns for [a]");
    a.benchmarkReturns().get("a")[0] = 9;
    assertThat(a).isEqualTo(b);
    BacktestResult r =
        result(
            100,
            new long[] {0, 1},
            twoSleeves(new double[] {0, 6}, new double[] {0, -2}),
            Optional.empty());
    SleeveAttribution x = SleeveAttribution.ofDefault(r).orElseThrow();
    SleeveAttribution y = SleeveAttribution.ofDefault(r).orElseThrow();
    assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
    assertThat(x.toString()).isEqualTo("SleeveAttribution[[a, b], 1 periods]");
    assertThat(x.periodEnds()).containsExactly(1L);
  }

  private static void expect(SegmentEffects e, double alloc, double sel, double inter) {
    assertThat(e.allocation()).as("allocation").isCloseTo(alloc, within(1e-15));
    assertThat(e.selection()).as("selection").isCloseTo(sel, within(1e-15));
    assertThat(e.interaction()).as("interaction").isCloseTo(inter, within(1e-15));
  }
}

package dev.tyche.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.backtest.sweep.Dimension;
import dev.tyche.backtest.sweep.ParallelSweep;
import dev.tyche.backtest.sweep.ParameterSearch;
import dev.tyche.backtest.sweep.ParameterSet;
import dev.tyche.backtest.sweep.ParameterSpace;
import dev.tyche.core.stats.PerformanceSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

  private static final ParameterSpace SPACE = ParameterSpace.of(Dimension.of("a", 1, 2, 3));

  /** r(a, t) = +0.001 a for t < 10 and -0.001 a from t = 10 on: a regime change at period 10. */
  private static double regime(double a, int t) {
    return (t < 10 ? 0.001 : -0.001) * a;
  }

  private static final Evaluator REGIME =
      (p, from, to) -> {
        double[] r = new double[to - from];
        for (int t = from; t < to; t++) {
          r[t - from] = regime(p.get("a"), t);
        }
        return PeriodReturns.of(r);
      };

  @Test
  void choosesInSampleBestAndStitchesTestReturns() {
    WalkForward wf =
        new WalkForward(
            WindowSpec.rolling(4, 2), SPACE, ParameterSearch.grid(), Objective.meanReturn());
    WalkForwardResult result = wf.run(16, REGIME);
    // Tests [4,6), [6,8), [8,10), [10,12), [12,14), [14,16); training = the 4 periods before.
    assertThat(result.windows()).hasSize(6);
    List<Double> chosen = new ArrayList<>();
    for (WindowResult w : result.windows()) {
      chosen.add(w.chosen().get("a"));
      assertThat(w.candidatesEvaluated()).isEqualTo(3);
    }
    // Training [0,4), [2,6), [4,8): all positive -> a = 3. [6,10): positive -> 3.
    // [8,12): mean 0 for every a -> tie -> first candidate a = 1. [10,14): negative -> a = 1.
    assertThat(chosen).containsExactly(3.0, 3.0, 3.0, 3.0, 1.0, 1.0);
    WindowResult fourth = result.windows().get(3);
    assertThat(fourth.inSampleScore()).isCloseTo(0.003, within(1e-15));
    assertThat(fourth.outOfSampleScore()).isCloseTo(-0.003, within(1e-15));
    assertThat(result.windows().get(4).inSampleScore()).isCloseTo(0.0, within(1e-15));

    int[] periods = result.oosPeriods();
    assertThat(periods).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(result.oosTimestamps()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    double[] oos = result.oosReturns();
    double[] expected = new double[12];
    for (int i = 0; i < 12; i++) {
      int t = periods[i];
      expected[i] = regime(chosen.get((t - 4) / 2), t);
    }
    assertThat(oos).containsExactly(expected);
    double mean = 0;
    for (double v : expected) {
      mean += v / 12;
    }
    assertThat(result.oosScore()).isCloseTo(mean, within(1e-15));
    assertThat(result.meanInSampleScore()).isCloseTo((4 * 0.003 + 0 - 0.001) / 6, within(1e-15));
    assertThat(result.meanOutOfSampleScore()).isCloseTo(mean, within(1e-15));
    assertThat(result.oosEquity()).hasSize(13).startsWith(1.0);
    PerformanceSummary summary = result.oosSummary(365, 0, 0);
    assertThat(summary.returnCount()).isEqualTo(12);
    assertThat(result.windows().get(0).testReturns().returns()).containsExactly(0.003, 0.003);
  }

  @Test
  void timestampsAreCarriedIntoTheStitchedSeries() {
    long[] stamps = new long[10];
    for (int i = 0; i < stamps.length; i++) {
      stamps[i] = 1_700_000_000_000L + 86_400_000L * i;
    }
    WalkForwardResult result =
        new WalkForward(
                WindowSpec.anchored(4, 3), SPACE, ParameterSearch.grid(), Objective.sharpe())
            .run(stamps, (p, from, to) -> PeriodReturns.of(ramp(p.get("a"), from, to)));
    assertThat(result.oosTimestamps())
        .containsExactly(stamps[4], stamps[5], stamps[6], stamps[7], stamps[8], stamps[9]);
  }

  private static double[] ramp(double a, int from, int to) {
    double[] r = new double[to - from];
    for (int t = from; t < to; t++) {
      r[t - from] = 0.001 * a * ((t % 3) - 0.5);
    }
    return r;
  }

  @Test
  void trainingSegmentsAreEvaluatedSeparatelyAndOnlyThoseRangesAreRequested() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Evaluator recording =
        (p, from, to) -> {
          calls.add(p.get("a") + ":" + from + "-" + to);
          return PeriodReturns.of(new double[to - from]);
        };
    WindowSpec spec = WindowSpec.anchored(4, 2).withStep(3).withPurge(1).withEmbargo(2);
    new WalkForward(spec, SPACE, ParameterSearch.grid(), Objective.meanReturn()).run(14, recording);
    // Third window trains on [0,7) and [9,10); every score ties at 0 -> a = 1 is tested.
    assertThat(calls)
        .containsExactly(
            "1.0:0-4",
            "2.0:0-4",
            "3.0:0-4",
            "1.0:5-7",
            "1.0:0-7",
            "2.0:0-7",
            "3.0:0-7",
            "1.0:8-10",
            "1.0:0-7",
            "1.0:9-10",
            "2.0:0-7",
            "2.0:9-10",
            "3.0:0-7",
            "3.0:9-10",
            "1.0:11-13");
  }

  @Test
  void parallelSearchGivesTheSameResultAsSequential() {
    ParameterSpace space =
        ParameterSpace.of(Dimension.intRange("a", 1, 6, 1), Dimension.of("b", -1, 0.5, 2));
    Evaluator noisy =
        (p, from, to) -> {
          double[] r = new double[to - from];
          for (int t = from; t < to; t++) {
            double phase = Math.sin(0.3 * t * p.get("a")) * p.get("b");
            r[t - from] = 0.01 * phase + 0.001 * Math.cos(t);
          }
          return PeriodReturns.of(r);
        };
    WalkForward wf =
        new WalkForward(
            new WindowSpec(WindowMode.ROLLING, 20, 5, 5, 2, 3),
            space,
            ParameterSearch.random(10, 7L),
            Objective.sharpe());
    AtomicLong now = new AtomicLong();
    WalkForwardResult sequential = wf.run(100, noisy);
    WalkForwardResult parallel =
        wf.withSweep(new ParallelSweep(3, now::incrementAndGet)).run(100, noisy);
    assertThat(parallel).isEqualTo(sequential).hasSameHashCodeAs(sequential);
    assertThat(parallel.windows().get(0).candidatesEvaluated()).isEqualTo(10);
    assertThat(parallel.toString()).contains("windows");
  }

  @Test
  void allNaNScoresChooseTheFirstCandidate() {
    WalkForwardResult result =
        new WalkForward(WindowSpec.rolling(3, 2), SPACE, ParameterSearch.grid(), Objective.sharpe())
            .run(7, (p, from, to) -> PeriodReturns.of(new double[to - from]));
    WindowResult w = result.windows().get(0);
    assertThat(w.chosen().get("a")).isEqualTo(1.0);
    assertThat(w.inSampleScore()).isNaN();
    assertThat(w.outOfSampleScore()).isNaN();
    assertThat(result.meanInSampleScore()).isNaN();
    assertThat(Objective.better(Double.NaN, 1.0)).isFalse();
    assertThat(Objective.better(-5.0, Double.NaN)).isTrue();
    assertThat(Objective.sharpe().score(new double[] {0.1})).isNaN();
  }

  @Test
  void evaluatorFailuresAndContractBreachesAreReported() {
    WalkForward wf =
        new WalkForward(
            WindowSpec.rolling(3, 2), SPACE, ParameterSearch.grid(), Objective.sharpe());
    assertThatThrownBy(
            () ->
                wf.run(
                    7,
                    (p, from, to) -> {
                      throw new ArithmeticException("bad data");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("window 0")
        .hasMessageContaining("[0, 3)")
        .hasCauseInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> wf.run(7, (p, from, to) -> PeriodReturns.of(0.1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must return 3 returns but returned 1");
    assertThatThrownBy(() -> wf.run(7, (p, from, to) -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("null");
    AtomicLong now = new AtomicLong();
    WalkForward parallel = wf.withSweep(new ParallelSweep(2, now::incrementAndGet));
    assertThatThrownBy(
            () ->
                parallel.run(
                    7,
                    (p, from, to) -> {
                      throw new ArithmeticException("bad data");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void badInputIsRejected() {
    WalkForward wf =
        new WalkForward(
            WindowSpec.rolling(3, 2), SPACE, ParameterSearch.grid(), Objective.sharpe());
    assertThatThrownBy(() -> wf.run(4, REGIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("totalPeriods");
    assertThatThrownBy(() -> wf.run(new long[] {1, 2, 2, 3, 4, 5}, REGIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> wf.run(new long[] {5, 4, 6, 7, 8, 9}, REGIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> wf.run(7, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new WalkForward(null, SPACE, ParameterSearch.grid(), Objective.sharpe()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PeriodReturns.of(0.1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns[1]");
    assertThatThrownBy(() -> PeriodReturns.of(-1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("> -1");
    assertThatThrownBy(() -> new PeriodReturns(new double[] {0.1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity");
    assertThatThrownBy(
            () -> new PeriodReturns(new double[] {0.1}, new double[] {Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class);
    WalkForwardResult ok = wf.run(7, REGIME);
    assertThatThrownBy(
            () ->
                new WalkForwardResult(
                    ok.windows(), new int[] {1}, new long[] {1, 2}, new double[] {0.1}, 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new WalkForwardResult(List.of(), new int[0], new long[0], new double[0], 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    WindowResult w = ok.windows().get(0);
    assertThatThrownBy(() -> new WindowResult(w.window(), w.chosen(), 0, 0, 0, w.testReturns()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidatesEvaluated");
    assertThatThrownBy(
            () -> new WindowResult(w.window(), w.chosen(), 0, 0, 1, PeriodReturns.of(0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testReturns");
  }

  @Test
  void periodReturnsValueSemantics() {
    double[] r = {0.01, -0.02};
    PeriodReturns a = new PeriodReturns(r, new double[] {101, 99});
    r[0] = 5;
    assertThat(a.returns()).containsExactly(0.01, -0.02);
    assertThat(a.equityCurve()).get().satisfies(e -> assertThat(e).containsExactly(101, 99));
    assertThat(PeriodReturns.of(0.01).equityCurve()).isEmpty();
    assertThat(a).isEqualTo(new PeriodReturns(new double[] {0.01, -0.02}, new double[] {101, 99}));
    assertThat(a.hashCode())
        .isEqualTo(
            new PeriodReturns(new double[] {0.01, -0.02}, new double[] {101, 99}).hashCode());
    assertThat(a).isNotEqualTo(PeriodReturns.of(0.01, -0.02));
    assertThat(a.equity()).hasSize(2);
    assertThat(a.toString()).contains("2 periods");
    ParameterSet p = SPACE.point(0);
    assertThat(p.get("a")).isEqualTo(1.0);
  }
}

package dev.tyche.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.backtest.sweep.Dimension;
import dev.tyche.backtest.sweep.ParameterSearch;
import dev.tyche.backtest.sweep.ParameterSpace;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WalkForwardProperties {

  @Property(tries = 200)
  void stitchedOosCoversExactlyTheTestPeriodsInOrderWithTheChosenReturns(
      @ForAll boolean anchored,
      @ForAll @IntRange(min = 2, max = 20) int train,
      @ForAll @IntRange(min = 1, max = 6) int test,
      @ForAll @IntRange(min = 0, max = 4) int extraStep,
      @ForAll @IntRange(min = 0, max = 3) int purge,
      @ForAll @IntRange(min = 0, max = 1) int embargo,
      @ForAll @IntRange(min = 0, max = 80) int extra,
      @ForAll long seed) {
    // A fixed random return table r[a][t]: the evaluator is a pure look-up.
    int n = train + purge + test + extra;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] table = new double[3][n];
    for (double[] row : table) {
      for (int t = 0; t < n; t++) {
        row[t] = 0.01 * random.nextGaussian();
      }
    }
    Evaluator lookup =
        (p, from, to) -> {
          double[] r = new double[to - from];
          System.arraycopy(table[p.getInt("a")], from, r, 0, r.length);
          return PeriodReturns.of(r);
        };
    WindowSpec spec =
        new WindowSpec(
            anchored ? WindowMode.ANCHORED : WindowMode.ROLLING,
            train,
            test,
            test + extraStep,
            purge,
            embargo);
    List<Window> windows;
    try {
      windows = spec.windows(n);
    } catch (IllegalArgumentException e) {
      // A short rolling window can be emptied by the embargo; WindowSpecProperties covers that.
      assertThat(e).hasMessageContaining("no training periods left");
      return;
    }
    WalkForwardResult result =
        new WalkForward(
                spec,
                ParameterSpace.of(Dimension.of("a", 0, 1, 2)),
                ParameterSearch.grid(),
                Objective.meanReturn())
            .run(n, lookup);

    int total = windows.stream().mapToInt(w -> w.test().length()).sum();
    int[] periods = result.oosPeriods();
    double[] returns = result.oosReturns();
    assertThat(periods).hasSize(total);
    int k = 0;
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      WindowResult wr = result.windows().get(i);
      assertThat(wr.window()).isEqualTo(w);
      int a = wr.chosen().getInt("a");
      for (int t = w.test().from(); t < w.test().to(); t++) {
        assertThat(periods[k]).isEqualTo(t);
        assertThat(returns[k]).isEqualTo(table[a][t]);
        k++;
      }
      // The chosen parameter maximises the in-sample mean over the training periods only.
      double best = Double.NEGATIVE_INFINITY;
      int bestA = -1;
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        int count = 0;
        for (IndexRange r : w.train()) {
          for (int t = r.from(); t < r.to(); t++) {
            sum += table[c][t];
            count++;
          }
        }
        double mean = sum / count;
        if (mean > best) {
          best = mean;
          bestA = c;
        }
      }
      assertThat(a).isEqualTo(bestA);
    }
    for (int i = 1; i < periods.length; i++) {
      assertThat(periods[i]).isGreaterThan(periods[i - 1]);
    }
  }

  @Property(tries = 100)
  void futureDataNeverChangesPastChoices(
      @ForAll @IntRange(min = 3, max = 15) int train,
      @ForAll @IntRange(min = 1, max = 5) int test,
      @ForAll @IntRange(min = 10, max = 60) int extra,
      @ForAll long seed) {
    int n = train + test + extra;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] table = new double[3][n];
    for (double[] row : table) {
      for (int t = 0; t < n; t++) {
        row[t] = 0.01 * random.nextGaussian();
      }
    }
    double[][] changed = new double[3][];
    int cut = n - extra / 2;
    for (int c = 0; c < 3; c++) {
      changed[c] = table[c].clone();
      for (int t = cut; t < n; t++) {
        changed[c][t] = -changed[c][t] * 3 + 0.05;
      }
    }
    WalkForward wf =
        new WalkForward(
            WindowSpec.rolling(train, test),
            ParameterSpace.of(Dimension.of("a", 0, 1, 2)),
            ParameterSearch.grid(),
            Objective.sharpe());
    WalkForwardResult before = wf.run(n, lookup(table));
    WalkForwardResult after = wf.run(n, lookup(changed));
    for (int i = 0; i < before.windows().size(); i++) {
      WindowResult b = before.windows().get(i);
      if (b.window().test().to() <= cut) {
        assertThat(after.windows().get(i)).isEqualTo(b);
      }
    }
  }

  private static Evaluator lookup(double[][] table) {
    return (p, from, to) -> {
      double[] r = new double[to - from];
      System.arraycopy(table[p.getInt("a")], from, r, 0, r.length);
      return PeriodReturns.of(r);
    };
  }
}

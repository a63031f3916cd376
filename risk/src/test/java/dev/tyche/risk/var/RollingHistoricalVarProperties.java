package dev.tyche.risk.var;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RollingHistoricalVarProperties {

  /** Returns drawn from a small grid (many ties, both zeros) or from a continuum. */
  @Provide
  Arbitrary<double[]> returns() {
    Arbitrary<Double> grid = Arbitraries.of(-0.03, -0.02, -0.01, -0.0, 0.0, 0.01, 0.02, 0.05, -0.2);
    Arbitrary<Double> continuous = Arbitraries.doubles().between(-0.5, 0.5);
    return Arbitraries.oneOf(grid, continuous).array(double[].class).ofMinSize(1).ofMaxSize(120);
  }

  @Provide
  Arbitrary<Double> confidences() {
    return Arbitraries.of(0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.05, 0.33);
  }

  /** After every update the streaming report equals the batch report on the naive window. */
  @Property
  void streamingEqualsNaiveRecomputation(
      @ForAll("returns") double[] r,
      @ForAll @IntRange(min = 1, max = 40) int window,
      @ForAll("confidences") double a) {
    RollingHistoricalVar v = new RollingHistoricalVar(window, a);
    for (int t = 0; t < r.length; t++) {
      v.update(r[t]);
      double[] naive = Arrays.copyOfRange(r, Math.max(0, t + 1 - window), t + 1);
      assertThat(v.windowReturns()).containsExactly(naive);
      double[] naiveSorted = naive.clone();
      Arrays.sort(naiveSorted);
      assertThat(v.sortedReturns()).containsExactly(naiveSorted);
      assertThat(v.report()).isEqualTo(ValueAtRisk.historicalReport(naive, a));
      for (QuantileRule q : QuantileRule.values()) {
        assertThat(v.quantile(q)).isEqualTo(q.quantileOfSorted(naiveSorted, 1.0 - a));
      }
    }
    assertThat(v.size()).isEqualTo(Math.min(window, r.length));
    assertThat(v.updates()).isEqualTo(r.length);
  }
}

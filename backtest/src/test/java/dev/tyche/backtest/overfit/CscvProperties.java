package dev.tyche.backtest.overfit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CscvProperties {

  @Property(tries = 100)
  void logitsAreSymmetricInDistributionAndPboIsAProbability(
      @ForAll @IntRange(min = 1, max = 5) int halfPartitions,
      @ForAll @IntRange(min = 2, max = 12) int strategies,
      @ForAll @IntRange(min = 0, max = 30) int extraRows,
      @ForAll long seed) {
    int s = 2 * halfPartitions;
    int t = 2 * s + extraRows;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] m = new double[t][strategies];
    for (double[] row : m) {
      for (int j = 0; j < strategies; j++) {
        row[j] = random.nextGaussian();
      }
    }
    CscvResult r = Cscv.run(m, s);
    assertThat(r.combinations()).isEqualTo((int) Cscv.binomial(s, s / 2));
    assertThat(r.pbo()).isBetween(0.0, 1.0);
    int overfit = 0;
    for (double l : r.logits()) {
      // omega in [1/(N+1), N/(N+1)] -> |lambda| <= ln N.
      assertThat(Math.abs(l)).isLessThanOrEqualTo(Math.log(strategies) + 1e-12);
      overfit += l <= 0 ? 1 : 0;
    }
    assertThat(r.pbo()).isEqualTo((double) overfit / r.combinations());
    // Swapping columns permutes strategies and does not change the statistics.
    double[][] swapped = new double[t][];
    for (int i = 0; i < t; i++) {
      swapped[i] = new double[strategies];
      for (int j = 0; j < strategies; j++) {
        swapped[i][j] = m[i][strategies - 1 - j];
      }
    }
    CscvResult q = Cscv.run(swapped, s);
    assertThat(q.pbo()).isEqualTo(r.pbo());
    assertThat(q.inSampleBest()).containsExactly(r.inSampleBest());
  }
}

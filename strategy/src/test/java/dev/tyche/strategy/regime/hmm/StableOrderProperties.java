package dev.tyche.strategy.regime.hmm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The fitter's primitive merge sort against the JDK's stable sort of boxed indices. */
class StableOrderProperties {

  @Property(tries = 200)
  void matchesStableBoxedSort(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 8) int distinct,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    // Few distinct values (and signed zeros) so that ties, where stability shows, are common.
    Random rng = new Random(seed);
    double[] key = new double[n];
    for (int t = 0; t < n; t++) {
      int v = rng.nextInt(distinct + 1);
      key[t] = v == distinct ? (rng.nextBoolean() ? -0.0 : 0.0) : v - distinct / 2.0;
    }
    Integer[] boxed = new Integer[n];
    for (int t = 0; t < n; t++) {
      boxed[t] = t;
    }
    Arrays.sort(boxed, Comparator.comparingDouble(t -> key[t]));
    int[] expected = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    double[] before = key.clone();

    assertThat(GaussianHmmFitter.stableOrder(key)).containsExactly(expected);
    assertThat(key).as("key left unchanged").containsExactly(before);
  }

  @Example
  void ordersADescendingSequenceWithTies() {
    double[] key = {3.0, 2.0, 2.0, 1.0, -0.0, 0.0};
    assertThat(GaussianHmmFitter.stableOrder(key)).containsExactly(4, 5, 3, 1, 2, 0);
  }
}

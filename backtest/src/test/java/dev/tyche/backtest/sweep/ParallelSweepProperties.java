package dev.tyche.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ParallelSweepProperties {

  /** A pure but non-trivial task: a seeded random walk whose length depends on the input. */
  private static double task(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double x = 0.0;
    int steps = 100 + (int) Math.floorMod(seed, 400L);
    for (int i = 0; i < steps; i++) {
      x += r.nextGaussian();
    }
    return x;
  }

  @Property(tries = 40)
  void resultsAreInInputOrderAndEqualToASequentialLoop(
      @ForAll @Size(max = 60) List<Long> seeds, @ForAll @IntRange(min = 1, max = 4) int threads) {
    AtomicLong now = new AtomicLong();
    SweepResult<Long, Double> result =
        new ParallelSweep(threads, now::incrementAndGet).run(seeds, ParallelSweepProperties::task);
    List<Double> sequential = new ArrayList<>();
    for (long s : seeds) {
      sequential.add(task(s));
    }
    assertThat(result.valuesOrThrow()).containsExactlyElementsOf(sequential);
    for (int i = 0; i < seeds.size(); i++) {
      assertThat(result.outcomes().get(i).input()).isEqualTo(seeds.get(i));
    }
  }
}

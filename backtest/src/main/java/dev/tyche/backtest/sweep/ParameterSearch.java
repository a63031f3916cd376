package dev.tyche.backtest.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How a parameter space is searched: the ordered list of candidates to evaluate.
 *
 * <ul>
 *   <li>{@link Grid}: every point of the space in row-major order.
 *   <li>{@link RandomSample}: {@code count} distinct grid points drawn uniformly without
 *       replacement with a {@link SplittableRandom} seeded by {@code seed}, listed in increasing
 *       grid order (so the tie-break "first candidate wins" does not depend on the draw order);
 *       when {@code count >= size} the whole grid. Random search over a grid follows J. Bergstra
 *       and Y. Bengio, "Random Search for Hyper-Parameter Optimization", JMLR 13 (2012) 281-305.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ParameterSearch {

  /**
   * The candidates to evaluate, in a deterministic order.
   *
   * @param space the space
   * @return the candidates, at least one
   */
  List<ParameterSet> candidates(ParameterSpace space);

  /**
   * Full grid search.
   *
   * @return the grid search
   */
  static ParameterSearch grid() {
    return new Grid();
  }

  /**
   * Seeded random search.
   *
   * @param count the number of distinct candidates, {@code >= 1}
   * @param seed the seed of the generator
   * @return the random search
   */
  static ParameterSearch random(int count, long seed) {
    return new RandomSample(count, seed);
  }

  /**
   * Exhaustive grid search.
   *
   * <p>Immutable and thread-safe.
   */
  record Grid() implements ParameterSearch {
    @Override
    public List<ParameterSet> candidates(ParameterSpace space) {
      return Objects.requireNonNull(space, "space").grid();
    }
  }

  /**
   * Random search over the grid points, without replacement.
   *
   * <p>Immutable and thread-safe.
   *
   * @param count the number of distinct candidates, {@code >= 1}
   * @param seed the seed
   */
  record RandomSample(int count, long seed) implements ParameterSearch {

    /** Requires {@code count >= 1}. */
    public RandomSample {
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1 but was " + count);
      }
    }

    @Override
    public List<ParameterSet> candidates(ParameterSpace space) {
      Objects.requireNonNull(space, "space");
      int size = space.size();
      if (count >= size) {
        return space.grid();
      }
      // Floyd's algorithm (Bentley and Floyd, "A sample of brilliance", CACM 30(9), 1987):
      // a uniform k-subset of [0, size) in O(k) draws, without materialising the grid.
      SplittableRandom random = new SplittableRandom(seed);
      Set<Integer> chosen = new HashSet<>();
      for (int j = size - count; j < size; j++) {
        int t = random.nextInt(j + 1);
        if (!chosen.add(t)) {
          chosen.add(j);
        }
      }
      int[] idx = chosen.stream().mapToInt(Integer::intValue).toArray();
      Arrays.sort(idx);
      List<ParameterSet> out = new ArrayList<>(idx.length);
      for (int i : idx) {
        out.add(space.point(i));
      }
      return List.copyOf(out);
    }
  }
}

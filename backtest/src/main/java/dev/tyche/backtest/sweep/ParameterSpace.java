package dev.tyche.backtest.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Cartesian product of named {@link Dimension}s. Points are numbered {@code 0..size()-1} in
 * row-major order: the last dimension varies fastest, like nested loops written in dimension order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dimensions the dimensions, at least one, with distinct names (copied)
 */
public record ParameterSpace(List<Dimension> dimensions) {

  /** Copies the dimensions and rejects an empty list, repeated names or an oversized product. */
  public ParameterSpace {
    Objects.requireNonNull(dimensions, "dimensions");
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("dimensions must be non-empty");
    }
    dimensions = List.copyOf(dimensions);
    Set<String> names = new HashSet<>();
    long size = 1;
    for (Dimension d : dimensions) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException(
            "dimension names must be distinct but '" + d.name() + "' is repeated");
      }
      size *= d.size();
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "the grid must have at most " + Integer.MAX_VALUE + " points but has more");
      }
    }
  }

  /**
   * A space of the given dimensions.
   *
   * @param dimensions the dimensions, at least one, with distinct names
   * @return the space
   */
  public static ParameterSpace of(Dimension... dimensions) {
    return new ParameterSpace(List.of(dimensions));
  }

  /**
   * Number of grid points, the product of the dimension sizes.
   *
   * @return the number of points, {@code >= 1}
   */
  public int size() {
    int size = 1;
    for (Dimension d : dimensions) {
      size *= d.size();
    }
    return size;
  }

  /**
   * The grid point with the given row-major index.
   *
   * @param index the index, in {@code [0, size())}
   * @return the parameter set
   */
  public ParameterSet point(int index) {
    int size = size();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index must be in [0, " + size + ") but was " + index);
    }
    double[] v = new double[dimensions.size()];
    int rest = index;
    for (int d = dimensions.size() - 1; d >= 0; d--) {
      Dimension dim = dimensions.get(d);
      v[d] = dim.values().get(rest % dim.size());
      rest /= dim.size();
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (int d = 0; d < v.length; d++) {
      map.put(dimensions.get(d).name(), v[d]);
    }
    return new ParameterSet(map);
  }

  /**
   * Every grid point in row-major order.
   *
   * @return the {@link #size()} parameter sets
   */
  public List<ParameterSet> grid() {
    int size = size();
    List<ParameterSet> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(point(i));
    }
    return List.copyOf(all);
  }
}

package dev.tyche.portfolio.optimize;

import java.util.Arrays;
import java.util.Objects;

/**
 * A group constraint {@code lower <= sum_{i in assets} w_i <= upper}. Use {@code
 * Double.NEGATIVE_INFINITY} or {@code Double.POSITIVE_INFINITY} for a one-sided bound.
 *
 * <p>Immutable and thread-safe.
 *
 * @param assets distinct asset indices (>= 0), at least one
 * @param lower lower bound on the group's total weight (not NaN, not +infinity)
 * @param upper upper bound on the group's total weight (not NaN, not -infinity), {@code >= lower}
 */
public record GroupBound(int[] assets, double lower, double upper) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException on an empty or repeated asset list, a negative index, NaN or
   *     {@code lower > upper}
   * @throws NullPointerException if {@code assets} is null
   */
  public GroupBound {
    assets = Objects.requireNonNull(assets, "assets").clone();
    if (assets.length == 0) {
      throw new IllegalArgumentException("assets must not be empty");
    }
    int[] sorted = assets.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 0) {
      throw new IllegalArgumentException("assets must be >= 0 but contained " + sorted[0]);
    }
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("assets must be distinct but " + sorted[i] + " repeats");
      }
    }
    if (Double.isNaN(lower) || lower == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("lower must be finite or -infinity but was " + lower);
    }
    if (Double.isNaN(upper) || upper == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("upper must be finite or +infinity but was " + upper);
    }
    if (lower > upper) {
      throw new IllegalArgumentException("lower must be <= upper but was " + lower + " > " + upper);
    }
  }

  /**
   * A copy of the asset indices.
   *
   * @return the indices
   */
  @Override
  public int[] assets() {
    return assets.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupBound g
        && Arrays.equals(assets, g.assets)
        && Double.compare(lower, g.lower) == 0
        && Double.compare(upper, g.upper) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(assets), lower, upper);
  }

  @Override
  public String toString() {
    return "GroupBound[assets="
        + Arrays.toString(assets)
        + ", lower="
        + lower
        + ", upper="
        + upper
        + "]";
  }
}

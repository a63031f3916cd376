package dev.tyche.portfolio.correlation;

/**
 * One merge of a {@link Dendrogram}, in the convention of SciPy's linkage matrix: leaves are
 * numbered {@code 0 .. N-1} (the assets' column indices) and the cluster made by merge {@code k}
 * (0-based) is numbered {@code N + k}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param left the smaller id of the two clusters merged, {@code >= 0}
 * @param right the larger id of the two clusters merged, {@code > left}
 * @param height the linkage distance at which they merged, finite, {@code >= 0}
 * @param size the number of leaves in the merged cluster, {@code >= 2}
 */
public record Merge(int left, int right, double height, int size) {

  /** Validates the fields. */
  public Merge {
    if (left < 0 || right <= left) {
      throw new IllegalArgumentException(
          "merge ids must satisfy 0 <= left < right but were left=" + left + ", right=" + right);
    }
    if (!(height >= 0.0) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("height must be finite and >= 0 but was " + height);
    }
    if (size < 2) {
      throw new IllegalArgumentException("size must be >= 2 but was " + size);
    }
  }
}

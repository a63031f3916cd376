package dev.tyche.portfolio.correlation;

import java.util.Arrays;

/**
 * A flat clustering of {@code N} assets into {@code k} clusters, built by {@link
 * Dendrogram#cut(int)}. Clusters are numbered {@code 0 .. k-1} in the order of their lowest asset
 * index, so the numbering is deterministic. Arrays are copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels the cluster of each asset, {@code labels[i]} in {@code [0, k)}
 * @param sizes the number of assets in each cluster; they sum to {@code N}
 */
public record Clusters(int[] labels, int[] sizes) {

  /** Validates that every label is in range and the sizes count the labels. */
  public Clusters {
    if (labels == null || sizes == null) {
      throw new NullPointerException("labels and sizes must not be null");
    }
    int[] counted = new int[sizes.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= sizes.length) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be in [0, " + sizes.length + ") but was " + labels[i]);
      }
      counted[labels[i]]++;
    }
    if (!Arrays.equals(counted, sizes)) {
      throw new IllegalArgumentException(
          "sizes must count the labels, "
              + Arrays.toString(counted)
              + ", but were "
              + Arrays.toString(sizes));
    }
    labels = labels.clone();
    sizes = sizes.clone();
  }

  /**
   * The number of clusters {@code k}.
   *
   * @return {@code sizes().length}
   */
  public int count() {
    return sizes.length;
  }

  /**
   * The assets of one cluster.
   *
   * @param cluster the cluster number, in {@code [0, count())}
   * @return the asset indices in ascending order
   */
  public int[] members(int cluster) {
    if (cluster < 0 || cluster >= sizes.length) {
      throw new IndexOutOfBoundsException(
          "cluster must be in [0, " + sizes.length + ") but was " + cluster);
    }
    int[] out = new int[sizes[cluster]];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == cluster) {
        out[k++] = i;
      }
    }
    return out;
  }

  /**
   * The cluster of each asset.
   *
   * @return a copy
   */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The size of each cluster.
   *
   * @return a copy
   */
  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clusters c
        && Arrays.equals(labels, c.labels)
        && Arrays.equals(sizes, c.sizes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.hashCode(sizes);
  }

  @Override
  public String toString() {
    return "Clusters[labels=" + Arrays.toString(labels) + ", sizes=" + Arrays.toString(sizes) + "]";
  }
}

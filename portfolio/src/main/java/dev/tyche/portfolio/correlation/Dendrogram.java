package dev.tyche.portfolio.correlation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of agglomerative clustering of {@code N} leaves: {@code N - 1} merges in the order
 * they happened (see {@link Merge} for the numbering). For single, average and complete linkage the
 * heights are non-decreasing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leafCount the number of leaves {@code N}, {@code >= 1}
 * @param linkage the linkage that produced the merges
 * @param merges the {@code N - 1} merges in order
 */
public record Dendrogram(int leafCount, Linkage linkage, List<Merge> merges) {

  /** Validates that the merges form a binary tree over the leaves and copies the list. */
  public Dendrogram {
    Objects.requireNonNull(linkage, "linkage must not be null");
    Objects.requireNonNull(merges, "merges must not be null");
    if (leafCount < 1) {
      throw new IllegalArgumentException("leafCount must be >= 1 but was " + leafCount);
    }
    merges = List.copyOf(merges);
    if (merges.size() != leafCount - 1) {
      throw new IllegalArgumentException(
          "merges must have leafCount - 1 = "
              + (leafCount - 1)
              + " entries but had "
              + merges.size());
    }
    boolean[] used = new boolean[2 * leafCount - 1];
    int[] size = new int[2 * leafCount - 1];
    for (int i = 0; i < leafCount; i++) {
      size[i] = 1;
    }
    for (int k = 0; k < merges.size(); k++) {
      Merge m = merges.get(k);
      int id = leafCount + k;
      if (m.right() >= id || used[m.left()] || used[m.right()]) {
        throw new IllegalArgumentException(
            "merge "
                + k
                + " "
                + m
                + " must join two existing, unmerged clusters (ids < "
                + id
                + ")");
      }
      if (m.size() != size[m.left()] + size[m.right()]) {
        throw new IllegalArgumentException(
            "merge "
                + k
                + " must have size "
                + (size[m.left()] + size[m.right()])
                + " but had "
                + m.size());
      }
      used[m.left()] = true;
      used[m.right()] = true;
      size[id] = m.size();
    }
  }

  /**
   * Cuts the tree into {@code k} clusters by undoing its last {@code k - 1} merges (equivalently,
   * keeping the first {@code N - k}). Since heights are non-decreasing this is a cut at a height
   * between the {@code (N - k)}-th and the {@code (N - k + 1)}-th merge.
   *
   * @param k the number of clusters, {@code 1 <= k <= N}
   * @return the cluster of each leaf; sizes sum to {@code N}
   * @throws IllegalArgumentException if {@code k} is out of range
   */
  public Clusters cut(int k) {
    if (k < 1 || k > leafCount) {
      throw new IllegalArgumentException("k must be in [1, " + leafCount + "] but was " + k);
    }
    // Union-find over cluster ids 0 .. 2N-2; keep the first N - k merges.
    int[] parent = new int[2 * leafCount - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int m = 0; m < leafCount - k; m++) {
      Merge merge = merges.get(m);
      parent[merge.left()] = leafCount + m;
      parent[merge.right()] = leafCount + m;
    }
    int[] labels = new int[leafCount];
    int[] labelOfRoot = new int[2 * leafCount - 1];
    Arrays.fill(labelOfRoot, -1);
    int next = 0;
    int[] sizes = new int[k];
    for (int i = 0; i < leafCount; i++) {
      int root = i;
      while (parent[root] != root) {
        root = parent[root];
      }
      if (labelOfRoot[root] < 0) {
        labelOfRoot[root] = next++;
      }
      labels[i] = labelOfRoot[root];
      sizes[labels[i]]++;
    }
    return new Clusters(labels, sizes);
  }
}

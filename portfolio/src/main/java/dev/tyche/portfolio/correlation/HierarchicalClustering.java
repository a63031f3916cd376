package dev.tyche.portfolio.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Agglomerative hierarchical clustering of assets by correlation distance, after R. N. Mantegna,
 * "Hierarchical structure in financial markets", European Physical Journal B 11, 1999: the distance
 * is {@code d_ij = sqrt(0.5 (1 - rho_ij))} ({@link Correlations#mantegnaDistance}), and clusters
 * are merged bottom-up with {@link Linkage single}, {@link Linkage average} or {@link Linkage
 * complete} linkage (Lance-Williams updates).
 *
 * <p>Algorithm: the textbook {@code O(N^3)} scheme, which is fine for the tens to hundreds of
 * assets of a portfolio. At each step the closest pair of active clusters is merged; ties are
 * broken deterministically by the lowest (row, column) position of the active clusters in the
 * distance matrix, each cluster taking the slot of the lower of its two parts.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class HierarchicalClustering {

  private HierarchicalClustering() {}

  /**
   * Clusters assets from their correlation matrix.
   *
   * @param correlation a symmetric {@code N x N} correlation matrix, finite, unit diagonal, entries
   *     in [-1, 1] (within 1e-10)
   * @param linkage the linkage
   * @return the dendrogram with {@code N - 1} merges
   * @throws IllegalArgumentException if the matrix is not a valid correlation matrix
   */
  public static Dendrogram cluster(double[][] correlation, Linkage linkage) {
    Objects.requireNonNull(linkage, "linkage must not be null");
    return fromDistances(Correlations.mantegnaDistance(correlation), linkage);
  }

  /**
   * Clusters from an arbitrary symmetric dissimilarity matrix (for example a distance other than
   * Mantegna's).
   *
   * @param distance a symmetric {@code N x N} matrix, finite, {@code >= 0}, zero diagonal
   * @param linkage the linkage
   * @return the dendrogram with {@code N - 1} merges
   * @throws IllegalArgumentException if the matrix is not square, symmetric, finite and
   *     non-negative with a zero diagonal
   */
  public static Dendrogram fromDistances(double[][] distance, Linkage linkage) {
    Objects.requireNonNull(linkage, "linkage must not be null");
    int n = requireDistance(distance);
    double[][] d = new double[n][];
    for (int i = 0; i < n; i++) {
      d[i] = distance[i].clone();
    }
    boolean[] active = new boolean[n];
    int[] id = new int[n];
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      active[i] = true;
      id[i] = i;
      size[i] = 1;
    }
    List<Merge> merges = new ArrayList<>(Math.max(0, n - 1));
    for (int step = 0; step < n - 1; step++) {
      int bi = -1;
      int bj = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!active[i]) {
          continue;
        }
        for (int j = i + 1; j < n; j++) {
          if (active[j] && d[i][j] < best) {
            best = d[i][j];
            bi = i;
            bj = j;
          }
        }
      }
      merges.add(
          new Merge(Math.min(id[bi], id[bj]), Math.max(id[bi], id[bj]), best, size[bi] + size[bj]));
      for (int k = 0; k < n; k++) {
        if (!active[k] || k == bi || k == bj) {
          continue;
        }
        double updated;
        switch (linkage) {
          case SINGLE:
            updated = Math.min(d[bi][k], d[bj][k]);
            break;
          case COMPLETE:
            updated = Math.max(d[bi][k], d[bj][k]);
            break;
          default:
            updated = (size[bi] * d[bi][k] + size[bj] * d[bj][k]) / (size[bi] + size[bj]);
            break;
        }
        d[bi][k] = updated;
        d[k][bi] = updated;
      }
      active[bj] = false;
      size[bi] += size[bj];
      id[bi] = n + step;
    }
    return new Dendrogram(n, linkage, merges);
  }

  private static int requireDistance(double[][] distance) {
    Objects.requireNonNull(distance, "distance must not be null");
    int n = distance.length;
    if (n == 0) {
      throw new IllegalArgumentException("distance must not be empty");
    }
    for (int i = 0; i < n; i++) {
      double[] row = Objects.requireNonNull(distance[i], "distance[" + i + "] must not be null");
      if (row.length != n) {
        throw new IllegalArgumentException(
            "distance must be square " + n + "x" + n + " but row " + i + " had " + row.length);
      }
      for (int j = 0; j < n; j++) {
        if (!(row[j] >= 0.0) || Double.isInfinite(row[j])) {
          throw new IllegalArgumentException(
              "distance[" + i + "][" + j + "] must be finite and >= 0 but was " + row[j]);
        }
      }
      if (row[i] != 0.0) {
        throw new IllegalArgumentException(
            "distance[" + i + "][" + i + "] must be 0 but was " + row[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (distance[i][j] != distance[j][i]) {
          throw new IllegalArgumentException(
              "distance must be symmetric but ["
                  + i
                  + "]["
                  + j
                  + "] = "
                  + distance[i][j]
                  + " and ["
                  + j
                  + "]["
                  + i
                  + "] = "
                  + distance[j][i]);
        }
      }
    }
    return n;
  }
}

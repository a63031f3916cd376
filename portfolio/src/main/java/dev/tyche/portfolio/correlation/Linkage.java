package dev.tyche.portfolio.correlation;

/**
 * How the distance between two clusters follows from the distances between their members, with its
 * Lance-Williams update when clusters {@code i} and {@code j} (sizes {@code n_i, n_j}) merge and
 * are compared with cluster {@code k} (G. N. Lance and W. T. Williams, "A general theory of
 * classificatory sorting strategies", Computer Journal 9(4), 1967).
 *
 * <p>Immutable and thread-safe.
 */
public enum Linkage {
  /**
   * Nearest neighbour: {@code d(ij, k) = min(d_ik, d_jk)}; gives Mantegna's minimum spanning tree.
   */
  SINGLE,
  /** UPGMA: {@code d(ij, k) = (n_i d_ik + n_j d_jk) / (n_i + n_j)}, the mean member distance. */
  AVERAGE,
  /** Furthest neighbour: {@code d(ij, k) = max(d_ik, d_jk)}. */
  COMPLETE
}

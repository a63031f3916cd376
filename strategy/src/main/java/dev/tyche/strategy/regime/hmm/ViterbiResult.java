package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;

/**
 * The most probable state sequence {@code argmax_s p(s, x)} and its log joint probability {@code ln
 * max_s p(s, x)} (Rabiner 1989, sec. III.B, eqs. 32-35, computed in log space). Ties are broken
 * towards the lower state index. The path uses the whole series, so it is not a causal signal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path 0-based state per observation; copied on the way in and out
 * @param logJointProbability {@code ln p(path, x)}
 */
public record ViterbiResult(int[] path, double logJointProbability) {

  /** Copies the path. */
  public ViterbiResult {
    path = path.clone();
  }

  /**
   * The decoded path.
   *
   * @return a copy of the path
   */
  @Override
  public int[] path() {
    return path.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ViterbiResult v
        && Arrays.equals(path, v.path)
        && Double.compare(logJointProbability, v.logJointProbability) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(path) + Double.hashCode(logJointProbability);
  }

  @Override
  public String toString() {
    return "ViterbiResult[path="
        + Arrays.toString(path)
        + ", logJoint="
        + logJointProbability
        + "]";
  }
}

package dev.tyche.strategy.regime.hmm;

/**
 * The shape of each state's emission covariance matrix in a multivariate Gaussian HMM.
 *
 * <p>A univariate model (dimension 1) is both: it is stored as {@link #DIAGONAL}.
 *
 * <p>Immutable and thread-safe.
 */
public enum CovarianceType {
  /**
   * Each state has its own variance per coordinate; coordinates are conditionally independent given
   * the state. Free parameters per state: {@code d}.
   */
  DIAGONAL,
  /**
   * Each state has its own full symmetric positive-definite covariance matrix. Free parameters per
   * state: {@code d (d + 1) / 2}.
   */
  FULL
}

package dev.tyche.risk.covariance;

/**
 * The structured matrix a shrinkage estimator pulls the sample covariance towards.
 *
 * <p>Immutable and thread-safe.
 */
public enum ShrinkageTarget {
  /**
   * {@code mu I} with {@code mu = trace(S)/N}: Ledoit and Wolf (2004), "A well-conditioned
   * estimator for large-dimensional covariance matrices", J. Multivariate Anal. 88, section 2.
   */
  SCALED_IDENTITY,
  /**
   * {@code F_ii = s_ii}, {@code F_ij = rbar sqrt(s_ii s_jj)}: Ledoit and Wolf (2004), "Honey, I
   * shrunk the sample covariance matrix", J. Portfolio Management 30(4), section 2.
   */
  CONSTANT_CORRELATION
}

package dev.tyche.risk.covariance;

/**
 * Which sample covariance the constant-correlation shrinkage puts where.
 *
 * <p>Immutable and thread-safe.
 */
public enum ConstantCorrelationVariant {
  /**
   * The paper: every term uses the maximum-likelihood covariance {@code S = (1/T) X_c' X_c} (Ledoit
   * and Wolf 2004, "Honey, I shrunk the sample covariance matrix", Appendix B). This is the
   * default.
   */
  PAPER,
  /**
   * What PyPortfolioOpt 1.5.6 {@code CovarianceShrinkage.ledoit_wolf("constant_correlation")}
   * computes as shipped: {@code S}, and hence the target {@code F}, the shrunk matrix and the
   * {@code S}-terms of pi, rho and gamma, use the unbiased {@code 1/(T-1)} covariance, while the
   * fourth-moment averages use {@code 1/T}. Offered only for comparison with that library.
   */
  PYPORTFOLIOOPT_1_5_6
}

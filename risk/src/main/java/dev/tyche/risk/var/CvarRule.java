package dev.tyche.risk.var;

/**
 * Which of the two usual empirical definitions of CVaR (expected shortfall) to use. With {@code p =
 * 1 - a} and the ascending sort of the sample; both are reported as positive losses.
 *
 * <p>Immutable and thread-safe.
 */
public enum CvarRule {
  /**
   * Minus the mean of the {@code k = ceil(n p)} smallest returns (the same {@code k} as {@link
   * QuantileRule#TYPE_1_INVERSE_ECDF}).
   */
  WORST_K_MEAN,
  /**
   * Minus the mean of all returns at or below the type-7 quantile {@code Q7(p)} (see {@link
   * QuantileRule#TYPE_7_LINEAR}); ties at the quantile are included.
   */
  BELOW_TYPE_7_QUANTILE
}

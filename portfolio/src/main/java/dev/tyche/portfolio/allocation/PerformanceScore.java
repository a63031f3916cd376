package dev.tyche.portfolio.allocation;

/**
 * The risk-adjusted performance measure that {@link AdaptiveAllocation} computes for each strategy
 * over its lookback window of {@code L} per-period simple returns {@code r_1 .. r_L}, with mean
 * {@code m} and sample standard deviation {@code s} (divisor {@code L - 1}). Scores are floored at
 * zero by the allocator; a window with {@code s = 0} scores zero (no measurable risk-adjusted
 * evidence).
 *
 * <p>Immutable and thread-safe.
 */
public enum PerformanceScore {
  /** The per-period Sharpe ratio at a zero risk-free rate, {@code m / s} (not annualised). */
  SHARPE,
  /**
   * The window's compounded return over the window's volatility, {@code (prod (1 + r_t) - 1) / (s
   * sqrt(L))}.
   */
  RETURN_OVER_VOLATILITY
}

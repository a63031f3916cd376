package dev.tyche.risk.volatility;

/**
 * The outcome of a GARCH maximum-likelihood fit. Only {@link #CONVERGED} is an interior,
 * covariance-stationary optimum; every other value must be looked at before the fit is used.
 *
 * <p>Immutable and thread-safe.
 */
public enum GarchFitStatus {
  /** The optimiser converged to an interior point with persistence below 1. */
  CONVERGED,
  /**
   * The optimiser converged, but the persistence is {@code >= 1}: the process is not covariance
   * stationary, the unconditional variance does not exist and multi-step forecasts grow without
   * bound (fGarch does not impose stationarity either).
   */
  NON_STATIONARY,
  /**
   * The optimiser stopped with a parameter at (numerically on) the boundary of its domain, for
   * example {@code alpha1} or {@code beta1} near 0 or 1, {@code |gamma1|} near 1 or the Student-t
   * shape near 2 or very large. Standard errors there are not meaningful.
   */
  AT_BOUNDARY,
  /**
   * The optimiser did not meet its convergence criterion (iteration limit, failed line search with
   * a large gradient, or no start gave a finite likelihood).
   */
  NOT_CONVERGED
}

package dev.tyche.portfolio.risk;

/**
 * How an iterative solver of this package ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum ConvergenceStatus {
  /** The residual fell to or below the requested tolerance. */
  CONVERGED,
  /** The iteration limit was reached first; the result is the last iterate, not an optimum. */
  MAX_ITERATIONS_REACHED
}

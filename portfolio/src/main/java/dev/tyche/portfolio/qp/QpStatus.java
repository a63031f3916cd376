package dev.tyche.portfolio.qp;

/**
 * Outcome of a quadratic-programming solve.
 *
 * <p>Immutable and thread-safe.
 */
public enum QpStatus {
  /** A point satisfying the KKT conditions within the solver's tolerances was found. */
  OPTIMAL,
  /**
   * The constraints have no common point: the dual problem is unbounded (Goldfarb and Idnani 1983,
   * section 3, step 2(c)(i)).
   */
  INFEASIBLE,
  /**
   * The quadratic term is not positive definite and the caller did not allow a ridge, or the ridge
   * did not make it positive definite.
   */
  NOT_CONVEX,
  /** The iteration limit was reached before optimality or infeasibility was established. */
  ITERATION_LIMIT,
  /** A non-finite number or a breakdown of the factorisation stopped the method. */
  NUMERICAL_FAILURE
}

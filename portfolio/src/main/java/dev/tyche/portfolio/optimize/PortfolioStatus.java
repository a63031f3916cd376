package dev.tyche.portfolio.optimize;

/**
 * Outcome of a portfolio optimisation.
 *
 * <p>Immutable and thread-safe.
 */
public enum PortfolioStatus {
  /** An optimal portfolio was found; its weights satisfy every constraint. */
  OPTIMAL,
  /**
   * No portfolio satisfies the constraints together with the objective's own requirement (a target
   * return or volatility out of reach, bounds that cannot sum to the budget, no portfolio with
   * expected return above the risk-free rate for a maximum-Sharpe problem).
   */
  INFEASIBLE,
  /**
   * The optimum is not attained: e.g. the maximum Sharpe ratio is approached only as the weights
   * grow without bound.
   */
  UNBOUNDED,
  /** The QP solver stopped on a numerical failure or its iteration limit. */
  SOLVER_FAILURE
}

package dev.tyche.portfolio.risk;

/**
 * The algorithm {@link RiskBudgeting} uses to minimise its log-barrier objective.
 *
 * <p>Immutable and thread-safe.
 */
public enum RiskBudgetMethod {
  /**
   * Newton's method with a backtracking (Armijo) line search that keeps every iterate positive
   * (Spinu 2013). Converges quadratically near the solution, also for strongly correlated or
   * ill-conditioned covariances; each iteration solves one {@code N x N} Cholesky system. The
   * default.
   */
  NEWTON,
  /**
   * Cyclical coordinate descent with the closed-form coordinate update (Griveau-Billion, Richard
   * and Roncalli 2013). Cheap per sweep and needs no linear solve, but converges only linearly,
   * slowly when assets are strongly correlated; suited to very large {@code N}.
   */
  COORDINATE_DESCENT
}

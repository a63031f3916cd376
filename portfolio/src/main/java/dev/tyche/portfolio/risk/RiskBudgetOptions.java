package dev.tyche.portfolio.risk;

import java.util.Objects;

/**
 * Method and stopping rule of {@link RiskBudgeting}: stop when the largest absolute gap between a
 * percentage risk contribution and its budget, {@code max_i |PRC_i - b_i|}, is at most {@code
 * tolerance}, or after {@code maxIterations} iterations (Newton steps, or full coordinate sweeps).
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the minimisation algorithm
 * @param tolerance the residual target, finite, in (0, 1)
 * @param maxIterations the largest number of iterations, {@code >= 1}
 */
public record RiskBudgetOptions(RiskBudgetMethod method, double tolerance, int maxIterations) {

  /** Newton's method, tolerance 1e-10, at most 200 iterations. */
  public static final RiskBudgetOptions DEFAULT =
      new RiskBudgetOptions(RiskBudgetMethod.NEWTON, 1e-10, 200);

  /** Validates the fields. */
  public RiskBudgetOptions {
    Objects.requireNonNull(method, "method must not be null");
    if (!(tolerance > 0.0 && tolerance < 1.0)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1) but was " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1 but was " + maxIterations);
    }
  }
}

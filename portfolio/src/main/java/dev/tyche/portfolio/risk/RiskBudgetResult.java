package dev.tyche.portfolio.risk;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of {@link RiskBudgeting}: long-only weights summing to one whose percentage
 * contributions to volatility match the budgets, with how the solver ended. Arrays are copied in
 * and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights the portfolio weights, each {@code > 0}, summing to 1
 * @param budgets the requested risk budgets, each {@code > 0}, summing to 1
 * @param percentContributions the achieved percentage contributions {@code w_i (Sigma w)_i / (w'
 *     Sigma w)} at {@code weights}
 * @param volatility the per-period portfolio volatility {@code sqrt(w' Sigma w)} at {@code weights}
 * @param status whether the tolerance was met
 * @param iterations the number of iterations performed (Newton steps or coordinate sweeps)
 * @param residual {@code max_i |percentContributions_i - budgets_i|} at the returned weights
 */
public record RiskBudgetResult(
    double[] weights,
    double[] budgets,
    double[] percentContributions,
    double volatility,
    ConvergenceStatus status,
    int iterations,
    double residual) {

  /** Validates the fields and copies the arrays. */
  public RiskBudgetResult {
    CovarianceChecks.finiteVector(weights, "weights");
    CovarianceChecks.finiteVector(budgets, "budgets");
    CovarianceChecks.finiteVector(percentContributions, "percentContributions");
    CovarianceChecks.sameLength(budgets, "budgets", weights.length, "weights");
    CovarianceChecks.sameLength(
        percentContributions, "percentContributions", weights.length, "weights");
    Objects.requireNonNull(status, "status must not be null");
    if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
      throw new IllegalArgumentException(
          "volatility must be finite and >= 0 but was " + volatility);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0 but was " + iterations);
    }
    if (!(residual >= 0.0)) {
      throw new IllegalArgumentException("residual must be >= 0 but was " + residual);
    }
    weights = weights.clone();
    budgets = budgets.clone();
    percentContributions = percentContributions.clone();
  }

  /**
   * Whether the solver met its tolerance.
   *
   * @return {@code status() == CONVERGED}
   */
  public boolean converged() {
    return status == ConvergenceStatus.CONVERGED;
  }

  /**
   * The weights.
   *
   * @return a copy, each {@code > 0}, summing to 1
   */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The requested budgets.
   *
   * @return a copy
   */
  @Override
  public double[] budgets() {
    return budgets.clone();
  }

  /**
   * The achieved percentage contributions to volatility.
   *
   * @return a copy; they sum to 1
   */
  @Override
  public double[] percentContributions() {
    return percentContributions.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RiskBudgetResult r
        && Arrays.equals(weights, r.weights)
        && Arrays.equals(budgets, r.budgets)
        && Arrays.equals(percentContributions, r.percentContributions)
        && Double.compare(volatility, r.volatility) == 0
        && status == r.status
        && iterations == r.iterations
        && Double.compare(residual, r.residual) == 0;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(weights);
    h = 31 * h + Arrays.hashCode(budgets);
    h = 31 * h + Arrays.hashCode(percentContributions);
    h = 31 * h + Double.hashCode(volatility);
    h = 31 * h + status.hashCode();
    h = 31 * h + iterations;
    return 31 * h + Double.hashCode(residual);
  }

  @Override
  public String toString() {
    return "RiskBudgetResult[weights="
        + Arrays.toString(weights)
        + ", budgets="
        + Arrays.toString(budgets)
        + ", percentContributions="
        + Arrays.toString(percentContributions)
        + ", volatility="
        + volatility
        + ", status="
        + status
        + ", iterations="
        + iterations
        + ", residual="
        + residual
        + "]";
  }
}

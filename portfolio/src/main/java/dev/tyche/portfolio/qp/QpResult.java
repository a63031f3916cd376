package dev.tyche.portfolio.qp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of {@link GoldfarbIdnaniSolver#solve(QuadraticProgram)}.
 *
 * <p>Constraint indices run over the equalities first ({@code 0 .. meq-1}, the rows of {@code
 * A_eq}) and then the inequalities ({@code meq .. meq+mIn-1}, row {@code i - meq} of {@code A_in}).
 * The multipliers satisfy the KKT stationarity condition {@code D x - d = A_eq' lambda_eq + A_in'
 * lambda_in} with {@code lambda_in >= 0} and {@code lambda_i = 0} for every constraint outside the
 * active set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status outcome; only {@link QpStatus#OPTIMAL} carries a meaningful {@code x}
 * @param x the solution (for other statuses: the last iterate, which is NOT a solution)
 * @param objective {@code 1/2 x'Dx - d'x} at {@code x} with the original {@code D} (no ridge)
 * @param iterations number of primal/dual steps taken (full and partial)
 * @param activeSet indices of the active constraints at the end, in the order they were added
 * @param multipliers Lagrange multipliers, one per constraint (equalities then inequalities)
 * @param ridge the multiple of the identity added to {@code D} to make it positive definite (0 when
 *     none was needed)
 * @param message human-readable detail, e.g. which constraint proved the problem infeasible
 */
public record QpResult(
    QpStatus status,
    double[] x,
    double objective,
    int iterations,
    int[] activeSet,
    double[] multipliers,
    double ridge,
    String message) {

  /**
   * Validates and copies the arrays.
   *
   * @throws NullPointerException if a reference argument is null
   * @throws IllegalArgumentException if {@code iterations} or {@code ridge} is negative
   */
  public QpResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    x = Objects.requireNonNull(x, "x").clone();
    activeSet = Objects.requireNonNull(activeSet, "activeSet").clone();
    multipliers = Objects.requireNonNull(multipliers, "multipliers").clone();
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0 but was " + iterations);
    }
    if (!(ridge >= 0.0)) {
      throw new IllegalArgumentException("ridge must be >= 0 but was " + ridge);
    }
  }

  /**
   * Whether {@link #status()} is {@link QpStatus#OPTIMAL}.
   *
   * @return true for an optimal result
   */
  public boolean isOptimal() {
    return status == QpStatus.OPTIMAL;
  }

  /**
   * A copy of the solution vector.
   *
   * @return {@code x}
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * A copy of the active constraint indices.
   *
   * @return the active set
   */
  @Override
  public int[] activeSet() {
    return activeSet.clone();
  }

  /**
   * A copy of the multipliers.
   *
   * @return one multiplier per constraint
   */
  @Override
  public double[] multipliers() {
    return multipliers.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QpResult r
        && status == r.status
        && Arrays.equals(x, r.x)
        && Double.compare(objective, r.objective) == 0
        && iterations == r.iterations
        && Arrays.equals(activeSet, r.activeSet)
        && Arrays.equals(multipliers, r.multipliers)
        && Double.compare(ridge, r.ridge) == 0
        && message.equals(r.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        status,
        Arrays.hashCode(x),
        objective,
        iterations,
        Arrays.hashCode(activeSet),
        Arrays.hashCode(multipliers),
        ridge,
        message);
  }

  @Override
  public String toString() {
    return "QpResult[status="
        + status
        + ", x="
        + Arrays.toString(x)
        + ", objective="
        + objective
        + ", iterations="
        + iterations
        + ", activeSet="
        + Arrays.toString(activeSet)
        + ", ridge="
        + ridge
        + ", message="
        + message
        + "]";
  }
}

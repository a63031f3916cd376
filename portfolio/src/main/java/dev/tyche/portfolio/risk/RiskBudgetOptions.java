package dev.tyche.portfolio.risk;

/**
 * Stopping rule of {@link RiskBudgeting}: stop when the largest absolute gap between a percentage
 * risk contribution and its budget, {@code max_i |PRC_i - b_i|}, is at most {@code tolerance}, or
 * after {@code maxSweeps} full coordinate sweeps.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tolerance the residual target, finite, in (0, 1)
 * @param maxSweeps the largest number of sweeps over all coordinates, {@code >= 1}
 */
public record RiskBudgetOptions(double tolerance, int maxSweeps) {

  /** Tolerance 1e-10 and at most 10 000 sweeps. */
  public static final RiskBudgetOptions DEFAULT = new RiskBudgetOptions(1e-10, 10_000);

  /** Validates the fields. */
  public RiskBudgetOptions {
    if (!(tolerance > 0.0 && tolerance < 1.0)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1) but was " + tolerance);
    }
    if (maxSweeps < 1) {
      throw new IllegalArgumentException("maxSweeps must be >= 1 but was " + maxSweeps);
    }
  }
}

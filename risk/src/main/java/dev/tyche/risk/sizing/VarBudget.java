package dev.tyche.risk.sizing;

import dev.tyche.core.num.Price;
import dev.tyche.risk.var.VarEstimate;
import java.util.Objects;

/**
 * A loss budget: the position's loss at the chosen confidence over the chosen horizon (VaR, or
 * expected shortfall) must not exceed {@code budget}, so the quantity is at most {@code budget /
 * perUnitLoss}. VaR and expected shortfall are positively homogeneous in the position size, so the
 * per-unit figure scales linearly.
 *
 * <p>Units: both numbers in the quote asset; {@code perUnitLoss} per one base unit held in the
 * direction being sized. A {@code perUnitLoss <= 0} (even the tail outcome is a gain) does not
 * constrain.
 *
 * <p>Immutable and thread-safe.
 *
 * @param perUnitLoss the VaR or ES of one base unit in quote units, finite
 * @param budget the largest acceptable loss in quote units, finite and {@code >= 0}
 */
public record VarBudget(double perUnitLoss, double budget) {

  /** Validates the fields. */
  public VarBudget {
    if (!Double.isFinite(perUnitLoss)) {
      throw new IllegalArgumentException("perUnitLoss must be finite but was " + perUnitLoss);
    }
    if (!(Double.isFinite(budget) && budget >= 0)) {
      throw new IllegalArgumentException("budget must be finite and >= 0 but was " + budget);
    }
  }

  /**
   * From a return-based estimate of {@code dev.tyche.risk.var}: {@code perUnitLoss = loss * price}
   * with {@code loss} the estimate's VaR or CVaR (a positive return loss). The estimate must be of
   * the returns of the position's direction (for a short, of negated returns) and at the horizon
   * the budget is meant for.
   *
   * @param estimate the VaR and CVaR in return units
   * @param expectedShortfall true to use CVaR (expected shortfall), false for VaR
   * @param price the price per base unit
   * @param budget the loss budget in quote units, {@code >= 0}
   * @return the budget
   */
  public static VarBudget ofEstimate(
      VarEstimate estimate, boolean expectedShortfall, Price price, double budget) {
    Objects.requireNonNull(estimate, "estimate must not be null");
    Objects.requireNonNull(price, "price must not be null");
    double loss = expectedShortfall ? estimate.cvar() : estimate.var();
    return new VarBudget(loss * price.toDouble(), budget);
  }

  /**
   * The largest quantity within the budget.
   *
   * @return {@code budget / perUnitLoss}, or {@code +Infinity} if {@code perUnitLoss <= 0}
   */
  public double maxQuantity() {
    return perUnitLoss > 0 ? budget / perUnitLoss : Double.POSITIVE_INFINITY;
  }
}

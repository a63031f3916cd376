package dev.tyche.portfolio.allocation;

import dev.tyche.core.num.Money;
import java.util.List;
import java.util.Objects;

/**
 * The orders chosen by {@link DiscreteAllocation#allocate(Money, List)} and what is left.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orders one order per target, in input order (zero quantity = not bought)
 * @param capital the capital that was allocated
 * @param spent the exact sum of the orders' notionals, {@code <= capital}
 * @param leftover {@code capital - spent}, {@code >= 0}
 * @param trackingError {@code sqrt(sum_i (achieved_i - target_i)^2)}, the Euclidean distance
 *     between achieved and target weights
 * @param locallyOptimal true if no single move (one lot more, one lot less, or both on two
 *     instruments) lowers the tracking error within the capital; false if the move limit stopped
 *     the search first
 */
public record DiscreteAllocationResult(
    List<AllocatedOrder> orders,
    Money capital,
    Money spent,
    Money leftover,
    double trackingError,
    boolean locallyOptimal) {

  /** Validates the fields and copies the list. */
  public DiscreteAllocationResult {
    orders = List.copyOf(orders);
    Objects.requireNonNull(capital, "capital must not be null");
    Objects.requireNonNull(spent, "spent must not be null");
    Objects.requireNonNull(leftover, "leftover must not be null");
    if (spent.compareTo(capital) > 0) {
      throw new IllegalArgumentException("spent " + spent + " must not exceed capital " + capital);
    }
    if (leftover.signum() < 0) {
      throw new IllegalArgumentException("leftover must be >= 0 but was " + leftover);
    }
    if (!(trackingError >= 0.0) || Double.isInfinite(trackingError)) {
      throw new IllegalArgumentException(
          "trackingError must be finite and >= 0 but was " + trackingError);
    }
  }

  /**
   * The achieved weight of each target, {@code notional_i / capital}.
   *
   * @return one weight per target, in input order
   */
  public double[] achievedWeights() {
    double[] w = new double[orders.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = orders.get(i).achievedWeight();
    }
    return w;
  }
}

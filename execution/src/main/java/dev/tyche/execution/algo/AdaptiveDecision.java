package dev.tyche.execution.algo;

import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * One interval decision of the {@link AdaptiveAlgorithm}, with every factor that shaped it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param interval the interval index {@code k}, from 0
 * @param time when it was taken, UTC epoch milliseconds
 * @param remaining the unfilled parent quantity {@code X} at the decision, base units
 * @param baseChild the base schedule's child {@code X phi(kappa, R)}, base units
 * @param volatilityFactor {@code phi(kappa sigma_s / sigma_b, R) / phi(kappa, R)}
 * @param spreadFactor {@code min(1, normal spread / spread)}
 * @param imbalanceFactor {@code 1 + gain * sign(side) * imbalance}
 * @param multiplier the product of the three factors, clamped to the configured bounds
 * @param child the child quantity planned for this interval, on the grid
 */
public record AdaptiveDecision(
    int interval,
    long time,
    double remaining,
    double baseChild,
    double volatilityFactor,
    double spreadFactor,
    double imbalanceFactor,
    double multiplier,
    Quantity child) {

  // A decision is a record of what happened; only the quantity can be missing by mistake.
  public AdaptiveDecision {
    Objects.requireNonNull(child, "child must not be null");
  }
}

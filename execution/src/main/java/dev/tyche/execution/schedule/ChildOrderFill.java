package dev.tyche.execution.schedule;

import dev.tyche.core.order.Side;
import java.util.Objects;

/**
 * One executed child order of a parent (meta) order, as needed to calibrate the linear impact model
 * ({@link LinearImpactCalibration}).
 *
 * <p>The parent was decided at time 0 at the decision (arrival) price {@code S0}. This child traded
 * {@code quantity} shares over {@code [elapsed, elapsed + duration]} at the volume-weighted average
 * price {@code averagePrice}, after {@code priorQuantity} shares of the same parent had already
 * been traded. Time is in one unit throughout (the unit of {@code volatility} and of the fitted
 * {@code eta}), prices in currency per share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param side the parent's side
 * @param quantity shares in this child, finite and {@code > 0}
 * @param duration the child's trading time {@code tau_k}, time units, finite and {@code > 0}
 * @param priorQuantity shares of the same parent traded before this child, finite and {@code >= 0}
 * @param elapsed time from the decision to the child's start, time units, finite and {@code >= 0}
 * @param decisionPrice the parent's decision (arrival) price {@code S0}, finite and {@code > 0}
 * @param averagePrice the child's average execution price, finite and {@code > 0}
 * @param volatility {@code sigma} around the fill, currency per share per square root of a time
 *     unit, finite and {@code > 0}
 */
public record ChildOrderFill(
    Side side,
    double quantity,
    double duration,
    double priorQuantity,
    double elapsed,
    double decisionPrice,
    double averagePrice,
    double volatility) {

  /** Validates the fields. */
  public ChildOrderFill {
    Objects.requireNonNull(side, "side");
    Checks.positive("quantity", quantity);
    Checks.positive("duration", duration);
    Checks.nonNegative("priorQuantity", priorQuantity);
    Checks.nonNegative("elapsed", elapsed);
    Checks.positive("decisionPrice", decisionPrice);
    Checks.positive("averagePrice", averagePrice);
    Checks.positive("volatility", volatility);
  }

  /**
   * The child's trade rate.
   *
   * @return {@code v_k = quantity / duration}, shares per time unit
   */
  public double tradeRate() {
    return quantity / duration;
  }

  /**
   * The cost per share relative to the decision price, positive when the fill was worse than {@code
   * S0}.
   *
   * @return {@code S0 - averagePrice} for a sale, {@code averagePrice - S0} for a purchase
   */
  public double slippagePerShare() {
    return side == Side.SELL ? decisionPrice - averagePrice : averagePrice - decisionPrice;
  }

  /**
   * The variance of {@link #slippagePerShare()} that price diffusion alone causes: the average of a
   * Brownian path over {@code [t, t + tau]} (fills spread evenly over the child) has variance
   * {@code sigma^2 (t + tau / 3)} about its value at 0.
   *
   * @return {@code sigma^2 (elapsed + duration / 3)}, (currency per share)²
   */
  public double diffusionVariance() {
    return volatility * volatility * (elapsed + duration / 3);
  }
}

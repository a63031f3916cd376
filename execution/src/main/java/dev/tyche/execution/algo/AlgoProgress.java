package dev.tyche.execution.algo;

import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.execution.schedule.ParentOrderCost;
import dev.tyche.execution.slippage.SlippageLevel;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A snapshot of a parent order's execution.
 *
 * <p>Immutable and thread-safe.
 *
 * @param parentId the parent's id
 * @param side the parent's side
 * @param state the algorithm's state
 * @param parentQuantity the parent's quantity
 * @param filled the quantity filled so far, never above {@code parentQuantity}
 * @param remaining {@code parentQuantity - filled}
 * @param working the open (unfilled) quantity of children still working at the venue
 * @param childrenSent how many children were submitted
 * @param arrivalPrice the benchmark: the reference price when the parent started (empty before)
 * @param averagePrice the quantity-weighted average fill price (empty before the first fill)
 * @param slippageBps the slippage of the average fill price against the arrival price, basis
 *     points, positive = cost (empty before the first fill)
 * @param slippageLevel the highest slippage level reached
 */
public record AlgoProgress(
    String parentId,
    Side side,
    AlgoState state,
    Quantity parentQuantity,
    Quantity filled,
    Quantity remaining,
    Quantity working,
    int childrenSent,
    OptionalDouble arrivalPrice,
    OptionalDouble averagePrice,
    OptionalDouble slippageBps,
    SlippageLevel slippageLevel) {

  // The exactness guarantee is filled + remaining = parent; a snapshot that breaks it is a bug.
  public AlgoProgress {
    Objects.requireNonNull(parentId, "parentId must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(parentQuantity, "parentQuantity must not be null");
    Objects.requireNonNull(filled, "filled must not be null");
    Objects.requireNonNull(remaining, "remaining must not be null");
    Objects.requireNonNull(working, "working must not be null");
    Objects.requireNonNull(arrivalPrice, "arrivalPrice must not be null");
    Objects.requireNonNull(averagePrice, "averagePrice must not be null");
    Objects.requireNonNull(slippageBps, "slippageBps must not be null");
    Objects.requireNonNull(slippageLevel, "slippageLevel must not be null");
    if (!filled.plus(remaining).isEqualTo(parentQuantity)) {
      throw new IllegalArgumentException(
          "filled "
              + filled
              + " + remaining "
              + remaining
              + " must equal parentQuantity "
              + parentQuantity);
    }
  }

  /**
   * The fraction of the parent filled.
   *
   * @return {@code filled / parentQuantity}, in {@code [0, 1]}
   */
  public double fillFraction() {
    return filled.toDouble() / parentQuantity.toDouble();
  }

  /**
   * This execution as an observation for {@link
   * dev.tyche.execution.slippage.ImpactEstimator#calibrate} (square-root impact calibration).
   *
   * @param dailyVolume the market's typical daily volume, base units, {@code > 0}
   * @param dailyVolatility the daily volatility of returns as a fraction, {@code > 0}
   * @return the observation, with the filled quantity as {@code Q}
   * @throws IllegalStateException before the first fill
   */
  public ParentOrderCost toParentOrderCost(double dailyVolume, double dailyVolatility) {
    if (averagePrice.isEmpty() || arrivalPrice.isEmpty()) {
      throw new IllegalStateException("parent " + parentId + " has no fills to report");
    }
    return new ParentOrderCost(
        side,
        filled.toDouble(),
        dailyVolume,
        dailyVolatility,
        arrivalPrice.getAsDouble(),
        averagePrice.getAsDouble());
  }
}

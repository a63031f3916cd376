package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;
import java.util.Objects;

/**
 * One completed parent (meta) order, as needed to calibrate the square-root impact law ({@link
 * SquareRootImpactCalibration}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param side the order's side
 * @param quantity the parent's total executed quantity {@code Q}, shares, finite and {@code > 0}
 * @param dailyVolume the market's typical daily volume {@code V}, shares, finite and {@code > 0}
 * @param dailyVolatility the daily volatility of returns {@code sigma}, a fraction (0.02 = 2 % a
 *     day), finite and {@code > 0}
 * @param arrivalPrice the price when the parent started, finite and {@code > 0}
 * @param averagePrice the parent's volume-weighted average execution price, finite and {@code > 0}
 */
public record ParentOrderCost(
    Side side,
    double quantity,
    double dailyVolume,
    double dailyVolatility,
    double arrivalPrice,
    double averagePrice) {

  /** Validates the fields. */
  public ParentOrderCost {
    Objects.requireNonNull(side, "side");
    Require.positive("quantity", quantity);
    Require.positive("dailyVolume", dailyVolume);
    Require.positive("dailyVolatility", dailyVolatility);
    Require.positive("arrivalPrice", arrivalPrice);
    Require.positive("averagePrice", averagePrice);
  }

  /**
   * The cost in basis points of the arrival price, positive when the fills were worse than arrival.
   *
   * @return {@code 10^4 (averagePrice - arrivalPrice) / arrivalPrice} for a purchase, its negative
   *     for a sale
   */
  public double costBps() {
    return 1e4 * side.sign() * (averagePrice - arrivalPrice) / arrivalPrice;
  }

  /**
   * The parent's share of daily volume.
   *
   * @return {@code Q / V}
   */
  public double volumeFraction() {
    return quantity / dailyVolume;
  }
}

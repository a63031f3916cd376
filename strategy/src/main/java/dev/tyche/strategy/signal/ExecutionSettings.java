package dev.tyche.strategy.signal;

import java.util.Objects;

/**
 * How a {@link TargetExecutor} sizes and sends orders.
 *
 * <p>Target quantity: {@code q* = exposure * capitalFraction * equity / price}, with {@code equity}
 * the portfolio's equity in the instrument's margin asset and {@code price} the latest reference
 * price (the last close). {@code capitalFraction = 1} means an exposure of 1 is a position worth
 * the whole equity; above 1 it is leverage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param style market or limit orders
 * @param capitalFraction notional at exposure 1 as a multiple of equity, finite, in {@code (0, 10]}
 * @param rebalanceTolerance the smallest trade worth sending, as a fraction of {@code
 *     capitalFraction * equity}, in {@code [0, 1)}; a trade that closes the position (target zero)
 *     is always sent
 * @param limitOffsetTicks for limit orders: how many ticks below (buy) or above (sell) the
 *     reference price to post, {@code >= 0}
 */
public record ExecutionSettings(
    OrderStyle style, double capitalFraction, double rebalanceTolerance, int limitOffsetTicks) {

  /** Market orders, exposure 1 = all equity, trades below 2 % of capital skipped. */
  public static final ExecutionSettings DEFAULT =
      new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.02, 0);

  // Parameters are checked here so that the executor's arithmetic never sees a NaN.
  public ExecutionSettings {
    Objects.requireNonNull(style, "style must not be null");
    if (!(capitalFraction > 0.0 && capitalFraction <= 10.0)) {
      throw new IllegalArgumentException(
          "capitalFraction must be in (0, 10] but was " + capitalFraction);
    }
    if (!(rebalanceTolerance >= 0.0 && rebalanceTolerance < 1.0)) {
      throw new IllegalArgumentException(
          "rebalanceTolerance must be in [0, 1) but was " + rebalanceTolerance);
    }
    if (limitOffsetTicks < 0) {
      throw new IllegalArgumentException(
          "limitOffsetTicks must be >= 0 but was " + limitOffsetTicks);
    }
  }
}

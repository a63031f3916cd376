package dev.tyche.execution.slippage;

import dev.tyche.core.order.Side;
import java.util.Objects;

/**
 * The slippage convention used throughout Tyche's execution code: slippage against a benchmark
 * price in basis points, <b>positive = cost</b>. A purchase filled above the benchmark, or a sale
 * filled below it, has positive slippage: {@code s = 10^4 * sign(side) * (p - b) / b} with {@code
 * sign(BUY) = +1}, {@code sign(SELL) = -1}. This is Perold's implementation shortfall per unit
 * traded (Perold 1988, "The implementation shortfall: paper versus reality", Journal of Portfolio
 * Management 14(3)) against the arrival (decision) price, and the same sign as {@code
 * schedule.ParentOrderCost#costBps()}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class Slippage {

  private Slippage() {}

  /**
   * Slippage of an execution price against a benchmark.
   *
   * @param side the order's side
   * @param benchmark the benchmark (arrival) price, finite and {@code > 0}
   * @param price the execution (or average execution) price, finite and {@code > 0}
   * @return {@code 10^4 sign(side) (price - benchmark) / benchmark}, basis points, positive = cost
   * @throws IllegalArgumentException if a price is not finite and positive
   */
  public static double bps(Side side, double benchmark, double price) {
    Objects.requireNonNull(side, "side must not be null");
    requirePositive("benchmark", benchmark);
    requirePositive("price", price);
    return 1e4 * side.sign() * (price - benchmark) / benchmark;
  }

  static void requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + value);
    }
  }

  static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
  }
}

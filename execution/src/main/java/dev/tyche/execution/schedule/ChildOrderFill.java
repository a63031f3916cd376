package dev.tyche.execution.schedule;

import dev.tyche.core.Require;

/**
 * One executed child order of a parent (meta) order: what it traded, when, and at what average
 * price. Used to calibrate the linear impact model through {@link ParentOrderFills} and {@link
 * LinearImpactCalibration}.
 *
 * <p>Time is measured from the parent's decision, in the time unit of the parent's volatility (and
 * of the fitted {@code eta}); prices are in currency per share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start time from the parent's decision to this child's first fill, time units, finite and
 *     {@code >= 0}
 * @param duration the child's trading time {@code tau_k}, time units, finite and {@code > 0}
 * @param quantity shares in this child, finite and {@code > 0}
 * @param averagePrice the child's volume-weighted average execution price, finite and {@code > 0}
 */
public record ChildOrderFill(double start, double duration, double quantity, double averagePrice) {

  /** Validates the fields. */
  public ChildOrderFill {
    Require.nonNegative("start", start);
    Require.positive("duration", duration);
    Require.positive("quantity", quantity);
    Require.positive("averagePrice", averagePrice);
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
   * The end of the child's trading.
   *
   * @return {@code start + duration}, time units
   */
  public double end() {
    return start + duration;
  }
}

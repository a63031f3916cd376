package dev.tyche.execution.algo;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parent (meta) order: trade {@code quantity} of {@code symbol} on {@code side} between {@code
 * startTime} and {@code endTime}. An algorithm splits it into child orders.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a name for the parent, 1 to 24 characters from {@code [A-Za-z0-9_-]} (it tags the
 *     algorithm's timers and its slippage records)
 * @param symbol the instrument
 * @param side buy or sell
 * @param quantity the exact total to trade, base units, {@code > 0}, on the instrument's step grid
 *     (checked when the algorithm starts)
 * @param startTime when to begin, UTC epoch milliseconds, {@code >= 0}
 * @param endTime the horizon, UTC epoch milliseconds, {@code > startTime}
 */
public record ParentOrder(
    String id, Symbol symbol, Side side, Quantity quantity, long startTime, long endTime) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,24}");

  // A parent with no size or an empty horizon cannot be scheduled.
  public ParentOrder {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must match " + ID.pattern() + " but was '" + id + "'");
    }
    if (quantity.isZero()) {
      throw new IllegalArgumentException("quantity must be > 0 but was " + quantity);
    }
    if (startTime < 0) {
      throw new IllegalArgumentException("startTime must be >= 0 but was " + startTime);
    }
    if (endTime <= startTime) {
      throw new IllegalArgumentException(
          "endTime must be > startTime " + startTime + " but was " + endTime);
    }
  }

  /**
   * The horizon's length.
   *
   * @return {@code endTime - startTime}, milliseconds
   */
  public long durationMillis() {
    return endTime - startTime;
  }
}

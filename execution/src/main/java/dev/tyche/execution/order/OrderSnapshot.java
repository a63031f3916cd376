package dev.tyche.execution.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one order at one moment, for other threads, tests and reports. Two managers that
 * applied the same inputs give equal snapshots.
 *
 * <p>Immutable and thread-safe.
 *
 * @param strategyId the owning strategy
 * @param order the order as submitted
 * @param state the life-cycle state
 * @param filledQuantity the exact sum of applied fills
 * @param venueOrderId the venue's id, once known
 * @param fillCount the number of distinct fills applied
 */
public record OrderSnapshot(
    StrategyId strategyId,
    SubmitOrder order,
    OrderState state,
    Quantity filledQuantity,
    Optional<VenueOrderId> venueOrderId,
    int fillCount) {

  // A snapshot reporting more filled than ordered would hide exactly the bug it should expose.
  public OrderSnapshot {
    Objects.requireNonNull(strategyId, "strategyId must not be null");
    Objects.requireNonNull(order, "order must not be null");
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(filledQuantity, "filledQuantity must not be null");
    Objects.requireNonNull(venueOrderId, "venueOrderId must not be null (use Optional.empty())");
    if (filledQuantity.compareTo(order.quantity()) > 0) {
      throw new IllegalArgumentException(
          "filledQuantity must be <= the order quantity "
              + order.quantity()
              + " but was "
              + filledQuantity);
    }
    if (fillCount < 0) {
      throw new IllegalArgumentException("fillCount must be >= 0 but was " + fillCount);
    }
  }

  /**
   * The client order id.
   *
   * @return the id
   */
  public ClientOrderId clientOrderId() {
    return order.clientOrderId();
  }
}

package dev.tyche.binance.rest;

import dev.tyche.binance.error.BinanceException;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a placement whose reply may have been lost.
 *
 * <ul>
 *   <li>{@link Status#PLACED}: Binance answered with the order.
 *   <li>{@link Status#RECOVERED}: the reply was lost (timeout, 5xx, -1006/-1007, malformed, or a
 *       -4116 duplicate), and the order was found by its client id.
 *   <li>{@link Status#NOT_FOUND}: the reply was lost and every look-up answered -2013: the order
 *       was not placed, and the caller may resend it with the <em>same</em> client id (a still-open
 *       original then answers -4116 instead of being duplicated).
 *   <li>{@link Status#UNRESOLVED}: the look-ups themselves failed; the outcome is still unknown,
 *       the caller must not resend and should resolve it later.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status
 * @param order the order as Binance reports it, present for PLACED and RECOVERED
 * @param cause why the first reply was lost, present for RECOVERED, NOT_FOUND and UNRESOLVED
 * @param <T> the order DTO type
 */
public record OrderPlacement<T>(
    Status status, Optional<T> order, Optional<BinanceException> cause) {

  /** The outcome of a placement. */
  public enum Status {
    /** Binance answered with the order. */
    PLACED,
    /** The reply was lost; the order was found by its client id. */
    RECOVERED,
    /** The reply was lost; the order does not exist: resend with the same client id. */
    NOT_FOUND,
    /** The reply was lost and the look-ups failed: still unknown, do not resend. */
    UNRESOLVED
  }

  // The order is present exactly when it was found.
  public OrderPlacement {
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(order, "order must not be null");
    Objects.requireNonNull(cause, "cause must not be null");
    boolean found = status == Status.PLACED || status == Status.RECOVERED;
    if (found != order.isPresent()) {
      throw new IllegalArgumentException(
          "order must be " + (found ? "present" : "absent") + " for status " + status);
    }
  }

  static <T> OrderPlacement<T> placed(T order) {
    return new OrderPlacement<>(Status.PLACED, Optional.of(order), Optional.empty());
  }

  static <T> OrderPlacement<T> recovered(T order, BinanceException cause) {
    return new OrderPlacement<>(Status.RECOVERED, Optional.of(order), Optional.of(cause));
  }

  static <T> OrderPlacement<T> notFound(BinanceException cause) {
    return new OrderPlacement<>(Status.NOT_FOUND, Optional.empty(), Optional.of(cause));
  }

  static <T> OrderPlacement<T> unresolved(BinanceException cause) {
    return new OrderPlacement<>(Status.UNRESOLVED, Optional.empty(), Optional.of(cause));
  }

  /**
   * Whether the order exists on Binance.
   *
   * @return true for PLACED and RECOVERED
   */
  public boolean exists() {
    return order.isPresent();
  }
}

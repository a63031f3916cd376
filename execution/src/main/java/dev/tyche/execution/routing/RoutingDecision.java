package dev.tyche.execution.routing;

import java.util.Objects;

/**
 * The router's choice and the numbers it compared.
 *
 * <p>Immutable and thread-safe.
 *
 * @param route the chosen route
 * @param reason a sentence with the compared numbers, for logs and audits
 * @param depthRatio the order size over the visible opposite depth ({@code +Infinity} for no depth)
 * @param aggressiveCostBps the expected cost of taking now, basis points (half spread + taker fee)
 * @param passiveCostBps the expected cost of posting at the touch, basis points (see {@link
 *     SmartOrderRouter})
 */
public record RoutingDecision(
    Route route,
    String reason,
    double depthRatio,
    double aggressiveCostBps,
    double passiveCostBps) {

  // A decision without its reason is what this record exists to prevent.
  public RoutingDecision {
    Objects.requireNonNull(route, "route must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }
}

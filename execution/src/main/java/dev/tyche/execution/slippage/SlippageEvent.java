package dev.tyche.execution.slippage;

import java.util.Objects;

/**
 * Realised slippage crossed a threshold: raised once per order and level when the level first rises
 * (an order that jumps straight to the hard limit raises only the hard-limit event), and for the
 * rolling window under the order id {@link SlippageMonitor#ROLLING}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the parent order's id, or {@link SlippageMonitor#ROLLING}
 * @param eventTime when, UTC epoch milliseconds, {@code >= 0}
 * @param level {@link SlippageLevel#ALERT} or {@link SlippageLevel#HARD_LIMIT}
 * @param slippageBps the slippage that crossed, basis points, positive = cost
 * @param thresholdBps the threshold it crossed, basis points
 */
public record SlippageEvent(
    String orderId, long eventTime, SlippageLevel level, double slippageBps, double thresholdBps) {

  // Only crossings are events; an OK "event" would be noise.
  public SlippageEvent {
    Objects.requireNonNull(orderId, "orderId must not be null");
    Objects.requireNonNull(level, "level must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    if (level == SlippageLevel.OK) {
      throw new IllegalArgumentException("level must be ALERT or HARD_LIMIT but was OK");
    }
    Slippage.requireFinite("slippageBps", slippageBps);
    Slippage.requireFinite("thresholdBps", thresholdBps);
  }
}

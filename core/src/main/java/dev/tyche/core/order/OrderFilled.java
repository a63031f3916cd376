package dev.tyche.core.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import java.util.Objects;

/**
 * The order executed completely; this execution was the last.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clientOrderId the order's client id
 * @param symbol the instrument
 * @param eventTime when it happened, UTC epoch milliseconds
 * @param execution the final execution
 */
public record OrderFilled(
    ClientOrderId clientOrderId, Symbol symbol, long eventTime, Execution execution)
    implements OrderFillEvent {

  // Events are facts from the venue or the engine: a malformed one is a bug at the boundary.
  public OrderFilled {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    Objects.requireNonNull(execution, "execution must not be null");
    if (!execution.leavesQuantity().isZero()) {
      throw new IllegalArgumentException(
          "a complete fill must leave nothing open but leavesQuantity was "
              + execution.leavesQuantity());
    }
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}

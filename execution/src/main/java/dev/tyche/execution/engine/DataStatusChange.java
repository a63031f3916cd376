package dev.tyche.execution.engine;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.port.DataStatus;
import java.util.Objects;

/**
 * A market-data stream's trust status changed (reported by the market-data client).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param status the new status
 * @param reason why, for logs
 */
public record DataStatusChange(Symbol symbol, DataStatus status, String reason) {
  /** Validates the fields. */
  public DataStatusChange {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }
}

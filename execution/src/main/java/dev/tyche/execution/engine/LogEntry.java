package dev.tyche.execution.engine;

import dev.tyche.core.strategy.StrategyId;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the engine's event log: everything the engine processed or decided, in the order it
 * did so. Two backtests with the same data, seed and strategies produce equal lists of entries
 * ({@code equals} on the records) and equal {@link #toString()} lines.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the entry's number, from 1, without gaps
 * @param time the engine clock's time when the entry was made, UTC epoch milliseconds
 * @param kind what the payload is
 * @param strategy the strategy concerned, if any
 * @param payload an immutable value: a {@code MarketEvent} (MARKET), an {@code OrderCommand}
 *     (COMMAND), an {@code OrderEvent} (ORDER_EVENT, DUPLICATE), a {@code TimerEvent} (TIMER), a
 *     {@code FundingPayment} (FUNDING), a {@code Money} (DEPOSIT), a {@code DataStatusChange}
 *     (DATA_STATUS) or a {@code String} explaining an input the engine refused (ANOMALY)
 */
public record LogEntry(
    long sequence, long time, LogEntry.Kind kind, Optional<StrategyId> strategy, Object payload) {

  /**
   * What a log entry records.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Kind {
    /** A starting balance, journaled at the first start. */
    DEPOSIT,
    /** A market event, before any strategy saw it. */
    MARKET,
    /** A strategy's submit or cancel, before the risk gate and the venue. */
    COMMAND,
    /** An order event the engine applied and handed to the owning strategy. */
    ORDER_EVENT,
    /** A re-delivered order event the order manager ignored (exactly-once). */
    DUPLICATE,
    /** A strategy timer fired. */
    TIMER,
    /** A funding settlement applied to the ledger. */
    FUNDING,
    /** A market-data stream changed its trust status. */
    DATA_STATUS,
    /**
     * An input the engine refused to apply (illegal transition, unknown order), with the reason.
     */
    ANOMALY
  }

  // Entries are compared in determinism tests; a null anywhere would make equality meaningless.
  public LogEntry {
    if (sequence <= 0) {
      throw new IllegalArgumentException("sequence must be > 0 but was " + sequence);
    }
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null (use Optional.empty())");
    Objects.requireNonNull(payload, "payload must not be null");
  }

  @Override
  public String toString() {
    return sequence
        + " "
        + time
        + " "
        + kind
        + " "
        + strategy.map(StrategyId::value).orElse("-")
        + " "
        + payload;
  }
}

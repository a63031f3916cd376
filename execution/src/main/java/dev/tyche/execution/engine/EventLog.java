package dev.tyche.execution.engine;

/**
 * Receives every {@link LogEntry} the engine makes, on the engine thread, in order.
 *
 * <p>Implementations are called from the engine thread only.
 */
@FunctionalInterface
public interface EventLog {

  /** A log that discards everything. */
  EventLog NONE = entry -> {};

  /**
   * Records one entry.
   *
   * @param entry the entry
   */
  void append(LogEntry entry);
}

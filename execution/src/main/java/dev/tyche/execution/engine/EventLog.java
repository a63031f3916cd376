package dev.tyche.execution.engine;

/**
 * Receives every {@link LogEntry} the engine makes, on the engine thread, in order.
 *
 * <p>Implementations are called from the engine thread only.
 */
@FunctionalInterface
public interface EventLog {

  /** A log that discards everything; it wants no market events, so the engine makes none. */
  EventLog NONE =
      new EventLog() {
        @Override
        public void append(LogEntry entry) {}

        @Override
        public boolean wantsMarketEvents() {
          return false;
        }
      };

  /**
   * Records one entry.
   *
   * @param entry the entry
   */
  void append(LogEntry entry);

  /**
   * Whether this log wants the {@link LogEntry.Kind#MARKET} entries, one per market event. Asked
   * once, when the engine is built. If false, the engine does not make them (a market event costs
   * no entry), but still numbers them: every other entry keeps the sequence number it would have
   * had, so logs with and without market entries agree on everything else.
   *
   * @return true (the default) to receive market entries
   */
  default boolean wantsMarketEvents() {
    return true;
  }
}

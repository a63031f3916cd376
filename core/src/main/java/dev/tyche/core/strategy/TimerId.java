package dev.tyche.core.strategy;

/**
 * Identifies a timer within one engine; ids are issued in increasing order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the sequence number, positive
 */
public record TimerId(long value) {

  // Ids come from a counter starting at 1; anything else was made up by a caller.
  public TimerId {
    if (value <= 0) {
      throw new IllegalArgumentException("timerId must be > 0 but was " + value);
    }
  }
}

package dev.tyche.execution.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event log kept in a list, for tests and the determinism property.
 *
 * <p>Mutable; confined to the engine thread (read it after the engine stopped, or from the engine
 * thread).
 */
public final class InMemoryEventLog implements EventLog {
  private final List<LogEntry> entries = new ArrayList<>();

  /** An empty log. */
  public InMemoryEventLog() {}

  @Override
  public void append(LogEntry entry) {
    entries.add(Objects.requireNonNull(entry, "entry must not be null"));
  }

  /**
   * The entries so far.
   *
   * @return an immutable copy, in order
   */
  public List<LogEntry> entries() {
    return List.copyOf(entries);
  }

  /**
   * The entries as text lines ({@link LogEntry#toString()}).
   *
   * @return one line per entry
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>(entries.size());
    for (LogEntry e : entries) {
      out.add(e.toString());
    }
    return out;
  }

  /**
   * The entries of one kind.
   *
   * @param kind the kind
   * @return the matching entries, in order
   */
  public List<LogEntry> entries(LogEntry.Kind kind) {
    List<LogEntry> out = new ArrayList<>();
    for (LogEntry e : entries) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }
}

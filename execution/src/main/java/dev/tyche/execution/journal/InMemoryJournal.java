package dev.tyche.execution.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal held in memory as encoded lines, the same text a {@link FileJournal} writes, so tests
 * exercise the codec. Survives the "crash" of an engine as long as the object is kept.
 *
 * <p>Mutable; confined to one thread.
 */
public final class InMemoryJournal implements Journal {
  private final List<String> lines = new ArrayList<>();
  private boolean closed;

  /** An empty journal (just the header). */
  public InMemoryJournal() {
    lines.add(JournalCodec.HEADER);
  }

  @Override
  public void append(JournalRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    if (closed) {
      throw new IllegalStateException("journal is closed");
    }
    lines.add(JournalCodec.encode(record));
  }

  @Override
  public List<JournalRecord> records() {
    List<JournalRecord> out = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      out.add(JournalCodec.decode(lines.get(i)));
    }
    return List.copyOf(out);
  }

  /**
   * The journal's text, header first.
   *
   * @return an immutable copy of the lines
   */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Reopens a closed journal, as a restarted process reopens its file.
   *
   * @return this journal
   */
  public InMemoryJournal reopen() {
    closed = false;
    return this;
  }

  @Override
  public void close() {
    closed = true;
  }
}

package dev.tyche.execution.journal;

import java.util.List;

/**
 * An append-only record of what the engine did, from which its order and ledger state can be
 * rebuilt after a crash ({@link JournalReplay}). The engine appends each record before it acts on
 * it externally (a submit is journaled before it is sent) or right after applying it internally (a
 * fill is journaled once the order manager and ledger accepted it), so a restart never loses an
 * order the venue may know about.
 *
 * <p>Implementations state their thread-safety; the engine uses a journal from its own thread.
 */
public interface Journal extends AutoCloseable {

  /**
   * Appends one record and makes it durable as far as the implementation promises (a file journal
   * flushes every record).
   *
   * @param record the record
   */
  void append(JournalRecord record);

  /**
   * Every record in the journal, those written before a restart included, in append order.
   *
   * @return an immutable list
   */
  List<JournalRecord> records();

  /** Releases resources; appending afterwards fails. */
  @Override
  void close();
}

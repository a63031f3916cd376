/**
 * The engine's journal: an append-only, line-based, versioned text record of commands, order events
 * and ledger movements ({@link dev.tyche.execution.journal.JournalCodec}), kept in a file ({@link
 * dev.tyche.execution.journal.FileJournal}, flushed per record) or in memory ({@link
 * dev.tyche.execution.journal.InMemoryJournal}), and {@link
 * dev.tyche.execution.journal.JournalReplay}, which rebuilds the order manager and ledger from it
 * after a restart.
 */
package dev.tyche.execution.journal;

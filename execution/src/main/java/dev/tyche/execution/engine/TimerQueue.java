package dev.tyche.execution.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Timers ordered by due time, then by the order they were set (a sequence number), so that timers
 * due at the same millisecond fire in a deterministic order. Cancelled timers are forgotten at once
 * and skipped when they reach the head.
 *
 * <p>Mutable; confined to the engine thread.
 */
final class TimerQueue {

  /** One timer: a strategy's ({@code slot >= 0}) or the engine's own ({@code slot == -1}). */
  static final class Entry {
    final long due;
    final long seq;
    final int slot;
    final String tag;
    final Object action;
    // Set when cancelled, so the queue skips it without a map lookup (and a boxed key) per peek.
    boolean cancelled;

    Entry(long due, long seq, int slot, String tag, Object action) {
      this.due = due;
      this.seq = seq;
      this.slot = slot;
      this.tag = tag;
      this.action = action;
    }
  }

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final Map<Long, Entry> live = new HashMap<>();
  private long nextSeq = 1;

  /** Adds a timer and returns its sequence number (the strategy's {@code TimerId} value). */
  long add(long due, int slot, String tag, Object action) {
    long seq = nextSeq++;
    Entry e = new Entry(due, seq, slot, tag, action);
    queue.add(e);
    live.put(seq, e);
    return seq;
  }

  /** Cancels a timer; false if it already fired, was cancelled, or never existed. */
  boolean cancel(long seq) {
    Entry e = live.remove(seq);
    if (e == null) {
      return false;
    }
    e.cancelled = true;
    return true;
  }

  /** The due time of the next live timer, or {@code Long.MAX_VALUE} if none. */
  long nextDue() {
    skipCancelled();
    Entry head = queue.peek();
    return head == null ? Long.MAX_VALUE : head.due;
  }

  /** Removes and returns the next live timer if it is due at or before {@code now}, else null. */
  Entry pollDue(long now) {
    skipCancelled();
    Entry head = queue.peek();
    if (head == null || head.due > now) {
      return null;
    }
    queue.poll();
    live.remove(head.seq);
    return head;
  }

  /** The number of live timers. */
  int size() {
    return live.size();
  }

  private void skipCancelled() {
    Entry head;
    while ((head = queue.peek()) != null && head.cancelled) {
      queue.poll();
    }
  }
}

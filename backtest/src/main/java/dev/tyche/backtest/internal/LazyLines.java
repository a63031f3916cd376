package dev.tyche.backtest.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of text lines rendered on demand: line {@code i} is {@code
 * String.valueOf(items[i])}. The runner keeps the engine's immutable log entries here instead of
 * formatting a string per market event while the backtest runs (formatting a million bars' log
 * lines cost more than the rest of the replay); a line is rendered only when read.
 *
 * <p>Not promised to users: the type of {@code BacktestResult.eventLog()} is {@code List<String>}.
 *
 * <p>Immutable and thread-safe, provided every item is immutable (log entries and strings are).
 */
public final class LazyLines extends AbstractList<String> implements RandomAccess {

  private final Object[] items;

  /**
   * Wraps a snapshot of the items.
   *
   * @param items the items, none null among the first {@code size}; copied
   * @param size how many of them are used
   */
  public LazyLines(Object[] items, int size) {
    Objects.requireNonNull(items, "items must not be null");
    this.items = Arrays.copyOf(items, size);
    for (int i = 0; i < size; i++) {
      Objects.requireNonNull(this.items[i], "items must not contain null");
    }
  }

  @Override
  public String get(int index) {
    Objects.checkIndex(index, items.length);
    return String.valueOf(items[index]);
  }

  @Override
  public int size() {
    return items.length;
  }
}

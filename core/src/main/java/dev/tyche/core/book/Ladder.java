package dev.tyche.core.book;

import java.util.Arrays;

/**
 * One side of an L2 book as two parallel primitive arrays sorted by ascending key, with the best
 * level at the <em>end</em>. Bids use the price units as key, asks the negated price units, so on
 * both sides "better" means "larger key" and the busy top of the book sits next to the free space:
 * inserting or removing a level near the touch moves only the few elements behind it.
 *
 * <p>No allocation except when the arrays must grow (capacity doubles, so growth stops once the
 * book has reached its working size).
 *
 * <p>Mutable; confined to one thread.
 */
final class Ladder {
  private long[] keys;
  private long[] quantities;
  private int size;

  Ladder(int capacity) {
    keys = new long[capacity];
    quantities = new long[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** The key of the level {@code depth} places from the best (0 = best). */
  long keyFromBest(int depth) {
    return keys[size - 1 - depth];
  }

  /** The quantity of the level {@code depth} places from the best (0 = best). */
  long quantityFromBest(int depth) {
    return quantities[size - 1 - depth];
  }

  /**
   * Sets the absolute quantity at {@code key}: zero removes the level (a no-op if absent), anything
   * else inserts or overwrites it.
   */
  void set(long key, long quantity) {
    int i = Arrays.binarySearch(keys, 0, size, key);
    if (i >= 0) {
      if (quantity == 0) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(quantities, i + 1, quantities, i, size - i - 1);
        size--;
      } else {
        quantities[i] = quantity;
      }
    } else if (quantity != 0) {
      int at = -i - 1;
      if (size == keys.length) {
        grow();
      }
      System.arraycopy(keys, at, keys, at + 1, size - at);
      System.arraycopy(quantities, at, quantities, at + 1, size - at);
      keys[at] = key;
      quantities[at] = quantity;
      size++;
    }
  }

  /** Drops every level whose key is {@code >= key}; they are all at the best end. */
  void removeFromBestWhileAtLeast(long key) {
    int s = size;
    while (s > 0 && keys[s - 1] >= key) {
      s--;
    }
    size = s;
  }

  /** Appends a level whose key is above every held key (bulk load in ascending key order). */
  void appendAscending(long key, long quantity) {
    if (size == keys.length) {
      grow();
    }
    keys[size] = key;
    quantities[size] = quantity;
    size++;
  }

  /** The quantity at exactly {@code key}, or 0 if there is no such level. */
  long quantityAt(long key) {
    int i = Arrays.binarySearch(keys, 0, size, key);
    return i >= 0 ? quantities[i] : 0;
  }

  /** The total quantity of levels with key {@code >= key}. */
  long quantityAtOrAbove(long key) {
    int i = Arrays.binarySearch(keys, 0, size, key);
    int from = i >= 0 ? i : -i - 1;
    long sum = 0;
    for (int j = from; j < size; j++) {
      sum = Math.addExact(sum, quantities[j]);
    }
    return sum;
  }

  private void grow() {
    int capacity = Math.max(16, keys.length * 2);
    keys = Arrays.copyOf(keys, capacity);
    quantities = Arrays.copyOf(quantities, capacity);
  }
}

package dev.tyche.core.book;

import java.util.Arrays;

/**
 * One side of an L2 book: levels sorted by ascending {@code long} key, held in fixed-size chunks of
 * parallel primitive arrays (a two-level B+-tree-like layout). Bids use the price units as key,
 * asks the negated price units, so on both sides "better" means "larger key" and the best level is
 * the last element of the last chunk.
 *
 * <p>Why chunks: a Binance diff changes about 70 levels, of which about 25 are inserted or removed,
 * many of them far from the touch. In one flat sorted array each such change shifts every level on
 * one side of it (about 13,000 elements per diff on the BTCUSDT capture); in chunks of {@value
 * #CHUNK} it shifts at most {@value #CHUNK} elements plus, on a split or when a chunk empties, a
 * directory of chunk ids.
 *
 * <p>Chunks come from a pool and return to it when they empty, so nothing is allocated once the
 * pool has grown to the book's working size (it doubles when exhausted).
 *
 * <p>Mutable; confined to one thread.
 */
final class Ladder {
  /** Levels per chunk. */
  static final int CHUNK = 64;

  /** How full bulk loading leaves a chunk, keeping room for inserts. */
  private static final int FILL = CHUNK * 3 / 4;

  private long[][] keys; // chunk id -> keys, ascending within the chunk
  private long[][] quantities; // chunk id -> quantities
  private int[] sizes; // chunk id -> number of levels used
  private int[] free; // stack of unused chunk ids
  private int freeCount;
  private int[] order; // chunk ids in ascending key order; every listed chunk is non-empty
  // firstKeys[c] = first key of chunk order[c]: the directory is searched in one contiguous array
  // instead of chasing a pointer into every probed chunk.
  private long[] firstKeys;
  private int chunks;
  private int size;
  private int hint; // position in order of the last chunk found; only a guess, always verified

  Ladder(int capacityLevels) {
    int pool = Math.max(4, (capacityLevels + FILL - 1) / FILL);
    keys = new long[0][];
    quantities = new long[0][];
    sizes = new int[0];
    free = new int[0];
    order = new int[0];
    firstKeys = new long[0];
    growPool(pool);
  }

  int size() {
    return size;
  }

  void clear() {
    for (int c = 0; c < chunks; c++) {
      free[freeCount++] = order[c];
    }
    chunks = 0;
    size = 0;
  }

  /** The best (largest) key; the ladder must not be empty. */
  long bestKey() {
    int id = order[chunks - 1];
    return keys[id][sizes[id] - 1];
  }

  /** The quantity at the best key; the ladder must not be empty. */
  long bestQuantity() {
    int id = order[chunks - 1];
    return quantities[id][sizes[id] - 1];
  }

  /**
   * Sets the absolute quantity at {@code key}: zero removes the level (a no-op if absent), anything
   * else inserts or overwrites it.
   */
  void set(long key, long quantity) {
    if (chunks == 0) {
      if (quantity != 0) {
        int id = newChunk();
        order[0] = id;
        firstKeys[0] = key;
        chunks = 1;
        keys[id][0] = key;
        quantities[id][0] = quantity;
        sizes[id] = 1;
        size = 1;
      }
      return;
    }
    int c = chunkFor(key);
    int id = order[c];
    int n = sizes[id];
    int at = lowerBound(keys[id], n, key);
    if (at < n && keys[id][at] == key) {
      int i = at;
      if (quantity != 0) {
        quantities[id][i] = quantity;
        return;
      }
      System.arraycopy(keys[id], i + 1, keys[id], i, n - i - 1);
      System.arraycopy(quantities[id], i + 1, quantities[id], i, n - i - 1);
      sizes[id] = n - 1;
      size--;
      if (n == 1) {
        free[freeCount++] = id;
        System.arraycopy(order, c + 1, order, c, chunks - c - 1);
        System.arraycopy(firstKeys, c + 1, firstKeys, c, chunks - c - 1);
        chunks--;
      } else if (i == 0) {
        firstKeys[c] = keys[id][0];
      }
      return;
    }
    if (quantity == 0) {
      return;
    }
    if (n == CHUNK) {
      // Split: the upper half moves to a fresh chunk listed right after this one.
      int upper = newChunk();
      int half = CHUNK / 2;
      System.arraycopy(keys[id], half, keys[upper], 0, CHUNK - half);
      System.arraycopy(quantities[id], half, quantities[upper], 0, CHUNK - half);
      sizes[id] = half;
      sizes[upper] = CHUNK - half;
      System.arraycopy(order, c + 1, order, c + 2, chunks - c - 1);
      System.arraycopy(firstKeys, c + 1, firstKeys, c + 2, chunks - c - 1);
      order[c + 1] = upper;
      firstKeys[c + 1] = keys[upper][0];
      chunks++;
      if (at > half) {
        id = upper;
        at -= half;
        c++;
      }
      n = sizes[id];
    }
    System.arraycopy(keys[id], at, keys[id], at + 1, n - at);
    System.arraycopy(quantities[id], at, quantities[id], at + 1, n - at);
    keys[id][at] = key;
    quantities[id][at] = quantity;
    sizes[id] = n + 1;
    size++;
    if (at == 0) {
      firstKeys[c] = key;
    }
  }

  /** Drops every level whose key is {@code >= key}; they are all at the best end. */
  void removeFromBestWhileAtLeast(long key) {
    while (chunks > 0) {
      int id = order[chunks - 1];
      int n = sizes[id];
      long[] k = keys[id];
      while (n > 0 && k[n - 1] >= key) {
        n--;
      }
      size -= sizes[id] - n;
      sizes[id] = n;
      if (n > 0) {
        return;
      }
      free[freeCount++] = id;
      chunks--;
    }
  }

  /** Appends a level whose key is above every held key (bulk load in ascending key order). */
  void appendAscending(long key, long quantity) {
    int id;
    if (chunks > 0 && sizes[order[chunks - 1]] < FILL) {
      id = order[chunks - 1];
    } else {
      id = newChunk();
      firstKeys[chunks] = key;
      order[chunks++] = id;
    }
    int n = sizes[id];
    keys[id][n] = key;
    quantities[id][n] = quantity;
    sizes[id] = n + 1;
    size++;
  }

  /** The quantity at exactly {@code key}, or 0 if there is no such level. */
  long quantityAt(long key) {
    if (chunks == 0) {
      return 0;
    }
    int id = order[chunkFor(key)];
    int i = Arrays.binarySearch(keys[id], 0, sizes[id], key);
    return i >= 0 ? quantities[id][i] : 0;
  }

  /** The total quantity of levels with key {@code >= key}. */
  long quantityAtOrAbove(long key) {
    if (chunks == 0) {
      return 0;
    }
    int c = chunkFor(key);
    int id = order[c];
    int i = Arrays.binarySearch(keys[id], 0, sizes[id], key);
    int from = i >= 0 ? i : -i - 1;
    long sum = 0;
    for (; c < chunks; c++) {
      id = order[c];
      long[] q = quantities[id];
      for (int j = from; j < sizes[id]; j++) {
        sum = Math.addExact(sum, q[j]);
      }
      from = 0;
    }
    return sum;
  }

  /**
   * Copies up to {@code max} levels, best (largest key) first, into the arrays.
   *
   * @return the number copied
   */
  int copyFromBest(long[] outKeys, long[] outQuantities, int max) {
    int n = 0;
    for (int c = chunks - 1; c >= 0 && n < max; c--) {
      int id = order[c];
      long[] k = keys[id];
      long[] q = quantities[id];
      for (int j = sizes[id] - 1; j >= 0 && n < max; j--) {
        outKeys[n] = k[j];
        outQuantities[n] = q[j];
        n++;
      }
    }
    return n;
  }

  /**
   * Position in {@code order} of the last chunk whose first key is {@code <= key}, else 0; {@code
   * chunks} must be positive.
   *
   * <p>The levels of one diff arrive sorted and cluster near the touch, so the chunk of the
   * previous look-up is tried first (two well-predicted comparisons). Otherwise the directory is
   * searched without data-dependent branches: the loop narrows {@code [base, base + n)} by a
   * conditional move, which C2 emits for this shape, instead of a jump that mispredicts half the
   * time (P.-V. Khuong and P. Morin, "Array Layouts for Comparison-Based Searching", ACM JEA 22,
   * 2017, section 3.1, branch-free binary search).
   */
  private int chunkFor(long key) {
    int h = hint;
    if (h < chunks && firstKeys[h] <= key && (h + 1 == chunks || firstKeys[h + 1] > key)) {
      return h;
    }
    long[] f = firstKeys;
    int base = 0;
    int n = chunks;
    while (n > 1) {
      int half = n >>> 1;
      base = f[base + half] <= key ? base + half : base;
      n -= half;
    }
    hint = base;
    return base;
  }

  /**
   * The first index in {@code k[0, n)} whose key is {@code >= key} ({@code n} if none), branch-free
   * as in {@link #chunkFor(long)}.
   */
  private static int lowerBound(long[] k, int n, long key) {
    if (n == 0) {
      return 0;
    }
    int base = 0;
    int len = n;
    while (len > 1) {
      int half = len >>> 1;
      base = k[base + half - 1] < key ? base + half : base;
      len -= half;
    }
    return k[base] < key ? base + 1 : base;
  }

  private int newChunk() {
    if (freeCount == 0) {
      growPool(keys.length * 2);
    }
    int id = free[--freeCount];
    sizes[id] = 0;
    return id;
  }

  private void growPool(int capacity) {
    int old = keys.length;
    keys = Arrays.copyOf(keys, capacity);
    quantities = Arrays.copyOf(quantities, capacity);
    sizes = Arrays.copyOf(sizes, capacity);
    free = Arrays.copyOf(free, capacity);
    order = Arrays.copyOf(order, capacity);
    firstKeys = Arrays.copyOf(firstKeys, capacity);
    for (int id = capacity - 1; id >= old; id--) {
      keys[id] = new long[CHUNK];
      quantities[id] = new long[CHUNK];
      free[freeCount++] = id;
    }
  }
}

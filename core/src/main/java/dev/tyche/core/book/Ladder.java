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

  // Chunk id c owns slots [c * CHUNK, (c + 1) * CHUNK) of these two flat arrays: one array access
  // per level instead of a load of the chunk's own array first.
  private long[] keys; // keys, ascending within each chunk
  private long[] quantities;
  private int poolChunks;
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
    keys = new long[0];
    quantities = new long[0];
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
    return keys[id * CHUNK + sizes[id] - 1];
  }

  /** The quantity at the best key; the ladder must not be empty. */
  long bestQuantity() {
    int id = order[chunks - 1];
    return quantities[id * CHUNK + sizes[id] - 1];
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
        keys[id * CHUNK] = key;
        quantities[id * CHUNK] = quantity;
        sizes[id] = 1;
        size = 1;
      }
      return;
    }
    int c = chunkFor(key);
    int id = order[c];
    int n = sizes[id];
    int o = id * CHUNK;
    int at = lowerBound(keys, o, n, key);
    if (at < n && keys[o + at] == key) {
      int i = at;
      if (quantity != 0) {
        quantities[o + i] = quantity;
        return;
      }
      System.arraycopy(keys, o + i + 1, keys, o + i, n - i - 1);
      System.arraycopy(quantities, o + i + 1, quantities, o + i, n - i - 1);
      sizes[id] = n - 1;
      size--;
      if (n == 1) {
        free[freeCount++] = id;
        System.arraycopy(order, c + 1, order, c, chunks - c - 1);
        System.arraycopy(firstKeys, c + 1, firstKeys, c, chunks - c - 1);
        chunks--;
      } else if (i == 0) {
        firstKeys[c] = keys[o];
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
      System.arraycopy(keys, o + half, keys, upper * CHUNK, CHUNK - half);
      System.arraycopy(quantities, o + half, quantities, upper * CHUNK, CHUNK - half);
      sizes[id] = half;
      sizes[upper] = CHUNK - half;
      System.arraycopy(order, c + 1, order, c + 2, chunks - c - 1);
      System.arraycopy(firstKeys, c + 1, firstKeys, c + 2, chunks - c - 1);
      order[c + 1] = upper;
      firstKeys[c + 1] = keys[upper * CHUNK];
      chunks++;
      if (at > half) {
        id = upper;
        o = upper * CHUNK;
        at -= half;
        c++;
      }
      n = sizes[id];
    }
    System.arraycopy(keys, o + at, keys, o + at + 1, n - at);
    System.arraycopy(quantities, o + at, quantities, o + at + 1, n - at);
    keys[o + at] = key;
    quantities[o + at] = quantity;
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
      long[] k = keys;
      int o = id * CHUNK;
      while (n > 0 && k[o + n - 1] >= key) {
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
    keys[id * CHUNK + n] = key;
    quantities[id * CHUNK + n] = quantity;
    sizes[id] = n + 1;
    size++;
  }

  /** The quantity at exactly {@code key}, or 0 if there is no such level. */
  long quantityAt(long key) {
    if (chunks == 0) {
      return 0;
    }
    int id = order[chunkFor(key)];
    int o = id * CHUNK;
    int n = sizes[id];
    int i = lowerBound(keys, o, n, key);
    return i < n && keys[o + i] == key ? quantities[o + i] : 0;
  }

  /** The total quantity of levels with key {@code >= key}. */
  long quantityAtOrAbove(long key) {
    if (chunks == 0) {
      return 0;
    }
    int c = chunkFor(key);
    int id = order[c];
    int from = lowerBound(keys, id * CHUNK, sizes[id], key);
    long sum = 0;
    for (; c < chunks; c++) {
      id = order[c];
      int o = id * CHUNK;
      for (int j = from; j < sizes[id]; j++) {
        sum = Math.addExact(sum, quantities[o + j]);
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
      int o = id * CHUNK;
      for (int j = sizes[id] - 1; j >= 0 && n < max; j--) {
        outKeys[n] = keys[o + j];
        outQuantities[n] = quantities[o + j];
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
   * The first index {@code i} in {@code [0, n)} with {@code k[offset + i] >= key} ({@code n} if
   * none), branch-free as in {@link #chunkFor(long)}.
   */
  private static int lowerBound(long[] k, int offset, int n, long key) {
    if (n == 0) {
      return 0;
    }
    int base = offset;
    int len = n;
    while (len > 1) {
      int half = len >>> 1;
      base = k[base + half - 1] < key ? base + half : base;
      len -= half;
    }
    return (k[base] < key ? base + 1 : base) - offset;
  }

  private int newChunk() {
    if (freeCount == 0) {
      growPool(poolChunks * 2);
    }
    int id = free[--freeCount];
    sizes[id] = 0;
    return id;
  }

  private void growPool(int capacity) {
    int old = poolChunks;
    keys = Arrays.copyOf(keys, capacity * CHUNK);
    quantities = Arrays.copyOf(quantities, capacity * CHUNK);
    poolChunks = capacity;
    sizes = Arrays.copyOf(sizes, capacity);
    free = Arrays.copyOf(free, capacity);
    order = Arrays.copyOf(order, capacity);
    firstKeys = Arrays.copyOf(firstKeys, capacity);
    for (int id = capacity - 1; id >= old; id--) {
      free[freeCount++] = id;
    }
  }
}

package dev.tyche.backtest.runner;

import java.util.Arrays;

/**
 * The runner's samples: a time and a row of values per sample, stored column by column in chunks of
 * {@value #CHUNK} samples. Appending never copies what is stored (a growing array would copy every
 * sample about once more, and a million-bar replay samples at every bar); the columns are assembled
 * into exact-length arrays once, when the result is built. Rows may widen over the run (a column
 * added later reads 0 in the samples before it); they never narrow.
 *
 * <p>Mutable; confined to one thread.
 */
final class SampleColumns {

  static final int CHUNK = 1 << 12;
  private static final int SHIFT = 12;
  private static final int MASK = CHUNK - 1;

  private long[][] timeChunks = new long[4][];
  // valueChunks[chunk][column][offset]; a chunk's column array exists once a row of that width
  // was stored in the chunk (zero before that row).
  private double[][][] valueChunks = new double[4][][];
  private int size;
  private int width;

  /** No samples. */
  SampleColumns() {}

  /**
   * The number of samples.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /**
   * The time of the last sample.
   *
   * @return its time
   * @throws IllegalStateException if there is none
   */
  long lastTime() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    int i = size - 1;
    return timeChunks[i >>> SHIFT][i & MASK];
  }

  /** Forgets the last sample (its row is overwritten by the next {@link #add}). */
  void removeLast() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    size--;
  }

  /**
   * Appends a sample.
   *
   * @param time its time
   * @param row its values, copied
   */
  void add(long time, double[] row) {
    int i = size;
    int chunk = i >>> SHIFT;
    int offset = i & MASK;
    if (chunk == timeChunks.length) {
      timeChunks = Arrays.copyOf(timeChunks, 2 * chunk);
      valueChunks = Arrays.copyOf(valueChunks, 2 * chunk);
    }
    if (timeChunks[chunk] == null) {
      timeChunks[chunk] = new long[CHUNK];
      valueChunks[chunk] = new double[0][];
    }
    double[][] columns = valueChunks[chunk];
    if (columns.length < row.length) {
      int old = columns.length;
      columns = Arrays.copyOf(columns, row.length);
      for (int c = old; c < row.length; c++) {
        columns[c] = new double[CHUNK];
      }
      valueChunks[chunk] = columns;
    }
    timeChunks[chunk][offset] = time;
    for (int c = 0; c < row.length; c++) {
      columns[c][offset] = row[c];
    }
    // A re-added last sample may be narrower than the one it replaces only if rows narrowed,
    // which they never do; clear any wider cells all the same so a row reads exactly as stored.
    for (int c = row.length; c < columns.length; c++) {
      columns[c][offset] = 0.0;
    }
    width = Math.max(width, row.length);
    size++;
  }

  /**
   * The times of every sample.
   *
   * @return a new array of {@link #size()} times
   */
  long[] times() {
    long[] out = new long[size];
    for (int from = 0; from < size; from += CHUNK) {
      System.arraycopy(timeChunks[from >>> SHIFT], 0, out, from, Math.min(CHUNK, size - from));
    }
    return out;
  }

  /**
   * One column over every sample.
   *
   * @param column the column index
   * @return a new array of {@link #size()} values, 0 where a sample's row was narrower
   */
  double[] column(int column) {
    double[] out = new double[size];
    if (column >= width) {
      return out;
    }
    for (int from = 0; from < size; from += CHUNK) {
      double[][] columns = valueChunks[from >>> SHIFT];
      if (column < columns.length) {
        System.arraycopy(columns[column], 0, out, from, Math.min(CHUNK, size - from));
      }
    }
    return out;
  }
}

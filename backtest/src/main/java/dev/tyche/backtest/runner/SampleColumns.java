package dev.tyche.backtest.runner;

import java.util.Arrays;

/**
 * The runner's samples: a time and a row of values per sample, stored column by column in chunks.
 * Appending never copies what is stored (a growing array would copy every sample about once more,
 * and a million-bar replay samples at every bar); the columns are assembled into exact-length
 * arrays once, when the result is built. When the number of samples is known in advance the first
 * chunk holds exactly that many, and a column that fills it is handed over without a copy. Rows may
 * widen over the run (a column added later reads 0 in the samples before it); they never narrow.
 *
 * <p>Mutable; confined to one thread.
 */
final class SampleColumns {

  /** The chunk size when the number of samples is not known. */
  static final int CHUNK = 1 << 12;

  private final int chunkSize;

  private long[][] timeChunks = new long[4][];
  // valueChunks[chunk][column][offset]; a chunk's column array exists once a row of that width
  // was stored in the chunk (zero before that row).
  private double[][][] valueChunks = new double[4][][];
  private int size;
  private int width;

  /**
   * No samples.
   *
   * @param expected the number of samples expected, or 0 if unknown; more may be added
   */
  SampleColumns(int expected) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected must be >= 0 but was " + expected);
    }
    this.chunkSize = expected > 0 ? expected : CHUNK;
  }

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
    return timeChunks[i / chunkSize][i % chunkSize];
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
    int chunk = i / chunkSize;
    int offset = i % chunkSize;
    if (chunk == timeChunks.length) {
      timeChunks = Arrays.copyOf(timeChunks, 2 * chunk);
      valueChunks = Arrays.copyOf(valueChunks, 2 * chunk);
    }
    if (timeChunks[chunk] == null) {
      timeChunks[chunk] = new long[chunkSize];
      valueChunks[chunk] = new double[0][];
    }
    double[][] columns = valueChunks[chunk];
    if (columns.length < row.length) {
      int old = columns.length;
      columns = Arrays.copyOf(columns, row.length);
      for (int c = old; c < row.length; c++) {
        columns[c] = new double[chunkSize];
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
   * The times of every sample. Read each of {@link #times()} and {@link #column} at most once: an
   * array that holds exactly the samples is handed over, not copied.
   *
   * @return an array of {@link #size()} times
   */
  long[] times() {
    if (size == chunkSize) {
      return timeChunks[0];
    }
    long[] out = new long[size];
    for (int from = 0; from < size; from += chunkSize) {
      System.arraycopy(
          timeChunks[from / chunkSize], 0, out, from, Math.min(chunkSize, size - from));
    }
    return out;
  }

  /**
   * One column over every sample (see {@link #times()} on reading it once).
   *
   * @param column the column index
   * @return an array of {@link #size()} values, 0 where a sample's row was narrower
   */
  double[] column(int column) {
    if (size == chunkSize && column < valueChunks[0].length) {
      return valueChunks[0][column];
    }
    double[] out = new double[size];
    if (column >= width) {
      return out;
    }
    for (int from = 0; from < size; from += chunkSize) {
      double[][] columns = valueChunks[from / chunkSize];
      if (column < columns.length) {
        System.arraycopy(columns[column], 0, out, from, Math.min(chunkSize, size - from));
      }
    }
    return out;
  }
}

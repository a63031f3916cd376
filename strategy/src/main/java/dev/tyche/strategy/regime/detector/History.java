package dev.tyche.strategy.regime.detector;

import java.util.Arrays;

/**
 * A growable series of doubles addressed by absolute position (0 = the first value ever added) that
 * can forget its oldest values, so a rolling detector keeps bounded memory.
 *
 * <p>Mutable; confined to one thread.
 */
final class History {

  private double[] values = new double[64];
  private long base;
  private int size;

  /** Appends a value at position {@link #end()}. */
  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** Number of values ever added: the next position. */
  long end() {
    return base + size;
  }

  double get(long position) {
    return values[index(position)];
  }

  void set(long position, double v) {
    values[index(position)] = v;
  }

  /** Forgets values before {@code position} once at least half the buffer would be freed. */
  void forgetBefore(long position) {
    long drop = Math.min(position - base, size);
    if (drop > 0 && drop >= size / 2 && drop >= 32) {
      int d = (int) drop;
      System.arraycopy(values, d, values, 0, size - d);
      size -= d;
      base += d;
    }
  }

  private int index(long position) {
    long i = position - base;
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(
          "position must be in [" + base + ", " + end() + ") but was " + position);
    }
    return (int) i;
  }
}

package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;

/**
 * A sum of values over a trailing time window {@code (t - window, t]}, kept in a growable ring of
 * primitive arrays. The ring doubles when full, so after warm-up (once it holds the busiest window
 * seen) adding and evicting allocate nothing. The running sum is recomputed from the stored values
 * once per ring length of evictions, which bounds the floating-point drift of add/subtract.
 *
 * <p>Mutable; confined to one thread.
 */
final class TimeWindowSum {
  private final long window;
  private long[] times;
  private double[] values;
  private int head;
  private int size;
  private double sum;
  private int evictionsSinceRecompute;
  private long lastTime = Long.MIN_VALUE;

  TimeWindowSum(long windowMillis, int initialCapacity) {
    this.window = Require.positive("windowMillis", windowMillis);
    int capacity = Require.positive("initialCapacity", initialCapacity);
    times = new long[capacity];
    values = new double[capacity];
  }

  long window() {
    return window;
  }

  /** Evicts what fell out of the window ending at {@code time}, then adds the value. */
  void add(long time, double value) {
    advance(time);
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = time;
    values[slot] = value;
    size++;
    sum += value;
  }

  /** Evicts every entry with time {@code <= time - window}. */
  void advance(long time) {
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    long cutoff = time - window;
    while (size > 0 && times[head] <= cutoff) {
      sum -= values[head];
      head = (head + 1) % times.length;
      size--;
      evictionsSinceRecompute++;
    }
    if (size == 0) {
      sum = 0;
      evictionsSinceRecompute = 0;
    } else if (evictionsSinceRecompute >= times.length) {
      recompute();
    }
  }

  double sum() {
    return sum;
  }

  int size() {
    return size;
  }

  void clear() {
    head = 0;
    size = 0;
    sum = 0;
    evictionsSinceRecompute = 0;
  }

  private void recompute() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += values[(head + i) % times.length];
    }
    sum = s;
    evictionsSinceRecompute = 0;
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    double[] v = new double[n * 2];
    for (int i = 0; i < size; i++) {
      t[i] = times[(head + i) % n];
      v[i] = values[(head + i) % n];
    }
    times = t;
    values = v;
    head = 0;
  }
}

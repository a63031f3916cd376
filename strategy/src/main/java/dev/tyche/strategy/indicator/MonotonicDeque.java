package dev.tyche.strategy.indicator;

/**
 * Sliding-window maximum (or minimum) by a monotonic deque held in primitive ring arrays.
 *
 * <p>The deque keeps the indices and values of the window's elements that can still become the
 * extreme, in decreasing (for a maximum) order of value: a new value first drops the expired front,
 * then pops every back element it dominates, then is appended. Each element is pushed and popped at
 * most once, so an update is amortised {@code O(1)} and the extreme is the front. Ties keep the
 * newer element, which leaves the window later.
 */
final class MonotonicDeque {

  private final boolean max;
  private final int window;
  private final double[] values;
  private final long[] indices;
  private int head;
  private int size;
  private long count;

  MonotonicDeque(int window, boolean max) {
    this.window = window;
    this.max = max;
    this.values = new double[window];
    this.indices = new long[window];
  }

  void add(double x) {
    long t = count++;
    int cap = values.length;
    if (size > 0 && indices[head] <= t - window) {
      head = head + 1 == cap ? 0 : head + 1;
      size--;
    }
    while (size > 0) {
      int back = head + size - 1;
      if (back >= cap) {
        back -= cap;
      }
      double b = values[back];
      if (max ? b <= x : b >= x) {
        size--;
      } else {
        break;
      }
    }
    int pos = head + size;
    if (pos >= cap) {
      pos -= cap;
    }
    values[pos] = x;
    indices[pos] = t;
    size++;
  }

  /** The window's extreme; undefined before the first add. */
  double extreme() {
    return values[head];
  }

  /** Number of values added so far. */
  long count() {
    return count;
  }
}

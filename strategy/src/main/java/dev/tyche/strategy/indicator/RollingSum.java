package dev.tyche.strategy.indicator;

/**
 * Sum of the last {@code capacity} values in amortised {@code O(1)}: each update adds the new value
 * and subtracts the evicted one, and the sum is recomputed exactly from the buffer once per {@code
 * capacity} evictions so rounding error cannot build up for longer than one window.
 */
final class RollingSum {

  private final RingBuffer ring;
  private double sum;
  private int sinceRefresh;

  RollingSum(int capacity) {
    ring = new RingBuffer(capacity);
  }

  void add(double x) {
    boolean full = ring.isFull();
    double old = ring.push(x);
    if (!full) {
      sum += x;
      return;
    }
    if (++sinceRefresh >= ring.capacity()) {
      refresh();
    } else {
      sum += x - old;
    }
  }

  private void refresh() {
    sinceRefresh = 0;
    double s = 0.0;
    for (int i = 0; i < ring.size(); i++) {
      s += ring.get(i);
    }
    sum = s;
  }

  double sum() {
    return sum;
  }

  double get(int i) {
    return ring.get(i);
  }

  int size() {
    return ring.size();
  }

  boolean isFull() {
    return ring.isFull();
  }
}

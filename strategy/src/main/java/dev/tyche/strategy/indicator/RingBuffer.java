package dev.tyche.strategy.indicator;

/** Fixed-capacity ring of doubles, oldest first; {@code push} returns what it overwrote. */
final class RingBuffer {

  private final double[] data;
  private int head;
  private int size;

  RingBuffer(int capacity) {
    data = new double[capacity];
  }

  /** Appends {@code x}; returns the evicted oldest value, or NaN if the ring was not yet full. */
  double push(double x) {
    int cap = data.length;
    if (size < cap) {
      int pos = head + size;
      data[pos >= cap ? pos - cap : pos] = x;
      size++;
      return Double.NaN;
    }
    double old = data[head];
    data[head] = x;
    head = head + 1 == cap ? 0 : head + 1;
    return old;
  }

  /** The {@code i}-th value, 0 = oldest. */
  double get(int i) {
    int pos = head + i;
    return data[pos >= data.length ? pos - data.length : pos];
  }

  /** The oldest value (undefined when empty). */
  double oldest() {
    return data[head];
  }

  int size() {
    return size;
  }

  int capacity() {
    return data.length;
  }

  boolean isFull() {
    return size == data.length;
  }
}

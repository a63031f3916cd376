package dev.tyche.backtest.walkforward;

/**
 * A half-open range of period indices {@code [from, to)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first index, {@code >= 0}
 * @param to one past the last index, {@code >= from}
 */
public record IndexRange(int from, int to) {

  /** Requires {@code 0 <= from <= to}. */
  public IndexRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "range must satisfy 0 <= from <= to but was [" + from + ", " + to + ")");
    }
  }

  /**
   * Number of periods in the range.
   *
   * @return {@code to - from}
   */
  public int length() {
    return to - from;
  }

  /**
   * Whether the range holds an index.
   *
   * @param index the index
   * @return true if {@code from <= index < to}
   */
  public boolean contains(int index) {
    return index >= from && index < to;
  }

  /** Renders {@code [from, to)}. */
  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}

package dev.tyche.backtest.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One named axis of a {@link ParameterSpace}: a non-empty list of distinct, finite values in the
 * order in which a grid enumerates them.
 *
 * <p>Values are {@code double}; integer parameters (look-back lengths) are whole numbers read back
 * with {@link ParameterSet#getInt(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the parameter name, non-blank
 * @param values the values, at least one, finite and distinct (copied)
 */
public record Dimension(String name, List<Double> values) {

  /** Validates the name and copies the values; rejects empty, non-finite or repeated values. */
  public Dimension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must be non-blank but was '" + name + "'");
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values of dimension " + name + " must be non-empty");
    }
    values = List.copyOf(values);
    Set<Double> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "values[" + i + "] of dimension " + name + " must be finite but was " + v);
      }
      // +0.0 and -0.0 are the same parameter value.
      if (!seen.add(v == 0.0 ? 0.0 : v)) {
        throw new IllegalArgumentException(
            "values of dimension " + name + " must be distinct but " + v + " is repeated");
      }
    }
  }

  /**
   * A dimension with the given values, in the given order.
   *
   * @param name the parameter name, non-blank
   * @param values the values, at least one, finite and distinct
   * @return the dimension
   */
  public static Dimension of(String name, double... values) {
    Objects.requireNonNull(values, "values");
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return new Dimension(name, list);
  }

  /**
   * The integers {@code from, from + step, ...} up to and including {@code to} when it is reached.
   *
   * @param name the parameter name, non-blank
   * @param from the first value
   * @param to the last admissible value, {@code >= from}
   * @param step the increment, {@code >= 1}
   * @return the dimension
   */
  public static Dimension intRange(String name, int from, int to, int step) {
    if (step < 1) {
      throw new IllegalArgumentException("step must be >= 1 but was " + step);
    }
    if (to < from) {
      throw new IllegalArgumentException("to must be >= from (" + from + ") but was " + to);
    }
    List<Double> list = new ArrayList<>();
    for (long v = from; v <= to; v += step) {
      list.add((double) v);
    }
    return new Dimension(name, list);
  }

  /**
   * {@code count} evenly spaced values from {@code from} to {@code to} inclusive: {@code from + i
   * (to - from) / (count - 1)}, {@code i = 0..count-1}; the last value is exactly {@code to}.
   *
   * @param name the parameter name, non-blank
   * @param from the first value, finite
   * @param to the last value, finite and {@code > from} (or equal when {@code count == 1})
   * @param count the number of values, {@code >= 1}
   * @return the dimension
   */
  public static Dimension linear(String name, double from, double to, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1 but was " + count);
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new IllegalArgumentException(
          "from and to must be finite but were " + from + " and " + to);
    }
    if (count == 1) {
      return of(name, from);
    }
    if (!(to > from)) {
      throw new IllegalArgumentException("to must be > from (" + from + ") but was " + to);
    }
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = i == count - 1 ? to : from + i * (to - from) / (count - 1);
    }
    return of(name, v);
  }

  /**
   * Number of values.
   *
   * @return the size, {@code >= 1}
   */
  public int size() {
    return values.size();
  }
}

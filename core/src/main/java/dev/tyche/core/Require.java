package dev.tyche.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Argument checks for public boundaries. Each returns its argument when it is valid and otherwise
 * throws {@link IllegalArgumentException} (or {@link NullPointerException} for {@link #notNull})
 * with a message that names the argument, its value and the rule, e.g. {@code "eta must be finite
 * and > 0 but was NaN"}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class Require {

  private Require() {}

  /**
   * Requires a finite value.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite but was %s", name, value));
    }
    return value;
  }

  /**
   * Requires a finite value {@code > 0}.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double positive(String name, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and > 0 but was %s", name, value));
    }
    return value;
  }

  /**
   * Requires a finite value {@code >= 0}.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double nonNegative(String name, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and >= 0 but was %s", name, value));
    }
    return value;
  }

  /**
   * Requires a value in {@code [0, 1]} (NaN fails).
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in [0, 1] but was %s", name, value));
    }
    return value;
  }

  /**
   * Requires a value {@code > 0}.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  /**
   * Requires a value {@code > 0}.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  /**
   * Requires a value {@code >= 0}.
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  /**
   * Requires a time that does not run backwards: {@code time >= last} (equal times are allowed).
   *
   * @param name the argument's name, for the message
   * @param time the new time
   * @param last the previous time
   */
  public static void notBefore(String name, long time, long last) {
    if (time < last) {
      throw new IllegalArgumentException(
          name + " must be >= the previous time " + last + " (non-decreasing) but was " + time);
    }
  }

  /**
   * Requires a rectangular {@code T x N} matrix of finite values with at least {@code minRows} rows
   * and at least one column (for example {@code T} periods of returns of {@code N} assets).
   *
   * @param name the argument's name, for the message
   * @param matrix the matrix, row-major
   * @param minRows the least number of rows accepted
   * @return {@code N}, the number of columns
   */
  public static int finiteMatrix(String name, double[][] matrix, int minRows) {
    Objects.requireNonNull(matrix, name + " must not be null");
    if (matrix.length < minRows) {
      throw new IllegalArgumentException(
          name + " must have at least " + minRows + " rows but had " + matrix.length);
    }
    int n = -1;
    for (int t = 0; t < matrix.length; t++) {
      double[] row = Objects.requireNonNull(matrix[t], name + "[" + t + "] must not be null");
      if (n < 0) {
        n = row.length;
        if (n == 0) {
          throw new IllegalArgumentException(name + " must have at least 1 column but had 0");
        }
      } else if (row.length != n) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s must be rectangular: row 0 has %d columns but row %d has %d",
                name,
                n,
                t,
                row.length));
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              name + "[" + t + "][" + j + "] must be finite but was " + row[j]);
        }
      }
    }
    return n;
  }

  /**
   * Requires a non-null reference.
   *
   * @param name the argument's name, for the message
   * @param value the reference
   * @param <T> its type
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T notNull(String name, T value) {
    return Objects.requireNonNull(value, name + " must not be null");
  }
}

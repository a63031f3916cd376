package dev.tyche.portfolio.returns;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by this package; messages name the argument and value. Stateless. */
final class Inputs {

  private Inputs() {}

  /** Requires a non-null, non-empty, finite vector. */
  static double[] finite(double[] x, String name) {
    Objects.requireNonNull(x, name + " must not be null");
    if (x.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + x[i]);
      }
    }
    return x;
  }

  /**
   * Requires a rectangular, finite {@code T x N} matrix with at least {@code minRows} rows and one
   * column; returns N.
   */
  static int returns(double[][] returns, String name, int minRows) {
    Objects.requireNonNull(returns, name + " must not be null");
    if (returns.length < minRows) {
      throw new IllegalArgumentException(
          name + " must have at least " + minRows + " rows but had " + returns.length);
    }
    int n = -1;
    for (int t = 0; t < returns.length; t++) {
      double[] row = Objects.requireNonNull(returns[t], name + "[" + t + "] must not be null");
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
}

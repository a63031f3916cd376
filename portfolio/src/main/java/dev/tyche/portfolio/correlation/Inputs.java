package dev.tyche.portfolio.correlation;

import dev.tyche.core.Require;
import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by this package; messages name the argument and value. Stateless. */
final class Inputs {

  /** Absolute tolerance for symmetry, the unit diagonal and the [-1, 1] range. */
  static final double CORRELATION_TOLERANCE = 1e-10;

  private Inputs() {}

  /** Requires a rectangular, finite {@code T x N} matrix with at least one row; returns N. */
  static int returns(double[][] returns, String name) {
    return Require.finiteMatrix(name, returns, 1);
  }

  /**
   * Requires a square, finite, symmetric matrix with a unit diagonal and entries in [-1, 1] (each
   * within {@link #CORRELATION_TOLERANCE}); returns N.
   */
  static int correlation(double[][] c, String name) {
    Objects.requireNonNull(c, name + " must not be null");
    int n = c.length;
    if (n == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < n; i++) {
      double[] row = Objects.requireNonNull(c[i], name + "[" + i + "] must not be null");
      if (row.length != n) {
        throw new IllegalArgumentException(
            name + " must be square " + n + "x" + n + " but row " + i + " had " + row.length);
      }
      for (int j = 0; j < n; j++) {
        double v = row[j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] must be finite but was " + v);
        }
        if (Math.abs(v) > 1.0 + CORRELATION_TOLERANCE) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] must be in [-1, 1] but was " + v);
        }
      }
      if (Math.abs(row[i] - 1.0) > CORRELATION_TOLERANCE) {
        throw new IllegalArgumentException(
            name + "[" + i + "][" + i + "] must be 1 but was " + row[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(c[i][j] - c[j][i]) > CORRELATION_TOLERANCE) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s must be symmetric but [%d][%d] = %s and [%d][%d] = %s",
                  name,
                  i,
                  j,
                  c[i][j],
                  j,
                  i,
                  c[j][i]));
        }
      }
    }
    return n;
  }
}

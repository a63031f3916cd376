package dev.tyche.portfolio.returns;

import dev.tyche.core.Require;
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
    return Require.finiteMatrix(name, returns, minRows);
  }
}

package dev.tyche.risk.covariance;

import java.util.Locale;
import java.util.Objects;

/** Validation and copying shared by the estimators of this package. Stateless. */
final class Matrices {

  private Matrices() {}

  /**
   * Checks a returns matrix: non-null, at least two rows, at least one column, rectangular and
   * finite.
   *
   * @return the number of columns
   */
  static int requireReturns(double[][] returns, String name) {
    Objects.requireNonNull(returns, name);
    if (returns.length < 2) {
      throw new IllegalArgumentException(
          name + " must have at least 2 rows (observations) but had " + returns.length);
    }
    Objects.requireNonNull(returns[0], name + "[0]");
    int n = returns[0].length;
    if (n == 0) {
      throw new IllegalArgumentException(name + " must have at least 1 column but had 0");
    }
    for (int t = 0; t < returns.length; t++) {
      double[] row = Objects.requireNonNull(returns[t], name + "[" + t + "]");
      if (row.length != n) {
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
        requireFinite(row[j], name, t, j);
      }
    }
    return n;
  }

  /** Checks a square, finite matrix with at least one row and returns its order. */
  static int requireSquare(double[][] m, String name) {
    Objects.requireNonNull(m, name);
    int n = m.length;
    if (n == 0) {
      throw new IllegalArgumentException(name + " must have at least 1 row but had 0");
    }
    for (int i = 0; i < n; i++) {
      double[] row = Objects.requireNonNull(m[i], name + "[" + i + "]");
      if (row.length != n) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s must be square %dx%d but row %d has %d columns",
                name,
                n,
                n,
                i,
                row.length));
      }
      for (int j = 0; j < n; j++) {
        requireFinite(row[j], name, i, j);
      }
    }
    return n;
  }

  /** Checks a square matrix whose diagonal is strictly positive and that is symmetric. */
  static int requireCovariance(double[][] m, String name) {
    int n = requireSquare(m, name);
    for (int i = 0; i < n; i++) {
      if (!(m[i][i] > 0.0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s[%d][%d] (a variance) must be > 0 but was %s",
                name,
                i,
                i,
                m[i][i]));
      }
    }
    requireSymmetric(m, name);
    return n;
  }

  /**
   * Symmetry to a relative tolerance of 1e-12 of the larger of the two diagonal scales, which
   * tolerates the rounding of a product such as {@code X'X} computed twice.
   */
  static void requireSymmetric(double[][] m, String name) {
    int n = m.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double scale = Math.max(Math.abs(m[i][i]), Math.abs(m[j][j]));
        scale = Math.max(scale, Math.max(Math.abs(m[i][j]), Math.abs(m[j][i])));
        if (Math.abs(m[i][j] - m[j][i]) > 1e-12 * scale) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s must be symmetric but %s[%d][%d]=%s and %s[%d][%d]=%s",
                  name,
                  name,
                  i,
                  j,
                  m[i][j],
                  name,
                  j,
                  i,
                  m[j][i]));
        }
      }
    }
  }

  static void requireFinite(double v, String name, int i, int j) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s[%d][%d] must be finite but was %s", name, i, j, v));
    }
  }

  static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Column means of a validated returns matrix. */
  static double[] means(double[][] x) {
    int t = x.length;
    int n = x[0].length;
    double[] mean = new double[n];
    for (double[] row : x) {
      for (int j = 0; j < n; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= t;
    }
    return mean;
  }

  /** The de-meaned copy {@code x - xbar} of a validated returns matrix. */
  static double[][] centred(double[][] x) {
    double[] mean = means(x);
    double[][] c = new double[x.length][mean.length];
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < mean.length; j++) {
        c[t][j] = x[t][j] - mean[j];
      }
    }
    return c;
  }

  /** {@code (1/divisor) * c' c} for a centred matrix, exactly symmetric. */
  static double[][] crossProduct(double[][] c, double divisor) {
    int n = c[0].length;
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double acc = 0.0;
        for (double[] row : c) {
          acc += row[i] * row[j];
        }
        s[i][j] = acc / divisor;
        s[j][i] = s[i][j];
      }
    }
    return s;
  }
}

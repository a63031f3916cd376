package dev.tyche.portfolio.qp;

import java.util.Locale;

/**
 * A convex quadratic program in the form used by Goldfarb and Idnani (1983) and R's {@code
 * quadprog::solve.QP}:
 *
 * <pre>
 *   minimise    1/2 x'Dx - d'x
 *   subject to  A_eq x  = b_eq      (one row of A_eq per equality)
 *               A_in x >= b_in      (one row of A_in per inequality)
 * </pre>
 *
 * <p>{@code D} must be symmetric ({@code |D_ij - D_ji| <= 1e-10 max|D|}); the solver needs it
 * positive definite (see {@link GoldfarbIdnaniSolver} for the optional ridge). Constraint matrices
 * are row-per-constraint (note: quadprog's {@code Amat} is the transpose). Every number must be
 * finite. All arrays are copied on the way in and out.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuadraticProgram {

  private final int n;
  private final double[][] quadratic;
  private final double[] linear;
  private final double[][] equalityRows;
  private final double[] equalityRhs;
  private final double[][] inequalityRows;
  private final double[] inequalityRhs;

  private QuadraticProgram(
      double[][] quadratic,
      double[] linear,
      double[][] equalityRows,
      double[] equalityRhs,
      double[][] inequalityRows,
      double[] inequalityRhs) {
    this.n = linear.length;
    this.quadratic = quadratic;
    this.linear = linear;
    this.equalityRows = equalityRows;
    this.equalityRhs = equalityRhs;
    this.inequalityRows = inequalityRows;
    this.inequalityRhs = inequalityRhs;
  }

  /**
   * An unconstrained program {@code min 1/2 x'Dx - d'x}; add constraints with {@link
   * #withEqualities} and {@link #withInequalities}.
   *
   * @param quadratic the symmetric {@code n x n} matrix {@code D}, {@code n >= 1}
   * @param linear the vector {@code d} of length {@code n} (note the minus sign in the objective)
   * @return the program
   * @throws IllegalArgumentException if a dimension is wrong, a value is not finite, or {@code D}
   *     is not symmetric
   * @throws NullPointerException if an argument is null
   */
  public static QuadraticProgram of(double[][] quadratic, double[] linear) {
    if (quadratic == null || linear == null) {
      throw new NullPointerException("quadratic and linear must not be null");
    }
    int n = linear.length;
    if (n == 0) {
      throw new IllegalArgumentException("linear must have length >= 1 but was empty");
    }
    double[][] q = copyMatrix(quadratic, n, "quadratic");
    if (q.length != n) {
      throw new IllegalArgumentException(
          "quadratic must be " + n + " x " + n + " but had " + q.length + " rows");
    }
    double max = 0.0;
    for (double[] row : q) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(q[i][j] - q[j][i]) > 1e-10 * max) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "quadratic must be symmetric but D[%d][%d] = %s and D[%d][%d] = %s",
                  i,
                  j,
                  q[i][j],
                  j,
                  i,
                  q[j][i]));
        }
      }
    }
    double[] d = copyVector(linear, "linear");
    return new QuadraticProgram(
        q, d, new double[0][n], new double[0], new double[0][n], new double[0]);
  }

  /**
   * This program with equality constraints {@code A x = b} replacing any given before.
   *
   * @param rows {@code m x n} constraint rows
   * @param rhs right-hand sides, length {@code m}
   * @return a new program
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   */
  public QuadraticProgram withEqualities(double[][] rows, double[] rhs) {
    double[][] a = copyMatrix(rows, n, "equality rows");
    double[] b = copyVector(rhs, "equality rhs");
    requireSameLength(a, b, "equality");
    return new QuadraticProgram(quadratic, linear, a, b, inequalityRows, inequalityRhs);
  }

  /**
   * This program with inequality constraints {@code A x >= b} replacing any given before.
   *
   * @param rows {@code m x n} constraint rows
   * @param rhs right-hand sides, length {@code m}
   * @return a new program
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   */
  public QuadraticProgram withInequalities(double[][] rows, double[] rhs) {
    double[][] a = copyMatrix(rows, n, "inequality rows");
    double[] b = copyVector(rhs, "inequality rhs");
    requireSameLength(a, b, "inequality");
    return new QuadraticProgram(quadratic, linear, equalityRows, equalityRhs, a, b);
  }

  /**
   * Number of variables {@code n}.
   *
   * @return {@code n}
   */
  public int variables() {
    return n;
  }

  /**
   * Number of equality constraints.
   *
   * @return the number of rows of {@code A_eq}
   */
  public int equalityCount() {
    return equalityRhs.length;
  }

  /**
   * Number of inequality constraints.
   *
   * @return the number of rows of {@code A_in}
   */
  public int inequalityCount() {
    return inequalityRhs.length;
  }

  /**
   * A copy of {@code D}.
   *
   * @return {@code D}
   */
  public double[][] quadratic() {
    return deepCopy(quadratic);
  }

  /**
   * A copy of {@code d}.
   *
   * @return {@code d}
   */
  public double[] linear() {
    return linear.clone();
  }

  /**
   * A copy of {@code A_eq}.
   *
   * @return the equality rows
   */
  public double[][] equalityRows() {
    return deepCopy(equalityRows);
  }

  /**
   * A copy of {@code b_eq}.
   *
   * @return the equality right-hand sides
   */
  public double[] equalityRhs() {
    return equalityRhs.clone();
  }

  /**
   * A copy of {@code A_in}.
   *
   * @return the inequality rows
   */
  public double[][] inequalityRows() {
    return deepCopy(inequalityRows);
  }

  /**
   * A copy of {@code b_in}.
   *
   * @return the inequality right-hand sides
   */
  public double[] inequalityRhs() {
    return inequalityRhs.clone();
  }

  /**
   * The objective {@code 1/2 x'Dx - d'x} at {@code x}.
   *
   * @param x a point of length {@code n}
   * @return the objective value
   * @throws IllegalArgumentException if {@code x} has the wrong length
   */
  public double objective(double[] x) {
    if (x.length != n) {
      throw new IllegalArgumentException("x must have length " + n + " but had " + x.length);
    }
    double f = 0.0;
    for (int i = 0; i < n; i++) {
      double dx = 0.0;
      for (int j = 0; j < n; j++) {
        dx += quadratic[i][j] * x[j];
      }
      f += x[i] * (0.5 * dx - linear[i]);
    }
    return f;
  }

  // Package-private views for the solver: no copies.
  double[][] d() {
    return quadratic;
  }

  double[] dv() {
    return linear;
  }

  double[][] aEq() {
    return equalityRows;
  }

  double[] bEq() {
    return equalityRhs;
  }

  double[][] aIn() {
    return inequalityRows;
  }

  double[] bIn() {
    return inequalityRhs;
  }

  private static void requireSameLength(double[][] a, double[] b, String what) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          what
              + " rows and rhs must have the same length but were "
              + a.length
              + " and "
              + b.length);
    }
  }

  private static double[] copyVector(double[] v, String name) {
    if (v == null) {
      throw new NullPointerException(name + " must not be null");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            name + " must be finite but element " + i + " was " + v[i]);
      }
    }
    return v.clone();
  }

  private static double[][] copyMatrix(double[][] a, int n, String name) {
    if (a == null) {
      throw new NullPointerException(name + " must not be null");
    }
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new IllegalArgumentException(
            name
                + " must have "
                + n
                + " columns but row "
                + i
                + " had "
                + (a[i] == null ? "null" : String.valueOf(a[i].length)));
      }
      c[i] = copyVector(a[i], name + " row " + i);
    }
    return c;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}

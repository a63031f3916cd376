package dev.tyche.portfolio.qp;

import java.util.Arrays;
import java.util.Locale;

/**
 * The dual active-set method of D. Goldfarb and A. Idnani, "A numerically stable dual method for
 * solving strictly convex quadratic programs", <i>Mathematical Programming</i> 27 (1983) 1-33 — the
 * algorithm behind R's {@code quadprog}.
 *
 * <p>The method starts at the unconstrained minimum {@code x = D^-1 d}, which is dual feasible, and
 * repeatedly adds a violated constraint, taking primal and dual steps (paper, section 3, steps 1-3)
 * until every constraint holds. It keeps the factorisation of section 4: with {@code D = LL'}
 * (Cholesky) and the matrix {@code N} of active constraint normals, {@code J = L^-T Q} and {@code
 * J'N = [R; 0]} with {@code R} upper triangular, so that the reduced inverse Hessian is {@code H =
 * J2 J2'} and the pseudo-inverse of {@code N} is {@code R^-1 J1'} (eq. 4.1-4.5). Adding a
 * constraint appends a column to {@code R} after Givens rotations that annihilate the tail of
 * {@code d = J'n+}; dropping one removes a column of {@code R} and restores the triangle with
 * Givens rotations (section 4.1-4.2). Nothing is re-factorised after the initial Cholesky.
 *
 * <p>Conventions and choices:
 *
 * <ul>
 *   <li>Equalities are added before any inequality and are never dropped; their multipliers are
 *       free in sign.
 *   <li>Among violated constraints the one with the largest violation divided by the Euclidean norm
 *       of its row is added (as quadprog does).
 *   <li>A constraint counts as violated when {@code a'x - b < -1e-12 max(1, |b|, sum|a_j x_j|)}
 *       (for an equality, {@code |a'x - b|} above the same bound). The scale is the rounding error
 *       of evaluating {@code a'x}.
 *   <li>A step direction {@code z} is treated as zero when {@code ||J2'n+|| <= 1e-12 ||J'n+||},
 *       i.e. when the new normal is numerically a combination of the active ones.
 *   <li>Constraint rows are stored sparsely, so bound constraints cost O(1) to evaluate and O(n) to
 *       bring into the step computation.
 *   <li><b>Ridge.</b> If the Cholesky factorisation of {@code D} meets a pivot {@code <= 1e-14
 *       max_i D_ii} (D only positive semidefinite, or numerically singular) and ridges are allowed
 *       (the default), {@code D} is replaced by {@code D + delta I} with {@code delta = 1e-10
 *       max(max_i D_ii, 1e-300)}, and {@code delta} is reported in {@link QpResult#ridge()}. The
 *       solution then minimises the ridged objective; its distance to a solution of the original
 *       problem is of order {@code delta} times the size of {@code x}. With ridges disallowed the
 *       result is {@link QpStatus#NOT_CONVEX}.
 * </ul>
 *
 * <p>Workspace arrays are kept between calls, so repeated solves of problems of the same size do
 * not allocate beyond the result.
 *
 * <p>Mutable; confined to one thread.
 */
public final class GoldfarbIdnaniSolver {

  /** Relative ridge added to a positive semidefinite {@code D}; see the class comment. */
  public static final double RIDGE_FACTOR = 1e-10;

  private static final double PIVOT_TOLERANCE = 1e-14;
  private static final double FEASIBILITY_TOLERANCE = 1e-12;
  private static final double DEPENDENCE_TOLERANCE = 1e-12;

  private final int maxIterations;
  private final boolean allowRidge;

  // Workspace, grown on demand.
  private int capN = -1;
  private double[] jt; // J transposed, row-major: row j = column j of J (n x n)
  private double[] rm; // R, column-major with leading dimension n (n x n)
  private double[] dv; // J' n+
  private double[] zv; // primal step direction
  private double[] rv; // dual step direction
  private double[] uv; // multipliers of the active constraints, in active order
  private int[] act; // constraint index of each active position
  private double[] sgn; // +1, or -1 for an equality entered as -a'x >= -b
  private double[] xv;
  private double[] tmp;

  /**
   * A solver with an automatic iteration limit ({@code 10 (n + m) + 100} steps) that adds a ridge
   * to a positive semidefinite {@code D} when needed.
   */
  public GoldfarbIdnaniSolver() {
    this(0, true);
  }

  /**
   * A solver with explicit options.
   *
   * @param maxIterations maximum number of steps, or 0 for {@code 10 (n + m) + 100}
   * @param allowRidge whether a positive semidefinite {@code D} may be ridged (see class comment)
   * @throws IllegalArgumentException if {@code maxIterations < 0}
   */
  public GoldfarbIdnaniSolver(int maxIterations, boolean allowRidge) {
    if (maxIterations < 0) {
      throw new IllegalArgumentException("maxIterations must be >= 0 but was " + maxIterations);
    }
    this.maxIterations = maxIterations;
    this.allowRidge = allowRidge;
  }

  private void ensureCapacity(int n) {
    if (n == capN) {
      return;
    }
    capN = n;
    jt = new double[n * n];
    rm = new double[n * n];
    dv = new double[n];
    zv = new double[n];
    rv = new double[n];
    uv = new double[n];
    act = new int[n];
    sgn = new double[n];
    xv = new double[n];
    tmp = new double[n];
  }

  /**
   * Solves the program.
   *
   * @param program the program
   * @return the result; never throws for infeasible or numerically difficult problems, which are
   *     reported through {@link QpResult#status()}
   * @throws NullPointerException if {@code program} is null
   */
  public QpResult solve(QuadraticProgram program) {
    if (program == null) {
      throw new NullPointerException("program must not be null");
    }
    final int n = program.variables();
    final int meq = program.equalityCount();
    final int m = meq + program.inequalityCount();
    ensureCapacity(n);
    final int limit = maxIterations > 0 ? maxIterations : 10 * (n + m) + 100;

    // Sparse constraint rows (CSR), equalities first.
    int[] start = new int[m + 1];
    double[] rhs = new double[m];
    double[] norm = new double[m];
    int nnz = 0;
    for (int i = 0; i < m; i++) {
      double[] row = i < meq ? program.aEq()[i] : program.aIn()[i - meq];
      for (double v : row) {
        if (v != 0.0) {
          nnz++;
        }
      }
    }
    int[] col = new int[nnz];
    double[] val = new double[nnz];
    int k = 0;
    for (int i = 0; i < m; i++) {
      double[] row = i < meq ? program.aEq()[i] : program.aIn()[i - meq];
      rhs[i] = i < meq ? program.bEq()[i] : program.bIn()[i - meq];
      start[i] = k;
      double s = 0.0;
      for (int j = 0; j < n; j++) {
        if (row[j] != 0.0) {
          col[k] = j;
          val[k] = row[j];
          s += row[j] * row[j];
          k++;
        }
      }
      norm[i] = Math.sqrt(s);
    }
    start[m] = k;

    // Step 0: Cholesky D = LL' (with a ridge if needed), then J' = L^-1 and x = D^-1 d.
    double ridge = 0.0;
    double[][] dm = program.d();
    double maxDiag = 0.0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, dm[i][i]);
    }
    if (!factor(dm, n, 0.0, maxDiag)) {
      if (!allowRidge) {
        return failure(
            QpStatus.NOT_CONVEX,
            n,
            m,
            0,
            0.0,
            program,
            "D is not positive definite (Cholesky pivot <= 1e-14 max D_ii) and ridges are off");
      }
      ridge = RIDGE_FACTOR * Math.max(maxDiag, 1e-300);
      if (!factor(dm, n, ridge, maxDiag + ridge)) {
        return failure(
            QpStatus.NOT_CONVEX,
            n,
            m,
            0,
            ridge,
            program,
            "D is not positive semidefinite: Cholesky failed even with ridge " + ridge);
      }
    }
    invertLowerInPlace(n);
    double[] lin = program.dv();
    for (int j = 0; j < n; j++) {
      tmp[j] = dot(jt, j * n, lin, n);
    }
    Arrays.fill(xv, 0, n, 0.0);
    for (int j = 0; j < n; j++) {
      axpy(tmp[j], jt, j * n, xv, n);
    }

    boolean[] active = new boolean[m];
    int q = 0;
    int iterations = 0;
    int refinedAt = -1;
    while (true) {
      // Step 1: choose a violated constraint (equalities first).
      int p = -1;
      double best = 0.0;
      double sign = 1.0;
      boolean pickedEquality = false;
      for (int i = 0; i < m; i++) {
        if (active[i]) {
          continue;
        }
        boolean eq = i < meq;
        if (pickedEquality && !eq) {
          break;
        }
        double ax = 0.0;
        double scale = Math.abs(rhs[i]);
        for (int e = start[i]; e < start[i + 1]; e++) {
          double t = val[e] * xv[col[e]];
          ax += t;
          scale += Math.abs(t);
        }
        double s = ax - rhs[i];
        double tol = FEASIBILITY_TOLERANCE * Math.max(1.0, scale);
        double violation;
        double si;
        if (eq) {
          violation = Math.abs(s) > tol ? Math.abs(s) : 0.0;
          si = s > 0 ? -1.0 : 1.0;
        } else {
          violation = s < -tol ? -s : 0.0;
          si = 1.0;
        }
        if (violation > 0.0) {
          double normalised = violation / norm[i];
          if (p < 0 || normalised > best) {
            p = i;
            best = normalised;
            sign = si;
            pickedEquality = eq;
          }
        }
      }
      if (p < 0 && refinedAt != iterations) {
        // Re-derive x (and u) from the active set alone, so that rounding accumulated over the
        // steps (large when the unconstrained minimum is far away) does not survive; then check
        // feasibility again.
        refinedAt = iterations;
        refine(n, q, lin, rhs);
        continue;
      }
      if (p < 0) {
        if (!allFinite(xv, n)) {
          return failure(
              QpStatus.NUMERICAL_FAILURE, n, m, iterations, ridge, program, "non-finite iterate");
        }
        return result(QpStatus.OPTIMAL, n, m, q, iterations, ridge, program, "optimal");
      }
      double uPlus = 0.0;
      double sp = sign * (sparseDot(p, start, col, val) - rhs[p]);
      // Step 2: primal and dual steps until p is added.
      while (true) {
        if (++iterations > limit) {
          return result(
              QpStatus.ITERATION_LIMIT,
              n,
              m,
              q,
              iterations - 1,
              ridge,
              program,
              "iteration limit " + limit + " reached while adding constraint " + p);
        }
        // d = J' n+ (sparse n+).
        double dn2 = 0.0;
        for (int j = 0; j < n; j++) {
          int off = j * n;
          double s = 0.0;
          for (int e = start[p]; e < start[p + 1]; e++) {
            s += val[e] * jt[off + col[e]];
          }
          s *= sign;
          dv[j] = s;
          dn2 += s * s;
        }
        // z = J2 d2 (primal direction, eq. 4.2 / step 2(a)); ||z|| via n+'z = ||d2||^2.
        Arrays.fill(zv, 0, n, 0.0);
        double d2sq = 0.0;
        for (int j = q; j < n; j++) {
          double dj = dv[j];
          d2sq += dj * dj;
          if (dj != 0.0) {
            axpy(dj, jt, j * n, zv, n);
          }
        }
        // r = R^-1 d1 (dual direction).
        for (int i = 0; i < q; i++) {
          rv[i] = dv[i];
        }
        for (int c = q - 1; c >= 0; c--) {
          int off = c * n;
          rv[c] /= rm[off + c];
          double rc = rv[c];
          for (int i = 0; i < c; i++) {
            rv[i] -= rm[off + i] * rc;
          }
        }
        // Step 2(b): partial step length t1 over droppable (inequality) constraints.
        double t1 = Double.POSITIVE_INFINITY;
        int drop = -1;
        for (int i = 0; i < q; i++) {
          if (act[i] >= meq && rv[i] > 0.0) {
            double ratio = uv[i] / rv[i];
            if (ratio < t1) {
              t1 = ratio;
              drop = i;
            }
          }
        }
        boolean zeroStep = d2sq <= DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE * dn2;
        if (zeroStep) {
          if (drop < 0) {
            // Step 2(c)(i): no primal step, dual step unbounded: infeasible.
            return result(
                QpStatus.INFEASIBLE,
                n,
                m,
                q,
                iterations,
                ridge,
                program,
                "constraints are inconsistent: "
                    + describe(p, meq)
                    + " cannot be satisfied together with the active constraints "
                    + describeActive(q, meq));
          }
          // Step 2(c)(ii): dual-only step, then drop.
          for (int i = 0; i < q; i++) {
            uv[i] -= t1 * rv[i];
          }
          uPlus += t1;
          dropConstraint(drop, q, n, active);
          q--;
          continue;
        }
        double t2 = -sp / d2sq;
        double t = Math.min(t1, t2);
        for (int j = 0; j < n; j++) {
          xv[j] += t * zv[j];
        }
        for (int i = 0; i < q; i++) {
          uv[i] -= t * rv[i];
        }
        uPlus += t;
        if (t2 <= t1) {
          // Full step: add p.
          addConstraint(q, n);
          act[q] = p;
          sgn[q] = sign;
          uv[q] = uPlus;
          active[p] = true;
          q++;
          break;
        }
        // Partial step: drop the blocking constraint and try again with the same p.
        dropConstraint(drop, q, n, active);
        q--;
        sp = sign * (sparseDot(p, start, col, val) - rhs[p]);
      }
    }
  }

  /**
   * The minimiser of the objective subject to the active constraints held as equalities, from the
   * current factorisation: {@code x = J2 J2' d + J1 R^-T b_A} and {@code u = R^-1 (R^-T b_A - J1'
   * d)} (Goldfarb and Idnani 1983, eq. 4.4-4.5 applied to the equality-constrained subproblem).
   */
  private void refine(int n, int q, double[] lin, double[] rhs) {
    // tmp[j] = (J'd)_j for every column of J.
    for (int j = 0; j < n; j++) {
      tmp[j] = dot(jt, j * n, lin, n);
    }
    // rv = R^-T b_A (forward substitution with the lower-triangular R').
    for (int i = 0; i < q; i++) {
      int off = i * n;
      double s = sgn[i] * rhs[act[i]];
      for (int k = 0; k < i; k++) {
        s -= rm[off + k] * rv[k];
      }
      rv[i] = s / rm[off + i];
    }
    Arrays.fill(xv, 0, n, 0.0);
    for (int j = 0; j < n; j++) {
      double coef = j < q ? rv[j] : tmp[j];
      if (coef != 0.0) {
        axpy(coef, jt, j * n, xv, n);
      }
    }
    // u = R^-1 (rv - J1'd) (back substitution).
    for (int i = 0; i < q; i++) {
      uv[i] = rv[i] - tmp[i];
    }
    for (int c = q - 1; c >= 0; c--) {
      int off = c * n;
      uv[c] /= rm[off + c];
      double uc = uv[c];
      for (int i = 0; i < c; i++) {
        uv[i] -= rm[off + i] * uc;
      }
    }
  }

  /** Cholesky of D + ridge I into the lower triangle of jt (row-major); false on a bad pivot. */
  private boolean factor(double[][] dm, int n, double ridge, double maxDiag) {
    double floor = PIVOT_TOLERANCE * maxDiag;
    for (int i = 0; i < n; i++) {
      int oi = i * n;
      double[] di = dm[i];
      for (int j = 0; j <= i; j++) {
        int oj = j * n;
        double s = di[j];
        for (int c = 0; c < j; c++) {
          s -= jt[oi + c] * jt[oj + c];
        }
        if (i == j) {
          s += ridge;
          if (!(s > floor) || !(s > 0.0)) {
            return false;
          }
          jt[oi + i] = Math.sqrt(s);
        } else {
          jt[oi + j] = s / jt[oj + j];
        }
      }
    }
    return true;
  }

  /** Overwrites the lower-triangular L in jt by L^-1 (lower), zeroing the upper triangle. */
  private void invertLowerInPlace(int n) {
    for (int i = 0; i < n; i++) {
      int oi = i * n;
      Arrays.fill(tmp, 0, i, 0.0);
      // Row i of L^-1: -(sum_{k<i} L_ik row_k(L^-1)) / L_ii, with rows k < i already inverted.
      for (int c = 0; c < i; c++) {
        double lik = jt[oi + c];
        if (lik != 0.0) {
          int oc = c * n;
          for (int j = 0; j <= c; j++) {
            tmp[j] += lik * jt[oc + j];
          }
        }
      }
      double inv = 1.0 / jt[oi + i];
      for (int j = 0; j < i; j++) {
        jt[oi + j] = -tmp[j] * inv;
      }
      jt[oi + i] = inv;
      Arrays.fill(jt, oi + i + 1, oi + n, 0.0);
    }
  }

  /**
   * Appends n+ as active column q: Givens rotations on rows (j-1, j) of J' for j = n-1 .. q+1
   * annihilate d_j, so J'n+ becomes (d_1, .., d_q, h, 0, ..); R gains the column (d_1..d_q, h).
   */
  private void addConstraint(int q, int n) {
    for (int j = n - 1; j > q; j--) {
      double b = dv[j];
      if (b == 0.0) {
        continue;
      }
      double a = dv[j - 1];
      double h = Math.hypot(a, b);
      double c = a / h;
      double s = b / h;
      dv[j - 1] = h;
      dv[j] = 0.0;
      rotateRows(jt, (j - 1) * n, j * n, n, c, s);
    }
    if (dv[q] < 0.0) {
      dv[q] = -dv[q];
      int off = q * n;
      for (int i = 0; i < n; i++) {
        jt[off + i] = -jt[off + i];
      }
    }
    int off = q * n;
    for (int i = 0; i <= q; i++) {
      rm[off + i] = dv[i];
    }
  }

  /**
   * Removes active position l of q: shifts the columns of R left and restores its triangle with
   * Givens rotations on rows (j, j+1), applied to the same rows of J'.
   */
  private void dropConstraint(int l, int q, int n, boolean[] active) {
    active[act[l]] = false;
    for (int i = l; i < q - 1; i++) {
      act[i] = act[i + 1];
      uv[i] = uv[i + 1];
      sgn[i] = sgn[i + 1];
    }
    if (l < q - 1) {
      System.arraycopy(rm, (l + 1) * n, rm, l * n, (q - 1 - l) * n);
    }
    for (int j = l; j < q - 1; j++) {
      int oj = j * n;
      double a = rm[oj + j];
      double b = rm[oj + j + 1];
      if (b == 0.0) {
        continue;
      }
      double h = Math.hypot(a, b);
      double c = a / h;
      double s = b / h;
      rm[oj + j] = h;
      rm[oj + j + 1] = 0.0;
      for (int cc = j + 1; cc < q - 1; cc++) {
        int o = cc * n;
        double x1 = rm[o + j];
        double x2 = rm[o + j + 1];
        rm[o + j] = c * x1 + s * x2;
        rm[o + j + 1] = -s * x1 + c * x2;
      }
      rotateRows(jt, j * n, (j + 1) * n, n, c, s);
    }
  }

  private static void rotateRows(double[] a, int o1, int o2, int n, double c, double s) {
    for (int i = 0; i < n; i++) {
      double x1 = a[o1 + i];
      double x2 = a[o2 + i];
      a[o1 + i] = c * x1 + s * x2;
      a[o2 + i] = c * x2 - s * x1;
    }
  }

  private double sparseDot(int i, int[] start, int[] col, double[] val) {
    double s = 0.0;
    for (int e = start[i]; e < start[i + 1]; e++) {
      s += val[e] * xv[col[e]];
    }
    return s;
  }

  private static double dot(double[] a, int off, double[] b, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += a[off + i] * b[i];
    }
    return s;
  }

  private static void axpy(double alpha, double[] a, int off, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += alpha * a[off + i];
    }
  }

  private static boolean allFinite(double[] v, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        return false;
      }
    }
    return true;
  }

  private QpResult result(
      QpStatus status,
      int n,
      int m,
      int q,
      int iterations,
      double ridge,
      QuadraticProgram program,
      String message) {
    double[] x = Arrays.copyOf(xv, n);
    int[] set = Arrays.copyOf(act, q);
    double[] lambda = new double[m];
    for (int i = 0; i < q; i++) {
      lambda[act[i]] = sgn[i] * uv[i];
    }
    double f = allFinite(x, n) ? program.objective(x) : Double.NaN;
    return new QpResult(status, x, f, iterations, set, lambda, ridge, message);
  }

  private static QpResult failure(
      QpStatus status,
      int n,
      int m,
      int iterations,
      double ridge,
      QuadraticProgram program,
      String message) {
    double[] x = new double[n];
    Arrays.fill(x, Double.NaN);
    return new QpResult(
        status, x, Double.NaN, iterations, new int[0], new double[m], ridge, message);
  }

  private static String describe(int i, int meq) {
    return i < meq
        ? String.format(Locale.ROOT, "equality %d", i)
        : String.format(Locale.ROOT, "inequality %d", i - meq);
  }

  private String describeActive(int q, int meq) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < q; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(describe(act[i], meq));
    }
    return sb.append(']').toString();
  }
}

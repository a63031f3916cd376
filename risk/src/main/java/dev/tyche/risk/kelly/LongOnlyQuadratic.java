package dev.tyche.risk.kelly;

import java.util.Arrays;
import java.util.Locale;

/**
 * Primal active-set solver for {@code maximise m'x - x'Qx/2 subject to x >= 0 and sum x <= cap}
 * with {@code Q} symmetric positive definite (Nocedal and Wright, <i>Numerical Optimization</i>,
 * 2nd ed., Algorithm 16.3). The problem is strictly concave, so the KKT point it stops at is the
 * unique global optimum. Package-private; stateless.
 */
final class LongOnlyQuadratic {

  private LongOnlyQuadratic() {}

  /**
   * The optimum.
   *
   * @param x the maximiser, {@code x >= 0} exactly
   * @param capActive whether {@code sum x <= cap} is active with a positive multiplier
   * @param iterations active-set iterations used
   */
  record Solution(double[] x, boolean capActive, int iterations) {}

  static Solution solve(double[][] q, double[] m, double cap) {
    int n = m.length;
    double scale = 0.0;
    for (double v : m) {
      scale = Math.max(scale, Math.abs(v));
    }
    // Multipliers are in the units of m; this is the "zero" below which they are not negative.
    double tol = 1e-12 * scale;
    double[] f = new double[n];
    // Start at the feasible point 0 with every bound in the working set.
    boolean[] atBound = new boolean[n];
    Arrays.fill(atBound, true);
    boolean capInSet = false;
    int maxIterations = 50 * (n + 2);
    for (int iter = 1; iter <= maxIterations; iter++) {
      int[] free = freeIndices(atBound);
      double[] x = new double[n];
      double nu = 0.0;
      if (free.length > 0) {
        double[][] qff = new double[free.length][free.length];
        double[] mf = new double[free.length];
        for (int a = 0; a < free.length; a++) {
          mf[a] = m[free[a]];
          for (int c = 0; c < free.length; c++) {
            qff[a][c] = q[free[a]][free[c]];
          }
        }
        double[] y = choleskySolve(qff, mf);
        if (capInSet) {
          // Minimise over the face sum x_F = cap: x_F = y - nu z with z = Q_FF^-1 1.
          double[] ones = new double[free.length];
          Arrays.fill(ones, 1.0);
          double[] z = choleskySolve(qff, ones);
          nu = (sum(y) - cap) / sum(z);
          for (int a = 0; a < free.length; a++) {
            y[a] -= nu * z[a];
          }
        }
        for (int a = 0; a < free.length; a++) {
          x[free[a]] = y[a];
        }
      }
      // Step from f towards x, stopping at the first constraint outside the working set.
      double alpha = 1.0;
      int blocking = -1;
      boolean capBlocks = false;
      for (int i : free) {
        if (x[i] < 0.0) {
          double a = f[i] / (f[i] - x[i]);
          if (a < alpha) {
            alpha = a;
            blocking = i;
          }
        }
      }
      if (!capInSet && Double.isFinite(cap)) {
        double sx = sum(x);
        double sf = sum(f);
        if (sx > cap) {
          // Rounding can leave sf a hair above cap; never step backwards.
          double a = Math.max(0.0, (cap - sf) / (sx - sf));
          if (a < alpha) {
            alpha = a;
            blocking = -1;
            capBlocks = true;
          }
        }
      }
      if (blocking >= 0 || capBlocks) {
        for (int i = 0; i < n; i++) {
          f[i] += alpha * (x[i] - f[i]);
        }
        if (capBlocks) {
          capInSet = true;
        } else {
          atBound[blocking] = true;
          f[blocking] = 0.0;
        }
        continue;
      }
      f = x;
      // f is optimal on the current face; check the signs of the multipliers.
      // Stationarity Q f - m = lambda - nu 1, with lambda_i >= 0 on the bounds and nu >= 0.
      double worst = -tol;
      int drop = -1;
      boolean dropCap = false;
      for (int i = 0; i < n; i++) {
        if (atBound[i]) {
          double lambda = dot(q[i], f) - m[i] + nu;
          if (lambda < worst) {
            worst = lambda;
            drop = i;
          }
        }
      }
      if (capInSet && nu < worst) {
        dropCap = true;
        drop = -1;
      }
      if (drop < 0 && !dropCap) {
        for (int i = 0; i < n; i++) {
          f[i] = Math.max(0.0, f[i]);
        }
        return new Solution(f, capInSet && nu > tol, iter);
      }
      if (dropCap) {
        capInSet = false;
      } else {
        atBound[drop] = false;
      }
    }
    throw new IllegalStateException(
        String.format(
            Locale.ROOT,
            "long-only Kelly active-set solver did not converge in %d iterations (n=%d); last"
                + " iterate %s",
            maxIterations,
            n,
            Arrays.toString(f)));
  }

  /**
   * Solves {@code A x = b} for symmetric positive definite {@code A} by Cholesky {@code A = L L'}.
   *
   * @throws IllegalArgumentException if {@code A} is not positive definite
   */
  static double[] choleskySolve(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The lower Cholesky factor, or an exception naming the failing pivot. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0.0)) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "Sigma must be positive definite but the Cholesky pivot %d was %s",
                    i,
                    s));
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  private static int[] freeIndices(boolean[] atBound) {
    int count = 0;
    for (boolean b : atBound) {
      if (!b) {
        count++;
      }
    }
    int[] free = new int[count];
    int k = 0;
    for (int i = 0; i < atBound.length; i++) {
      if (!atBound[i]) {
        free[k++] = i;
      }
    }
    return free;
  }

  static double sum(double[] v) {
    double s = 0.0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

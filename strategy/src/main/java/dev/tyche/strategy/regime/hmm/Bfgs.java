package dev.tyche.strategy.regime.hmm;

/**
 * Minimal BFGS minimiser with an Armijo backtracking line search and the initial inverse-Hessian
 * scaling of Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 6.1 and eq.
 * 6.20. The update is skipped when the curvature {@code s'y} is not positive, which keeps the
 * inverse Hessian positive definite without a Wolfe line search. A non-finite objective value
 * counts as a failed trial step.
 *
 * <p>Mutable; confined to one thread.
 */
final class Bfgs {

  /** Objective: returns f(x) and writes the gradient, or returns NaN outside the domain. */
  interface Objective {
    double value(double[] x, double[] gradient);
  }

  /** Outcome of a minimisation. */
  record Result(double[] argmin, double value, double gradientNorm, int iterations, int code) {
    static final int CONVERGED = 0;
    static final int ITERATION_LIMIT = 1;
    static final int STALLED = 2;
  }

  private static final double C1 = 1e-4;
  private static final int MAX_HALVINGS = 50;

  private Bfgs() {}

  static Result minimize(Objective f, double[] start, int maxIterations, double gradientTolerance) {
    return minimize(f, start, null, maxIterations, gradientTolerance);
  }

  /**
   * Minimises f from {@code start}. {@code initialDiagonal}, if not null, is the diagonal of the
   * starting inverse Hessian (a preconditioner); otherwise the identity is used and rescaled after
   * the first step by eq. 6.20.
   */
  static Result minimize(
      Objective f,
      double[] start,
      double[] initialDiagonal,
      int maxIterations,
      double gradientTolerance) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double[] xn = new double[n];
    double[] gn = new double[n];
    double[] dir = new double[n];
    double[] s = new double[n];
    double[] y = new double[n];
    double[] hy = new double[n];
    double[] h = new double[n * n];
    boolean scaled = initialDiagonal != null;
    reset(h, n, initialDiagonal);
    double fx = f.value(x, g);
    if (!Double.isFinite(fx)) {
      return new Result(x, fx, Double.NaN, 0, Result.STALLED);
    }
    int iter = 0;
    while (true) {
      double gNorm = maxAbs(g);
      if (gNorm <= gradientTolerance) {
        return new Result(x, fx, gNorm, iter, Result.CONVERGED);
      }
      if (iter >= maxIterations) {
        return new Result(x, fx, gNorm, iter, Result.ITERATION_LIMIT);
      }
      iter++;
      double slope = 0.0;
      for (int i = 0; i < n; i++) {
        double v = 0.0;
        for (int j = 0; j < n; j++) {
          v -= h[i * n + j] * g[j];
        }
        dir[i] = v;
        slope += v * g[i];
      }
      if (!(slope < 0.0)) {
        // Lost positive definiteness through rounding: restart from the initial matrix.
        reset(h, n, initialDiagonal);
        scaled = initialDiagonal != null;
        slope = 0.0;
        for (int i = 0; i < n; i++) {
          dir[i] = -h[i * n + i] * g[i];
          slope += dir[i] * g[i];
        }
      }
      double step = 1.0;
      double fn = Double.NaN;
      boolean accepted = false;
      for (int m = 0; m < MAX_HALVINGS; m++) {
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + step * dir[i];
        }
        fn = f.value(xn, gn);
        if (Double.isFinite(fn) && fn <= fx + C1 * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        return new Result(x, fx, gNorm, iter, Result.STALLED);
      }
      double sy = 0.0;
      double yy = 0.0;
      for (int i = 0; i < n; i++) {
        s[i] = xn[i] - x[i];
        y[i] = gn[i] - g[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
      }
      if (sy > 1e-14 * Math.sqrt(yy * dot(s, s))) {
        if (!scaled) {
          identity(h, n, sy / yy);
          scaled = true;
        }
        update(h, n, s, y, hy, sy);
      }
      System.arraycopy(xn, 0, x, 0, n);
      System.arraycopy(gn, 0, g, 0, n);
      fx = fn;
    }
  }

  /** H <- (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s'y (Nocedal-Wright eq. 6.17). */
  private static void update(double[] h, int n, double[] s, double[] y, double[] hy, double sy) {
    double rho = 1.0 / sy;
    double yhy = 0.0;
    for (int i = 0; i < n; i++) {
      double v = 0.0;
      for (int j = 0; j < n; j++) {
        v += h[i * n + j] * y[j];
      }
      hy[i] = v;
      yhy += y[i] * v;
    }
    double c = (1.0 + rho * yhy) * rho;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i * n + j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
      }
    }
  }

  private static void reset(double[] h, int n, double[] diagonal) {
    identity(h, n, 1.0);
    if (diagonal != null) {
      for (int i = 0; i < n; i++) {
        h[i * n + i] = diagonal[i];
      }
    }
  }

  private static void identity(double[] h, int n, double v) {
    java.util.Arrays.fill(h, 0.0);
    for (int i = 0; i < n; i++) {
      h[i * n + i] = v;
    }
  }

  private static double maxAbs(double[] a) {
    double m = 0.0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

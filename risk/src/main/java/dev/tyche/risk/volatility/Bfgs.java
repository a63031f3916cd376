package dev.tyche.risk.volatility;

/**
 * A small BFGS minimiser with a strong-Wolfe line search (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithm 6.1 with the line search of Algorithms 3.5 and 3.6 and the
 * initial scaling of eq. 6.20). Non-finite objective values count as "too far" and shrink the step,
 * which lets the objective signal leaving its domain.
 *
 * <p>Mutable; confined to one thread.
 */
final class Bfgs {

  /** The function to minimise; returns its value and writes the gradient, or NaN if undefined. */
  interface Objective {
    double value(double[] u, double[] gradient);
  }

  /** The outcome of one minimisation. */
  record Result(
      double[] argmin,
      double value,
      double gradientNorm,
      int iterations,
      boolean converged,
      String reason) {}

  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_SEARCH = 60;

  /**
   * Zoom steps before giving up. A smooth objective brackets a strong-Wolfe point in a few
   * interpolations; needing more means the objective differences have reached rounding noise (a
   * GARCH likelihood of thousands of observations near its optimum), where further evaluations
   * cannot improve anything. SciPy's {@code scalar_search_wolfe2} stops its zoom after 10.
   */
  private static final int MAX_ZOOM = 12;

  private final Objective f;
  private final int n;
  private final double[] trial;
  private final double[] trialGrad;
  private final double[] direction;
  private final double[] hInv;
  private final double[] s;
  private final double[] y;
  private final double[] tmp;

  /** The step of the last {@link #evalAlong} call and the raw objective value it got there. */
  private double lastStep = Double.NaN;

  private double lastValue = Double.NaN;

  Bfgs(Objective f, int n) {
    this.f = f;
    this.n = n;
    this.trial = new double[n];
    this.trialGrad = new double[n];
    this.direction = new double[n];
    this.hInv = new double[n * n];
    this.s = new double[n];
    this.y = new double[n];
    this.tmp = new double[n];
  }

  Result minimize(double[] start, int maxIterations, double gradientTolerance) {
    double[] u = start.clone();
    double[] g = new double[n];
    double fx = f.value(u, g);
    if (!Double.isFinite(fx) || !allFinite(g)) {
      return new Result(u, Double.NaN, Double.NaN, 0, false, "objective not finite at start");
    }
    setIdentity(1.0);
    boolean scaled = false;
    int flat = 0;
    int iter = 0;
    String reason = "iteration limit " + maxIterations + " reached";
    boolean converged = false;
    while (true) {
      double gNorm = maxAbs(g);
      if (gNorm <= gradientTolerance) {
        converged = true;
        reason = "gradient norm " + gNorm + " <= " + gradientTolerance;
        break;
      }
      if (iter >= maxIterations) {
        break;
      }
      iter++;
      multiply(hInv, g, direction);
      double slope = 0.0;
      for (int i = 0; i < n; i++) {
        direction[i] = -direction[i];
        slope += direction[i] * g[i];
      }
      if (!(slope < 0)) {
        // The quasi-Newton matrix lost positive definiteness numerically: restart on steepest
        // descent.
        setIdentity(1.0 / Math.max(1.0, gNorm));
        scaled = false;
        multiply(hInv, g, direction);
        slope = 0.0;
        for (int i = 0; i < n; i++) {
          direction[i] = -direction[i];
          slope += direction[i] * g[i];
        }
      }
      double a0 = scaled ? 1.0 : Math.min(1.0, 1.0 / Math.max(gNorm, 1e-300));
      double step = lineSearch(u, fx, slope, a0);
      if (!(step > 0)) {
        // Within 1e3 x tolerance a failed search means the objective has reached rounding noise:
        // a steepest-descent restart would only repeat the failure at the same cost, and the run
        // counts as converged either way (see below).
        if (scaled && gNorm > 1e3 * gradientTolerance) {
          setIdentity(1.0 / Math.max(1.0, gNorm));
          scaled = false;
          continue;
        }
        reason = "line search failed with gradient norm " + gNorm;
        converged = gNorm <= 1e3 * gradientTolerance;
        break;
      }
      double fNew;
      if (step == lastStep) {
        // The line search ended on the point it evaluated last: trial and trialGrad hold it
        // already, so skip a second evaluation of the same point (half of all evaluations).
        fNew = lastValue;
      } else {
        for (int i = 0; i < n; i++) {
          trial[i] = u[i] + step * direction[i];
        }
        fNew = f.value(trial, trialGrad);
      }
      if (!Double.isFinite(fNew) || fNew > fx) {
        reason = "line search returned a non-improving point";
        converged = gNorm <= 1e3 * gradientTolerance;
        break;
      }
      double sy = 0.0;
      double yy = 0.0;
      for (int i = 0; i < n; i++) {
        s[i] = trial[i] - u[i];
        y[i] = trialGrad[i] - g[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
      }
      if (sy > 1e-14 * Math.sqrt(yy * dot(s, s))) {
        if (!scaled) {
          setIdentity(sy / yy);
          scaled = true;
        }
        update(sy);
      }
      flat = Math.abs(fx - fNew) <= 1e-15 * Math.max(1.0, Math.abs(fx)) ? flat + 1 : 0;
      System.arraycopy(trial, 0, u, 0, n);
      System.arraycopy(trialGrad, 0, g, 0, n);
      fx = fNew;
      if (flat >= 5) {
        double gn = maxAbs(g);
        converged = gn <= 1e3 * gradientTolerance;
        reason = "no further decrease; gradient norm " + gn;
        break;
      }
    }
    return new Result(u, fx, maxAbs(g), iter, converged, reason);
  }

  /** Strong-Wolfe step length along {@link #direction}, or 0 if none was found. */
  private double lineSearch(double[] u, double f0, double slope0, double aInit) {
    lastStep = Double.NaN;
    double aPrev = 0.0;
    double fPrev = f0;
    double dPrev = slope0;
    double a = aInit;
    double bestSufficient = 0.0;
    for (int i = 0; i < MAX_LINE_SEARCH; i++) {
      double fa = evalAlong(u, a);
      if (!Double.isFinite(fa)) {
        a = aPrev + 0.25 * (a - aPrev);
        continue;
      }
      double da = slopeAlong();
      if (fa > f0 + C1 * a * slope0 || (i > 0 && fa >= fPrev)) {
        double z = zoom(u, f0, slope0, aPrev, fPrev, dPrev, a, fa, da);
        return z > 0 ? z : bestSufficient;
      }
      bestSufficient = a;
      if (Math.abs(da) <= -C2 * slope0) {
        return a;
      }
      if (da >= 0) {
        double z = zoom(u, f0, slope0, a, fa, da, aPrev, fPrev, dPrev);
        return z > 0 ? z : a;
      }
      aPrev = a;
      fPrev = fa;
      dPrev = da;
      a = 2.0 * a;
    }
    return bestSufficient;
  }

  private double zoom(
      double[] u,
      double f0,
      double slope0,
      double lo,
      double fLo,
      double dLo,
      double hi,
      double fHi,
      double dHi) {
    for (int j = 0; j < MAX_ZOOM; j++) {
      double width = hi - lo;
      double a = interpolate(lo, fLo, dLo, hi, fHi, dHi);
      double lower = Math.min(lo + 0.1 * width, lo + 0.9 * width);
      double upper = Math.max(lo + 0.1 * width, lo + 0.9 * width);
      if (!(a >= lower && a <= upper)) {
        a = lo + 0.5 * width;
      }
      if (Math.abs(width) <= 1e-16 * Math.max(1.0, Math.abs(lo))) {
        return lo;
      }
      double fa = evalAlong(u, a);
      if (!Double.isFinite(fa)) {
        hi = a;
        fHi = Double.NaN;
        dHi = Double.NaN;
        continue;
      }
      double da = slopeAlong();
      if (fa > f0 + C1 * a * slope0 || fa >= fLo) {
        hi = a;
        fHi = fa;
        dHi = da;
      } else {
        if (Math.abs(da) <= -C2 * slope0) {
          return a;
        }
        if (da * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          dHi = dLo;
        }
        lo = a;
        fLo = fa;
        dLo = da;
      }
    }
    return lo;
  }

  /** Minimiser of the quadratic through (lo, fLo, dLo) and (hi, fHi); NaN if undefined. */
  private static double interpolate(
      double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
    if (!Double.isFinite(fHi)) {
      return Double.NaN;
    }
    double d = hi - lo;
    double denom = 2.0 * (fHi - fLo - dLo * d);
    if (!(denom > 0)) {
      return Double.NaN;
    }
    return lo - dLo * d * d / denom;
  }

  private double evalAlong(double[] u, double a) {
    for (int i = 0; i < n; i++) {
      trial[i] = u[i] + a * direction[i];
    }
    double v = f.value(trial, trialGrad);
    lastStep = a;
    lastValue = v;
    return allFinite(trialGrad) ? v : Double.NaN;
  }

  private double slopeAlong() {
    return dot(trialGrad, direction);
  }

  /** hInv = (I - rho s y') hInv (I - rho y s') + rho s s' with rho = 1 / (s'y). */
  private void update(double sy) {
    double rho = 1.0 / sy;
    multiply(hInv, y, tmp); // tmp = H y
    double yHy = dot(y, tmp);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        hInv[i * n + j] +=
            -rho * (tmp[i] * s[j] + s[i] * tmp[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
      }
    }
  }

  private void setIdentity(double scale) {
    java.util.Arrays.fill(hInv, 0.0);
    for (int i = 0; i < n; i++) {
      hInv[i * n + i] = scale;
    }
  }

  private void multiply(double[] m, double[] v, double[] out) {
    for (int i = 0; i < n; i++) {
      double acc = 0.0;
      for (int j = 0; j < n; j++) {
        acc += m[i * n + j] * v[j];
      }
      out[i] = acc;
    }
  }

  private static double dot(double[] a, double[] b) {
    double acc = 0.0;
    for (int i = 0; i < a.length; i++) {
      acc += a[i] * b[i];
    }
    return acc;
  }

  private static double maxAbs(double[] a) {
    double m = 0.0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}

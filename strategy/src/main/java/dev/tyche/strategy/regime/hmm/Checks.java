package dev.tyche.strategy.regime.hmm;

import java.util.Locale;

/** Argument checks shared by the HMM classes; messages name the argument, value and expectation. */
final class Checks {

  /** Rows and probability vectors must sum to 1 within this absolute tolerance. */
  static final double SUM_TOLERANCE = 1e-9;

  private Checks() {}

  static void probabilityVector(String name, double[] p) {
    if (p.length == 0) {
      throw new IllegalArgumentException(name + " must have at least one entry but was empty");
    }
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "%s[%d] must be a probability in [0, 1] but was %s", name, i, p[i]));
      }
      sum += p[i];
    }
    if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must sum to 1 (within %s) but sums to %s",
              name,
              SUM_TOLERANCE,
              sum));
    }
  }

  /** Validates a row-stochastic square matrix and returns it flattened row-major. */
  static double[] stochasticMatrix(double[][] a) {
    if (a == null) {
      throw new NullPointerException("transition matrix must not be null");
    }
    int k = a.length;
    if (k < 1) {
      throw new IllegalArgumentException("number of states K must be >= 1 but was " + k);
    }
    double[] flat = new double[k * k];
    for (int i = 0; i < k; i++) {
      if (a[i] == null || a[i].length != k) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "transition matrix must be %dx%d but row %d has %s entries",
                k,
                k,
                i,
                a[i] == null ? "null" : Integer.toString(a[i].length)));
      }
      probabilityVector("transition matrix row " + i, a[i]);
      System.arraycopy(a[i], 0, flat, i * k, k);
    }
    return flat;
  }

  static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite but was " + v);
    }
  }

  static void positive(String name, double v) {
    if (!(v > 0.0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + v);
    }
  }

  /** Flattens a T x d observation matrix after checking shape and finiteness. */
  static double[] observations(double[][] x, int d) {
    if (x == null) {
      throw new NullPointerException("observations must not be null");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("observations must not be empty");
    }
    double[] flat = new double[x.length * d];
    for (int t = 0; t < x.length; t++) {
      if (x[t] == null || x[t].length != d) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "observation %d must have dimension %d but had %s",
                t,
                d,
                x[t] == null ? "null" : Integer.toString(x[t].length)));
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[t][j])) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT, "observation %d[%d] must be finite but was %s", t, j, x[t][j]));
        }
        flat[t * d + j] = x[t][j];
      }
    }
    return flat;
  }

  /** Copies a univariate series after checking it is non-empty and finite. */
  static double[] observations(double[] x) {
    if (x == null) {
      throw new NullPointerException("observations must not be null");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("observations must not be empty");
    }
    for (int t = 0; t < x.length; t++) {
      if (!Double.isFinite(x[t])) {
        throw new IllegalArgumentException("observation " + t + " must be finite but was " + x[t]);
      }
    }
    return x.clone();
  }
}

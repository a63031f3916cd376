package dev.tyche.risk.kelly;

/**
 * Independent brute force for {@code max m'f - f'Qf/2, f >= 0, sum f <= cap}: every face of the
 * feasible polytope (each subset of free variables, with or without the cap active) is solved by
 * Gauss-Jordan elimination of its KKT system, and the best feasible point wins. Exponential in
 * {@code n}; for tests with {@code n <= 5} only.
 */
final class BruteForce {

  private BruteForce() {}

  static double objective(double[][] q, double[] m, double[] f) {
    double v = 0;
    for (int i = 0; i < f.length; i++) {
      v += m[i] * f[i];
      for (int j = 0; j < f.length; j++) {
        v -= 0.5 * f[i] * q[i][j] * f[j];
      }
    }
    return v;
  }

  static double[] solve(double[][] q, double[] m, double cap) {
    int n = m.length;
    double[] best = new double[n];
    double bestValue = 0.0;
    for (int mask = 1; mask < (1 << n); mask++) {
      for (int capActive = 0; capActive < (Double.isFinite(cap) ? 2 : 1); capActive++) {
        double[] x = face(q, m, mask, capActive == 1, cap);
        if (x == null || !feasible(x, cap)) {
          continue;
        }
        double v = objective(q, m, x);
        if (v > bestValue) {
          bestValue = v;
          best = x;
        }
      }
    }
    return best;
  }

  static boolean feasible(double[] x, double cap) {
    double s = 0;
    for (double v : x) {
      if (v < -1e-12) {
        return false;
      }
      s += v;
    }
    return s <= cap * (1 + 1e-12);
  }

  /** Stationary point of the objective on a face, or null if the KKT system is singular. */
  private static double[] face(double[][] q, double[] m, int mask, boolean capActive, double cap) {
    int n = m.length;
    int[] idx = new int[Integer.bitCount(mask)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if ((mask & (1 << i)) != 0) {
        idx[k++] = i;
      }
    }
    int size = idx.length + (capActive ? 1 : 0);
    double[][] a = new double[size][size + 1];
    for (int r = 0; r < idx.length; r++) {
      for (int c = 0; c < idx.length; c++) {
        a[r][c] = q[idx[r]][idx[c]];
      }
      if (capActive) {
        a[r][idx.length] = 1.0;
      }
      a[r][size] = m[idx[r]];
    }
    if (capActive) {
      for (int c = 0; c < idx.length; c++) {
        a[idx.length][c] = 1.0;
      }
      a[idx.length][size] = cap;
    }
    for (int col = 0; col < size; col++) {
      int pivot = col;
      for (int r = col + 1; r < size; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-300) {
        return null;
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      for (int r = 0; r < size; r++) {
        if (r != col) {
          double factor = a[r][col] / a[col][col];
          for (int c = col; c <= size; c++) {
            a[r][c] -= factor * a[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = 0; r < idx.length; r++) {
      x[idx[r]] = a[r][size] / a[r][r];
    }
    return x;
  }
}

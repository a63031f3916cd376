package dev.tyche.strategy.regime.hmm;

/**
 * Small helpers for finite Markov chains with a row-stochastic transition matrix {@code A[i][j] =
 * P(s_t = j | s_{t-1} = i)}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class MarkovChains {

  private MarkovChains() {}

  /**
   * The stationary (ergodic) distribution {@code pi} with {@code pi A = pi} and {@code sum pi = 1}.
   * It is computed as {@code pi = 1' (I - A + 1 1')^{-1}} (Hamilton 1994, <i>Time Series
   * Analysis</i>, eq. 22.2.26 in transposed form; {@code 1 1'} makes the system non-singular
   * exactly when the stationary distribution is unique).
   *
   * @param transition row-stochastic {@code K x K} matrix
   * @return the stationary distribution
   * @throws IllegalArgumentException if the matrix is not row-stochastic or its stationary
   *     distribution is not unique (several closed classes)
   */
  public static double[] stationaryDistribution(double[][] transition) {
    double[] a = Checks.stochasticMatrix(transition);
    return stationary(a, transition.length, null);
  }

  /**
   * Expected duration of a stay in each state, {@code 1 / (1 - A[k][k])} periods (geometric
   * sojourn; Hamilton 1989, Econometrica 57(2), p. 374). Infinite for an absorbing state.
   *
   * @param transition row-stochastic {@code K x K} matrix
   * @return one duration per state, in periods
   */
  public static double[] expectedDurations(double[][] transition) {
    double[] a = Checks.stochasticMatrix(transition);
    int k = transition.length;
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      out[i] = 1.0 / (1.0 - a[i * k + i]);
    }
    return out;
  }

  /**
   * Stationary distribution of a flat row-major matrix. If {@code inverseOut} is not null it
   * receives {@code (I - A + 1 1')^{-1}} (row-major), which the ergodic-likelihood gradient needs.
   */
  static double[] stationary(double[] a, int k, double[] inverseOut) {
    double[] m = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i * k + j] = (i == j ? 1.0 : 0.0) - a[i * k + j] + 1.0;
      }
    }
    double[] inv = inverse(m, k);
    if (inv == null) {
      throw new IllegalArgumentException(
          "transition matrix must have a unique stationary distribution (one closed class) but"
              + " I - A + 11' is singular");
    }
    double[] pi = new double[k];
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      double s = 0.0;
      for (int i = 0; i < k; i++) {
        s += inv[i * k + j];
      }
      // Rounding can leave -1e-17 where the exact value is 0.
      pi[j] = Math.max(0.0, s);
      sum += pi[j];
    }
    for (int j = 0; j < k; j++) {
      pi[j] /= sum;
    }
    if (inverseOut != null) {
      System.arraycopy(inv, 0, inverseOut, 0, k * k);
    }
    return pi;
  }

  /** Gauss-Jordan inverse with partial pivoting; null if (numerically) singular. */
  static double[] inverse(double[] m, int k) {
    double[] w = m.clone();
    double[] inv = new double[k * k];
    for (int i = 0; i < k; i++) {
      inv[i * k + i] = 1.0;
    }
    double scale = 0.0;
    for (double v : m) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int c = 0; c < k; c++) {
      int p = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(w[r * k + c]) > Math.abs(w[p * k + c])) {
          p = r;
        }
      }
      double piv = w[p * k + c];
      if (!(Math.abs(piv) > 1e-13 * scale)) {
        return null;
      }
      if (p != c) {
        swapRows(w, k, p, c);
        swapRows(inv, k, p, c);
      }
      for (int j = 0; j < k; j++) {
        w[c * k + j] /= piv;
        inv[c * k + j] /= piv;
      }
      for (int r = 0; r < k; r++) {
        if (r != c) {
          double f = w[r * k + c];
          if (f != 0.0) {
            for (int j = 0; j < k; j++) {
              w[r * k + j] -= f * w[c * k + j];
              inv[r * k + j] -= f * inv[c * k + j];
            }
          }
        }
      }
    }
    return inv;
  }

  private static void swapRows(double[] m, int k, int r1, int r2) {
    for (int j = 0; j < k; j++) {
      double t = m[r1 * k + j];
      m[r1 * k + j] = m[r2 * k + j];
      m[r2 * k + j] = t;
    }
  }
}

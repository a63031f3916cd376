package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;

/**
 * Scaled forward-backward recursions (Rabiner 1989, "A tutorial on hidden Markov models and
 * selected applications in speech recognition", Proc. IEEE 77(2), sec. V.A, eqs. 91-92), a
 * workspace sized for one series so that EM iterations do not allocate.
 *
 * <p>Scaling: at step t the emission densities are shifted by {@code m_t}, the largest log density
 * among states with positive predicted probability, {@code e_t(j) = exp(ln b_j(x_t) - m_t)}, so no
 * density underflows to 0 for all states at once. The scale {@code s_t = sum_j pred_t(j) e_t(j)}
 * gives {@code ln p(x_t | x_1..x_{t-1}) = ln s_t + m_t}, and the normalised forward variable is the
 * filtered probability {@code P(s_t | x_1..x_t)}.
 *
 * <p>Mutable; confined to one thread.
 */
final class ForwardBackward {

  /** Keeps exp() finite for states the predicted distribution rules out (see class comment). */
  private static final double MAX_EXPONENT = 700.0;

  final int n;
  final int k;
  final int d;

  /** Log emission densities, then (after forward) the shifted densities e_t(j); T x K. */
  final double[] e;

  /** Filtered probabilities (normalised forward variables); T x K. */
  final double[] alpha;

  /** Scaled backward variables; T x K. */
  final double[] beta;

  /** ln p(x_t | x_1..x_{t-1}); T. */
  final double[] logScale;

  /** s_t; T. */
  final double[] scale;

  private final double[] pred;
  private final double[] scratch;

  ForwardBackward(int n, int k, int d) {
    this.n = n;
    this.k = k;
    this.d = d;
    this.e = new double[n * k];
    this.alpha = new double[n * k];
    this.beta = new double[n * k];
    this.logScale = new double[n];
    this.scale = new double[n];
    this.pred = new double[k];
    this.scratch = new double[Math.max(1, d)];
  }

  /** Runs the forward pass and returns ln p(x_1..x_T). {@code p} must be prepared. */
  double forward(HmmParameters p, double[] x) {
    for (int t = 0; t < n; t++) {
      p.logDensities(x, t * d, e, t * k, scratch);
    }
    System.arraycopy(p.pi, 0, pred, 0, k);
    double ll = 0.0;
    for (int t = 0; t < n; t++) {
      int o = t * k;
      double m = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (pred[j] > 0.0 && e[o + j] > m) {
          m = e[o + j];
        }
      }
      double s = 0.0;
      for (int j = 0; j < k; j++) {
        double v = Math.exp(Math.min(e[o + j] - m, MAX_EXPONENT));
        e[o + j] = v;
        double u = pred[j] * v;
        alpha[o + j] = u;
        s += u;
      }
      double inv = 1.0 / s;
      for (int j = 0; j < k; j++) {
        alpha[o + j] *= inv;
      }
      scale[t] = s;
      double lc = Math.log(s) + m;
      logScale[t] = lc;
      ll += lc;
      // pred_{t+1}(j) = sum_i alpha_t(i) A[i][j]  (Rabiner eq. 20, normalised)
      Arrays.fill(pred, 0.0);
      for (int i = 0; i < k; i++) {
        double ai = alpha[o + i];
        if (ai != 0.0) {
          int r = i * k;
          for (int j = 0; j < k; j++) {
            pred[j] += ai * p.a[r + j];
          }
        }
      }
    }
    return ll;
  }

  /** Scaled backward pass (Rabiner eq. 25 with the forward pass's scales); needs forward first. */
  void backward(HmmParameters p) {
    int last = (n - 1) * k;
    Arrays.fill(beta, last, last + k, 1.0);
    for (int t = n - 2; t >= 0; t--) {
      int o = t * k;
      int o1 = o + k;
      double inv = 1.0 / scale[t + 1];
      for (int i = 0; i < k; i++) {
        double sum = 0.0;
        int r = i * k;
        for (int j = 0; j < k; j++) {
          sum += p.a[r + j] * e[o1 + j] * beta[o1 + j];
        }
        beta[o + i] = sum * inv;
      }
    }
  }

  /** Smoothed probability P(s_t = j | x_1..x_T) into out (K), after forward and backward. */
  void smoothed(int t, double[] out) {
    int o = t * k;
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      double g = alpha[o + j] * beta[o + j];
      out[j] = g;
      sum += g;
    }
    for (int j = 0; j < k; j++) {
      out[j] /= sum;
    }
  }

  /**
   * Accumulates the expected sufficient statistics of the E-step (Rabiner eqs. 37-40 and the
   * Gaussian mixture re-estimation of eqs. 52-54) into {@code st}, after forward and backward.
   */
  void accumulate(HmmParameters p, double[] x, Stats st) {
    st.clear();
    double[] g = pred;
    for (int t = 0; t < n; t++) {
      smoothed(t, g);
      int xo = t * d;
      for (int j = 0; j < k; j++) {
        double w = g[j];
        if (w == 0.0) {
          continue;
        }
        st.n[j] += w;
        for (int u = 0; u < d; u++) {
          double xu = x[xo + u];
          st.sx[j * d + u] += w * xu;
          if (st.full) {
            int b = j * d * d + u * d;
            for (int v = 0; v <= u; v++) {
              st.sxx[b + v] += w * xu * x[xo + v];
            }
          } else {
            st.sxx[j * d + u] += w * xu * xu;
          }
        }
      }
      if (t == 0) {
        System.arraycopy(g, 0, st.gamma1, 0, k);
      } else {
        // xi_{t-1,t}(i,j) = alpha_{t-1}(i) A[i][j] e_t(j) beta_t(j) / s_t  (Rabiner eq. 37)
        int o0 = (t - 1) * k;
        int o1 = t * k;
        double inv = 1.0 / scale[t];
        for (int i = 0; i < k; i++) {
          double ai = alpha[o0 + i] * inv;
          if (ai == 0.0) {
            continue;
          }
          int r = i * k;
          for (int j = 0; j < k; j++) {
            st.xi[r + j] += ai * p.a[r + j] * e[o1 + j] * beta[o1 + j];
          }
        }
      }
    }
    if (st.full) {
      for (int j = 0; j < k; j++) {
        int b = j * d * d;
        for (int u = 0; u < d; u++) {
          for (int v = u + 1; v < d; v++) {
            st.sxx[b + u * d + v] = st.sxx[b + v * d + u];
          }
        }
      }
    }
  }

  /** Expected sufficient statistics of one E-step. */
  static final class Stats {
    final boolean full;
    final double[] n;
    final double[] sx;
    final double[] sxx;
    final double[] xi;
    final double[] gamma1;

    Stats(int k, int d, CovarianceType type) {
      this.full = type == CovarianceType.FULL && d > 1;
      this.n = new double[k];
      this.sx = new double[k * d];
      this.sxx = new double[full ? k * d * d : k * d];
      this.xi = new double[k * k];
      this.gamma1 = new double[k];
    }

    void clear() {
      Arrays.fill(n, 0.0);
      Arrays.fill(sx, 0.0);
      Arrays.fill(sxx, 0.0);
      Arrays.fill(xi, 0.0);
      Arrays.fill(gamma1, 0.0);
    }
  }
}

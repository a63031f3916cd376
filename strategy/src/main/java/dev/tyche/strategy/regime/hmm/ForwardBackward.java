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
  private final double[] w;
  private final double[] g;
  private final double[] betaNext;
  private final boolean storeLogScale;

  /**
   * A workspace for {@code n} observations. {@code forInference} keeps the per-step log scale
   * factors and the backward variables of every step (for {@link #smoothed}); the fitter passes
   * false, which saves one logarithm per observation and a {@code T x K} array.
   */
  ForwardBackward(int n, int k, int d, boolean forInference) {
    this.n = n;
    this.k = k;
    this.d = d;
    this.storeLogScale = forInference;
    this.e = new double[n * k];
    this.alpha = new double[n * k];
    this.beta = forInference ? new double[n * k] : new double[0];
    this.logScale = forInference ? new double[n] : new double[0];
    this.w = new double[k];
    this.g = new double[k];
    this.betaNext = new double[k];
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
    double product = 1.0;
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
      if (storeLogScale) {
        double lc = Math.log(s) + m;
        logScale[t] = lc;
        ll += lc;
      } else {
        // Sum of logs as the log of a running product: one logarithm per ~10 steps, not per step.
        // s <= 1 here (e_t(j) <= 1 wherever pred_t(j) > 0), so only underflow needs guarding.
        ll += m;
        if (s > 1e-30) {
          product *= s;
          if (product < 1e-250) {
            ll += Math.log(product);
            product = 1.0;
          }
        } else {
          ll += Math.log(s);
        }
      }
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
    return ll + Math.log(product);
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
   * Backward pass fused with the E-step (Rabiner eqs. 37-40 and the Gaussian re-estimation
   * formulas, eqs. 52-54): accumulates the expected sufficient statistics into {@code st} keeping
   * only two backward vectors. With {@code w_j = e_{t+1}(j) beta_{t+1}(j) / s_{t+1}} one {@code
   * K^2} loop gives both {@code beta_t(i) = sum_j A[i][j] w_j} and {@code xi_t(i,j) = alpha_t(i)
   * A[i][j] w_j}. Needs {@link #forward} first.
   */
  void backwardAccumulate(HmmParameters p, double[] x, ForwardBackward.Stats st) {
    st.clear();
    java.util.Arrays.fill(betaNext, 1.0);
    addGamma(n - 1, betaNext, x, st);
    for (int t = n - 2; t >= 0; t--) {
      int o = t * k;
      int o1 = o + k;
      double inv = 1.0 / scale[t + 1];
      for (int j = 0; j < k; j++) {
        w[j] = e[o1 + j] * betaNext[j] * inv;
      }
      for (int i = 0; i < k; i++) {
        int r = i * k;
        double ai = alpha[o + i];
        double b = 0.0;
        for (int j = 0; j < k; j++) {
          double aw = p.a[r + j] * w[j];
          b += aw;
          st.xi[r + j] += ai * aw;
        }
        g[i] = b;
      }
      System.arraycopy(g, 0, betaNext, 0, k);
      addGamma(t, betaNext, x, st);
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

  /** gamma_t = alpha_t * beta_t (normalised) and its contribution to the statistics. */
  private void addGamma(int t, double[] betaT, double[] x, ForwardBackward.Stats st) {
    int o = t * k;
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      double v = alpha[o + j] * betaT[j];
      g[j] = v;
      sum += v;
    }
    double inv = 1.0 / sum;
    int xo = t * d;
    for (int j = 0; j < k; j++) {
      double wt = g[j] * inv;
      if (t == 0) {
        st.gamma1[j] = wt;
      }
      if (wt == 0.0) {
        continue;
      }
      st.n[j] += wt;
      for (int u = 0; u < d; u++) {
        double xu = x[xo + u];
        st.sx[j * d + u] += wt * xu;
        if (st.full) {
          int b = j * d * d + u * d;
          for (int v = 0; v <= u; v++) {
            st.sxx[b + v] += wt * xu * x[xo + v];
          }
        } else {
          st.sxx[j * d + u] += wt * xu * xu;
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

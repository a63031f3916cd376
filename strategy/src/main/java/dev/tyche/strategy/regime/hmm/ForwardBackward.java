package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;

/**
 * Scaled forward-backward recursions (Rabiner 1989, "A tutorial on hidden Markov models and
 * selected applications in speech recognition", Proc. IEEE 77(2), sec. V.A, eqs. 91-92), a
 * workspace sized for one series so that EM iterations do not allocate.
 *
 * <p>Scaling: at step t the emission densities are shifted by {@code m_t}, the largest log density,
 * {@code e_t(j) = exp(ln b_j(x_t) - m_t)}, so no density underflows to 0 for all states at once (if
 * the predicted distribution all but excludes the state with that density, the step is redone with
 * the largest log density among states that can occur, see {@link #rescueStep}). The scale {@code
 * s_t = sum_j pred_t(j) e_t(j)} gives {@code ln p(x_t | x_1..x_{t-1}) = ln s_t + m_t}, and the
 * normalised forward variable is the filtered probability {@code P(s_t | x_1..x_t)}.
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

  /** Smoothed probabilities P(s_t | x_1..x_T) written by {@link #backwardAccumulate}; T x K. */
  final double[] gamma;

  /** ln p(x_t | x_1..x_{t-1}); T. */
  final double[] logScale;

  /** s_t; T. */
  final double[] scale;

  /** The shift m_t of the log densities; T. */
  final double[] shift;

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
    this.gamma = forInference ? new double[0] : new double[n * k];
    this.logScale = forInference ? new double[n] : new double[0];
    this.w = new double[k];
    this.g = new double[k];
    this.betaNext = new double[k];
    this.scale = new double[n];
    this.shift = new double[n];
    this.pred = new double[k];
    this.scratch = new double[Math.max(1, d)];
  }

  /** Runs the forward pass and returns ln p(x_1..x_T). {@code p} must be prepared. */
  double forward(HmmParameters p, double[] x) {
    if (k == 3 && d == 1) {
      return forward3(p, x);
    }
    // Pass 1, independent of the recursion (so the exponentials pipeline): shifted densities.
    for (int t = 0; t < n; t++) {
      int o = t * k;
      p.logDensities(x, t * d, e, o, scratch);
      shift[t] = shiftDensities(e, o, k);
    }
    // Pass 2: the recursion proper.
    System.arraycopy(p.pi, 0, pred, 0, k);
    double ll = 0.0;
    double product = 1.0;
    for (int t = 0; t < n; t++) {
      int o = t * k;
      double s = 0.0;
      for (int j = 0; j < k; j++) {
        double u = pred[j] * e[o + j];
        alpha[o + j] = u;
        s += u;
      }
      if (!(s > TINY)) {
        s = rescueStep(p, x, t, pred, e, alpha, o, shift, scratch, w);
      }
      double m = shift[t];
      double inv = 1.0 / s;
      // pred_{t+1}(j) = sum_i alpha_t(i) A[i][j] (Rabiner eq. 20), formed from the unnormalised
      // u_t(i) and scaled by 1 / s_t afterwards, so that the division runs alongside the K^2 sum
      // instead of delaying it: the recursion's latency, not arithmetic, bounds this loop.
      final double[] a = p.a;
      for (int j = 0; j < k; j++) {
        double v = 0.0;
        for (int i = 0, r = j; i < k; i++, r += k) {
          v += alpha[o + i] * a[r];
        }
        pred[j] = v * inv;
      }
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
        // TINY < s <= 1 here, so only underflow needs guarding.
        ll += m;
        product *= s;
        if (product < 1e-200) {
          ll += Math.log(product);
          product = 1.0;
        }
      }
    }
    return ll + Math.log(product);
  }

  /**
   * {@link #forward} for K = 3 univariate states, the common regime model: the same arithmetic,
   * operation for operation and in the same order (so the result is bit-identical to the general
   * loop and to {@link OnlineHmmFilter}), with the transition matrix, the predicted distribution
   * and the per-state density constants held in locals instead of being re-read through loops of
   * trip count K, which the JIT does not unroll for a K only known at run time.
   */
  private double forward3(HmmParameters p, double[] x) {
    final double[] ee = e;
    final double[] al = alpha;
    final double[] sh = shift;
    final double[] sc = scale;
    // Pass 1: log densities (HmmParameters.logDensities, d = 1) and the shift (shiftDensities).
    {
      final double m0 = p.mu[0];
      final double m1 = p.mu[1];
      final double m2 = p.mu[2];
      final double n0 = p.logNorm[0];
      final double n1 = p.logNorm[1];
      final double n2 = p.logNorm[2];
      final double q0 = p.prec[0];
      final double q1 = p.prec[1];
      final double q2 = p.prec[2];
      for (int t = 0, o = 0; t < n; t++, o += 3) {
        double xv = x[t];
        double r0 = xv - m0;
        double r1 = xv - m1;
        double r2 = xv - m2;
        double l0 = n0 - 0.5 * r0 * r0 * q0;
        double l1 = n1 - 0.5 * r1 * r1 * q1;
        double l2 = n2 - 0.5 * r2 * r2 * q2;
        double m = Double.NEGATIVE_INFINITY;
        int arg = 0;
        if (l0 > m) {
          m = l0;
        }
        if (l1 > m) {
          m = l1;
          arg = 1;
        }
        if (l2 > m) {
          m = l2;
          arg = 2;
        }
        ee[o] = arg == 0 ? 1.0 : Math.exp(l0 - m);
        ee[o + 1] = arg == 1 ? 1.0 : Math.exp(l1 - m);
        ee[o + 2] = arg == 2 ? 1.0 : Math.exp(l2 - m);
        sh[t] = m;
      }
    }
    final double[] a = p.a;
    final double a00 = a[0];
    final double a01 = a[1];
    final double a02 = a[2];
    final double a10 = a[3];
    final double a11 = a[4];
    final double a12 = a[5];
    final double a20 = a[6];
    final double a21 = a[7];
    final double a22 = a[8];
    double p0 = p.pi[0];
    double p1 = p.pi[1];
    double p2 = p.pi[2];
    double ll = 0.0;
    double product = 1.0;
    for (int t = 0, o = 0; t < n; t++, o += 3) {
      double u0 = p0 * ee[o];
      double u1 = p1 * ee[o + 1];
      double u2 = p2 * ee[o + 2];
      double s = u0 + u1 + u2;
      if (!(s > TINY)) {
        pred[0] = p0;
        pred[1] = p1;
        pred[2] = p2;
        s = rescueStep(p, x, t, pred, ee, al, o, sh, scratch, w);
        u0 = al[o];
        u1 = al[o + 1];
        u2 = al[o + 2];
      }
      double inv = 1.0 / s;
      p0 = (u0 * a00 + u1 * a10 + u2 * a20) * inv;
      p1 = (u0 * a01 + u1 * a11 + u2 * a21) * inv;
      p2 = (u0 * a02 + u1 * a12 + u2 * a22) * inv;
      al[o] = u0 * inv;
      al[o + 1] = u1 * inv;
      al[o + 2] = u2 * inv;
      sc[t] = s;
      double m = sh[t];
      if (storeLogScale) {
        double lc = Math.log(s) + m;
        logScale[t] = lc;
        ll += lc;
      } else {
        ll += m;
        product *= s;
        if (product < 1e-200) {
          ll += Math.log(product);
          product = 1.0;
        }
      }
    }
    return ll + Math.log(product);
  }

  /**
   * Below this, {@code s_t = sum_j pred_t(j) e_t(j)} is treated as an underflow of the shifted
   * densities (the most likely state under the density alone is all but excluded by the predicted
   * distribution) and the step is redone with the shift taken over the states that can occur.
   */
  static final double TINY = 1e-250;

  /**
   * Replaces {@code lb[o..o+k)} (log densities) by {@code exp(lb - max lb)} and returns the max:
   * the common shift, so that at least one shifted density is 1.
   */
  static double shiftDensities(double[] lb, int o, int k) {
    double m = Double.NEGATIVE_INFINITY;
    int arg = 0;
    for (int j = 0; j < k; j++) {
      double v = lb[o + j];
      if (v > m) {
        m = v;
        arg = j;
      }
    }
    // exp(0) = 1 exactly, so the largest density needs no exponential.
    for (int j = 0; j < k; j++) {
      lb[o + j] = j == arg ? 1.0 : Math.exp(lb[o + j] - m);
    }
    return m;
  }

  /**
   * Slow path of one forward step when {@code s_t} underflowed: recompute the log densities and
   * shift by their largest value among states with {@code pred(j) > 0}, so {@code s_t >= min
   * positive pred}. Writes e, the unnormalised alpha and the shift; returns {@code s_t}. Shared
   * with the online filter so both stay bit-identical.
   */
  static double rescueStep(
      HmmParameters p,
      double[] x,
      int t,
      double[] pred,
      double[] e,
      double[] alphaOut,
      int o,
      double[] shift,
      double[] scratch,
      double[] lb) {
    int k = p.k;
    p.logDensities(x, t * p.d, lb, 0, scratch);
    double m = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      if (pred[j] > 0.0 && lb[j] > m) {
        m = lb[j];
      }
    }
    double s = 0.0;
    for (int j = 0; j < k; j++) {
      // States with pred = 0 may have a far larger density; cap to keep 0 * e finite.
      double v = Math.exp(Math.min(lb[j] - m, MAX_EXPONENT));
      e[o + j] = v;
      double u = pred[j] * v;
      alphaOut[o + j] = u;
      s += u;
    }
    shift[t] = m;
    return s;
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
   * Backward pass and E-step (Rabiner eqs. 37-40 and the Gaussian re-estimation formulas, eqs.
   * 52-54): accumulates the expected sufficient statistics into {@code st}. The recursion keeps two
   * backward vectors: with {@code w_{t+1}(j) = e_{t+1}(j) beta_{t+1}(j) / s_{t+1}}, {@code
   * beta_t(i) = sum_j A[i][j] w_{t+1}(j)}; {@code w_{t+1}} overwrites {@code e_{t+1}} (no longer
   * needed) and the smoothed probabilities go to {@link #gamma}. The transition counts then follow
   * outside the recursion as {@code xi(i,j) = A[i][j] sum_t alpha_t(i) w_{t+1}(j)}, one
   * register-accumulated sum per pair, which keeps stores out of the sequential loop. {@code alpha}
   * keeps the filtered probabilities; call {@link #forward} again before another backward pass (e
   * is consumed).
   */
  void backwardAccumulate(HmmParameters p, double[] x, ForwardBackward.Stats st) {
    st.clear();
    if (k == 3 && d == 1) {
      backwardAccumulate3(p, x, st);
      return;
    }
    final double[] a = p.a;
    final double[] bn = betaNext;
    final double[] gg = g;
    // The recursion alone (its latency bounds the pass); beta_t is parked in gamma and turned into
    // the smoothed probabilities afterwards, outside the dependency chain.
    Arrays.fill(bn, 1.0);
    Arrays.fill(gamma, (n - 1) * k, n * k, 1.0);
    for (int t = n - 2; t >= 0; t--) {
      int o = t * k;
      int o1 = o + k;
      double inv = 1.0 / scale[t + 1];
      for (int j = 0; j < k; j++) {
        e[o1 + j] *= bn[j] * inv;
      }
      for (int i = 0; i < k; i++) {
        int r = i * k;
        double b = 0.0;
        for (int j = 0; j < k; j++) {
          b += a[r + j] * e[o1 + j];
        }
        gg[i] = b;
        gamma[o + i] = b;
      }
      System.arraycopy(gg, 0, bn, 0, k);
    }
    for (int t = 0; t < n; t++) {
      toGamma(t);
    }
    final double[] xi = st.xi;
    int last = (n - 1) * k;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double sum = 0.0;
        for (int oa = i, ow = k + j; oa < last; oa += k, ow += k) {
          sum += alpha[oa] * e[ow];
        }
        xi[i * k + j] = a[i * k + j] * sum;
      }
    }
    System.arraycopy(gamma, 0, st.gamma1, 0, k);
    moments(x, st);
  }

  /**
   * {@link #backwardAccumulate} for K = 3 univariate states: the same quantities, with the
   * recursion's state in locals, gamma normalised and the moments summed in one pass, and the nine
   * transition sums in one pass over alpha and w instead of nine strided ones.
   */
  private void backwardAccumulate3(HmmParameters p, double[] x, ForwardBackward.Stats st) {
    final double[] a = p.a;
    final double a00 = a[0];
    final double a01 = a[1];
    final double a02 = a[2];
    final double a10 = a[3];
    final double a11 = a[4];
    final double a12 = a[5];
    final double a20 = a[6];
    final double a21 = a[7];
    final double a22 = a[8];
    final double[] ee = e;
    final double[] gm = gamma;
    final double[] sc = scale;
    int last = (n - 1) * 3;
    gm[last] = 1.0;
    gm[last + 1] = 1.0;
    gm[last + 2] = 1.0;
    double b0 = 1.0;
    double b1 = 1.0;
    double b2 = 1.0;
    for (int t = n - 2, o = last - 3; t >= 0; t--, o -= 3) {
      int o1 = o + 3;
      double inv = 1.0 / sc[t + 1];
      double w0 = ee[o1] * (b0 * inv);
      double w1 = ee[o1 + 1] * (b1 * inv);
      double w2 = ee[o1 + 2] * (b2 * inv);
      ee[o1] = w0;
      ee[o1 + 1] = w1;
      ee[o1 + 2] = w2;
      b0 = a00 * w0 + a01 * w1 + a02 * w2;
      b1 = a10 * w0 + a11 * w1 + a12 * w2;
      b2 = a20 * w0 + a21 * w1 + a22 * w2;
      gm[o] = b0;
      gm[o + 1] = b1;
      gm[o + 2] = b2;
    }
    final double[] al = alpha;
    double n0 = 0.0;
    double n1 = 0.0;
    double n2 = 0.0;
    double x0 = 0.0;
    double x1 = 0.0;
    double x2 = 0.0;
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    for (int t = 0, o = 0; t < n; t++, o += 3) {
      double g0 = al[o] * gm[o];
      double g1 = al[o + 1] * gm[o + 1];
      double g2 = al[o + 2] * gm[o + 2];
      double inv = 1.0 / (g0 + g1 + g2);
      g0 *= inv;
      g1 *= inv;
      g2 *= inv;
      gm[o] = g0;
      gm[o + 1] = g1;
      gm[o + 2] = g2;
      double xt = x[t];
      double wx0 = g0 * xt;
      double wx1 = g1 * xt;
      double wx2 = g2 * xt;
      n0 += g0;
      n1 += g1;
      n2 += g2;
      x0 += wx0;
      x1 += wx1;
      x2 += wx2;
      s0 += wx0 * xt;
      s1 += wx1 * xt;
      s2 += wx2 * xt;
    }
    st.n[0] = n0;
    st.n[1] = n1;
    st.n[2] = n2;
    st.sx[0] = x0;
    st.sx[1] = x1;
    st.sx[2] = x2;
    st.sxx[0] = s0;
    st.sxx[1] = s1;
    st.sxx[2] = s2;
    double c00 = 0.0;
    double c01 = 0.0;
    double c02 = 0.0;
    double c10 = 0.0;
    double c11 = 0.0;
    double c12 = 0.0;
    double c20 = 0.0;
    double c21 = 0.0;
    double c22 = 0.0;
    for (int o = 0; o < last; o += 3) {
      double f0 = al[o];
      double f1 = al[o + 1];
      double f2 = al[o + 2];
      double v0 = ee[o + 3];
      double v1 = ee[o + 4];
      double v2 = ee[o + 5];
      c00 += f0 * v0;
      c01 += f0 * v1;
      c02 += f0 * v2;
      c10 += f1 * v0;
      c11 += f1 * v1;
      c12 += f1 * v2;
      c20 += f2 * v0;
      c21 += f2 * v1;
      c22 += f2 * v2;
    }
    final double[] xi = st.xi;
    xi[0] = a00 * c00;
    xi[1] = a01 * c01;
    xi[2] = a02 * c02;
    xi[3] = a10 * c10;
    xi[4] = a11 * c11;
    xi[5] = a12 * c12;
    xi[6] = a20 * c20;
    xi[7] = a21 * c21;
    xi[8] = a22 * c22;
    st.gamma1[0] = gm[0];
    st.gamma1[1] = gm[1];
    st.gamma1[2] = gm[2];
  }

  /** gamma_t = alpha_t * beta_t, normalised, with beta_t read from (and replaced in) gamma. */
  private void toGamma(int t) {
    int o = t * k;
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      double v = alpha[o + j] * gamma[o + j];
      gamma[o + j] = v;
      sum += v;
    }
    double inv = 1.0 / sum;
    for (int j = 0; j < k; j++) {
      gamma[o + j] *= inv;
    }
  }

  /** Weighted moments sum_t gamma_t(j) (1, x_t, x_t x_t') from the smoothed probabilities. */
  private void moments(double[] x, ForwardBackward.Stats st) {
    for (int j = 0; j < k; j++) {
      if (d == 1) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        for (int t = 0, o = j; t < n; t++, o += k) {
          double wt = gamma[o];
          double xt = x[t];
          double wx = wt * xt;
          s0 += wt;
          s1 += wx;
          s2 += wx * xt;
        }
        st.n[j] = s0;
        st.sx[j] = s1;
        st.sxx[j] = s2;
        continue;
      }
      double s0 = 0.0;
      for (int t = 0; t < n; t++) {
        double wt = gamma[t * k + j];
        s0 += wt;
        int xo = t * d;
        for (int u = 0; u < d; u++) {
          double wx = wt * x[xo + u];
          st.sx[j * d + u] += wx;
          if (st.full) {
            int b = j * d * d + u * d;
            for (int v = 0; v <= u; v++) {
              st.sxx[b + v] += wx * x[xo + v];
            }
          } else {
            st.sxx[j * d + u] += wx * x[xo + u];
          }
        }
      }
      st.n[j] = s0;
      if (st.full) {
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

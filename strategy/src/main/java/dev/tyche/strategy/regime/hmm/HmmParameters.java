package dev.tyche.strategy.regime.hmm;

/**
 * The numbers of a Gaussian HMM in flat arrays, plus the per-state constants of the emission
 * densities. Shared by the immutable {@link GaussianHmm} (which never mutates its instance), the
 * online filter and the fitter (which mutates its own working copy).
 *
 * <p>Mutable; confined to one thread.
 */
final class HmmParameters {

  static final double LOG_2PI = Math.log(2.0 * Math.PI);

  final int k;
  final int d;
  final CovarianceType type;

  /** Initial distribution, K. */
  final double[] pi;

  /** Transition matrix, row-major K x K. */
  final double[] a;

  /** Means, K x d. */
  final double[] mu;

  /** Diagonal: variances K x d. Full: covariances K x d x d. */
  final double[] cov;

  /** Per-state log normalising constant of the Gaussian density. */
  final double[] logNorm;

  /**
   * Diagonal: 1 / variance (K x d). Full: lower Cholesky factor L of each covariance (K x d x d).
   */
  final double[] prec;

  HmmParameters(int k, int d, CovarianceType type) {
    this.k = k;
    this.d = d;
    this.type = d == 1 ? CovarianceType.DIAGONAL : type;
    this.pi = new double[k];
    this.a = new double[k * k];
    this.mu = new double[k * d];
    this.cov = new double[this.type == CovarianceType.FULL ? k * d * d : k * d];
    this.logNorm = new double[k];
    this.prec = new double[cov.length];
  }

  int covPerState() {
    return type == CovarianceType.FULL ? d * d : d;
  }

  HmmParameters copy() {
    HmmParameters c = new HmmParameters(k, d, type);
    c.copyFrom(this);
    return c;
  }

  void copyFrom(HmmParameters o) {
    System.arraycopy(o.pi, 0, pi, 0, k);
    System.arraycopy(o.a, 0, a, 0, a.length);
    System.arraycopy(o.mu, 0, mu, 0, mu.length);
    System.arraycopy(o.cov, 0, cov, 0, cov.length);
    System.arraycopy(o.logNorm, 0, logNorm, 0, k);
    System.arraycopy(o.prec, 0, prec, 0, prec.length);
  }

  /**
   * Recomputes the emission constants; false if a variance is not positive or a covariance is not
   * positive definite (Cholesky fails).
   */
  boolean prepare() {
    if (type == CovarianceType.DIAGONAL) {
      for (int s = 0; s < k; s++) {
        double ln = -0.5 * d * LOG_2PI;
        for (int j = 0; j < d; j++) {
          double v = cov[s * d + j];
          if (!(v > 0.0) || !Double.isFinite(v)) {
            return false;
          }
          prec[s * d + j] = 1.0 / v;
          ln -= 0.5 * Math.log(v);
        }
        logNorm[s] = ln;
      }
      return true;
    }
    int dd = d * d;
    for (int s = 0; s < k; s++) {
      int o = s * dd;
      double logDet = 0.0;
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          double sum = cov[o + i * d + j];
          for (int m = 0; m < j; m++) {
            sum -= prec[o + i * d + m] * prec[o + j * d + m];
          }
          if (i == j) {
            if (!(sum > 0.0) || !Double.isFinite(sum)) {
              return false;
            }
            double l = Math.sqrt(sum);
            prec[o + i * d + i] = l;
            logDet += 2.0 * Math.log(l);
          } else {
            prec[o + i * d + j] = sum / prec[o + j * d + j];
          }
        }
        for (int j = i + 1; j < d; j++) {
          prec[o + i * d + j] = 0.0;
        }
      }
      logNorm[s] = -0.5 * (d * LOG_2PI + logDet);
    }
    return true;
  }

  /**
   * Writes {@code ln N(x | mu_s, Sigma_s)} for every state into {@code out[outOff..outOff+K)}.
   * {@code scratch} needs {@code d} entries (full covariance only). Allocation-free.
   */
  void logDensities(double[] x, int xOff, double[] out, int outOff, double[] scratch) {
    if (type == CovarianceType.DIAGONAL) {
      if (d == 1) {
        double xv = x[xOff];
        for (int s = 0; s < k; s++) {
          double r = xv - mu[s];
          out[outOff + s] = logNorm[s] - 0.5 * r * r * prec[s];
        }
        return;
      }
      for (int s = 0; s < k; s++) {
        double q = 0.0;
        int o = s * d;
        for (int j = 0; j < d; j++) {
          double r = x[xOff + j] - mu[o + j];
          q += r * r * prec[o + j];
        }
        out[outOff + s] = logNorm[s] - 0.5 * q;
      }
      return;
    }
    int dd = d * d;
    for (int s = 0; s < k; s++) {
      int o = s * dd;
      double q = 0.0;
      // Forward substitution L z = x - mu; the quadratic form is |z|^2.
      for (int i = 0; i < d; i++) {
        double sum = x[xOff + i] - mu[s * d + i];
        for (int m = 0; m < i; m++) {
          sum -= prec[o + i * d + m] * scratch[m];
        }
        double z = sum / prec[o + i * d + i];
        scratch[i] = z;
        q += z * z;
      }
      out[outOff + s] = logNorm[s] - 0.5 * q;
    }
  }

  /** A scalar summary of state s's dispersion used for canonical ordering: trace of Sigma_s. */
  double dispersion(int s) {
    double tr = 0.0;
    if (type == CovarianceType.DIAGONAL) {
      for (int j = 0; j < d; j++) {
        tr += cov[s * d + j];
      }
    } else {
      for (int j = 0; j < d; j++) {
        tr += cov[s * d * d + j * d + j];
      }
    }
    return tr;
  }

  /** Relabels states so that new state i is old state order[i]. */
  HmmParameters permuted(int[] order) {
    HmmParameters p = new HmmParameters(k, d, type);
    int c = covPerState();
    for (int i = 0; i < k; i++) {
      int oi = order[i];
      p.pi[i] = pi[oi];
      for (int j = 0; j < k; j++) {
        p.a[i * k + j] = a[oi * k + order[j]];
      }
      System.arraycopy(mu, oi * d, p.mu, i * d, d);
      System.arraycopy(cov, oi * c, p.cov, i * c, c);
    }
    p.prepare();
    return p;
  }
}

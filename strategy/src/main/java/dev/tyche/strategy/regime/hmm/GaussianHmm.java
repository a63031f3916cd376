package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * A hidden Markov model with {@code K} states and Gaussian emissions, univariate or multivariate
 * (diagonal or full covariance; see {@link CovarianceType}).
 *
 * <p>Conventions (those of {@code shared/reference/README.md}):
 *
 * <ul>
 *   <li>States are 0-based; {@code A[i][j] = P(s_t = j | s_{t-1} = i)}, rows sum to 1 (statsmodels'
 *       {@code regime_transition} is the transpose).
 *   <li>{@code pi[k] = P(s_1 = k)} is the distribution at the FIRST observation, either given or
 *       the ergodic distribution of A ({@link InitialDistribution}).
 *   <li>{@code x_t | s_t = k ~ N(mu_k, Sigma_k)}; univariate models take variances, not standard
 *       deviations. Log-likelihoods are natural logs of the full density including {@code 2 pi}.
 * </ul>
 *
 * <p>Inference (Rabiner 1989, "A tutorial on hidden Markov models and selected applications in
 * speech recognition", Proc. IEEE 77(2)): {@link #forward} gives the log-likelihood and FILTERED
 * probabilities {@code P(s_t | x_1..x_t)} (scaled forward pass, sec. V.A), {@link #viterbi} the
 * most probable path (sec. III.B, in log space), and {@link #smoothedProbabilitiesUsingFutureData}
 * the smoothed probabilities {@code P(s_t | x_1..x_T)}, which look at data after {@code t} and must
 * not drive a decision at {@code t}. {@link #onlineFilter()} gives a streaming filter.
 *
 * <p>Immutable and thread-safe.
 */
public final class GaussianHmm {

  private final HmmParameters p;
  private final boolean ergodicInitial;

  private GaussianHmm(HmmParameters p, boolean ergodicInitial) {
    this.p = p;
    this.ergodicInitial = ergodicInitial;
  }

  /**
   * A univariate Gaussian HMM.
   *
   * @param initial given distribution of the first state, or {@link InitialDistribution#ergodic()}
   * @param transition row-stochastic {@code K x K} matrix, {@code K >= 1}
   * @param means state means, length K, finite
   * @param variances state variances (not standard deviations), length K, finite and {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if any argument is malformed (the message names it)
   */
  public static GaussianHmm univariate(
      InitialDistribution initial, double[][] transition, double[] means, double[] variances) {
    double[] a = Checks.stochasticMatrix(transition);
    int k = transition.length;
    requireLength("means", means, k);
    requireLength("variances", variances, k);
    HmmParameters p = new HmmParameters(k, 1, CovarianceType.DIAGONAL);
    System.arraycopy(a, 0, p.a, 0, a.length);
    for (int s = 0; s < k; s++) {
      Checks.finite("means[" + s + "]", means[s]);
      Checks.positive("variances[" + s + "]", variances[s]);
      p.mu[s] = means[s];
      p.cov[s] = variances[s];
    }
    return build(p, initial);
  }

  /**
   * A multivariate Gaussian HMM with diagonal covariances.
   *
   * @param initial given distribution of the first state, or {@link InitialDistribution#ergodic()}
   * @param transition row-stochastic {@code K x K} matrix
   * @param means {@code K x d} state means, finite
   * @param variances {@code K x d} per-coordinate variances, finite and {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if any argument is malformed
   */
  public static GaussianHmm diagonal(
      InitialDistribution initial, double[][] transition, double[][] means, double[][] variances) {
    double[] a = Checks.stochasticMatrix(transition);
    int k = transition.length;
    int d = dimensionOf(means, k);
    requireRows("variances", variances, k, d);
    HmmParameters p = new HmmParameters(k, d, CovarianceType.DIAGONAL);
    System.arraycopy(a, 0, p.a, 0, a.length);
    for (int s = 0; s < k; s++) {
      for (int j = 0; j < d; j++) {
        Checks.finite(label("means", s, j), means[s][j]);
        Checks.positive(label("variances", s, j), variances[s][j]);
        p.mu[s * d + j] = means[s][j];
        p.cov[s * d + j] = variances[s][j];
      }
    }
    return build(p, initial);
  }

  /**
   * A multivariate Gaussian HMM with full covariance matrices.
   *
   * @param initial given distribution of the first state, or {@link InitialDistribution#ergodic()}
   * @param transition row-stochastic {@code K x K} matrix
   * @param means {@code K x d} state means, finite
   * @param covariances {@code K} symmetric positive-definite {@code d x d} matrices
   * @return the model
   * @throws IllegalArgumentException if any argument is malformed, a matrix is not symmetric
   *     (relative {@code 1e-12}) or not positive definite
   */
  public static GaussianHmm full(
      InitialDistribution initial,
      double[][] transition,
      double[][] means,
      double[][][] covariances) {
    double[] a = Checks.stochasticMatrix(transition);
    int k = transition.length;
    int d = dimensionOf(means, k);
    if (covariances == null || covariances.length != k) {
      throw new IllegalArgumentException(
          "covariances must hold " + k + " matrices but held " + lengthOf(covariances));
    }
    HmmParameters p = new HmmParameters(k, d, CovarianceType.FULL);
    System.arraycopy(a, 0, p.a, 0, a.length);
    for (int s = 0; s < k; s++) {
      requireRows("covariances[" + s + "]", covariances[s], d, d);
      for (int i = 0; i < d; i++) {
        Checks.finite(label("means", s, i), means[s][i]);
        p.mu[s * d + i] = means[s][i];
        for (int j = 0; j < d; j++) {
          double v = covariances[s][i][j];
          Checks.finite("covariances[" + s + "][" + i + "][" + j + "]", v);
          double w = covariances[s][j][i];
          if (Math.abs(v - w) > 1e-12 * Math.max(1.0, Math.abs(v))) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "covariances[%d] must be symmetric but [%d][%d]=%s and [%d][%d]=%s",
                    s,
                    i,
                    j,
                    v,
                    j,
                    i,
                    w));
          }
          p.cov[s * d * d + i * d + j] = 0.5 * (v + w);
        }
      }
    }
    return build(p, initial);
  }

  private static GaussianHmm build(HmmParameters p, InitialDistribution initial) {
    if (initial == null) {
      throw new NullPointerException("initial distribution must not be null");
    }
    if (!p.prepare()) {
      throw new IllegalArgumentException(
          "every covariance must be positive definite, but a Cholesky factorisation failed");
    }
    if (initial instanceof InitialDistribution.Given g) {
      double[] pi = g.probabilities();
      if (pi.length != p.k) {
        throw new IllegalArgumentException(
            "initial distribution must have K=" + p.k + " entries but had " + pi.length);
      }
      System.arraycopy(pi, 0, p.pi, 0, p.k);
      return new GaussianHmm(p, false);
    }
    System.arraycopy(MarkovChains.stationary(p.a, p.k, null), 0, p.pi, 0, p.k);
    return new GaussianHmm(p, true);
  }

  /** Wraps fitted parameters (already validated and prepared). */
  static GaussianHmm ofParameters(HmmParameters p, boolean ergodicInitial) {
    HmmParameters c = p.copy();
    if (!c.prepare()) {
      throw new IllegalStateException("fitted covariance is not positive definite");
    }
    if (ergodicInitial) {
      System.arraycopy(MarkovChains.stationary(c.a, c.k, null), 0, c.pi, 0, c.k);
    }
    return new GaussianHmm(c, ergodicInitial);
  }

  HmmParameters parameters() {
    return p;
  }

  /**
   * Number of hidden states K.
   *
   * @return K
   */
  public int numStates() {
    return p.k;
  }

  /**
   * Observation dimension d (1 for a univariate model).
   *
   * @return d
   */
  public int dimension() {
    return p.d;
  }

  /**
   * Covariance shape ({@link CovarianceType#DIAGONAL} for a univariate model).
   *
   * @return the covariance type
   */
  public CovarianceType covarianceType() {
    return p.type;
  }

  /**
   * Whether the initial distribution is the ergodic distribution of the transition matrix.
   *
   * @return true for an ergodic initial distribution
   */
  public boolean initialIsErgodic() {
    return ergodicInitial;
  }

  /**
   * {@code pi[k] = P(s_1 = k)}.
   *
   * @return a copy of the initial distribution
   */
  public double[] initialDistribution() {
    return p.pi.clone();
  }

  /**
   * {@code A[i][j] = P(s_t = j | s_{t-1} = i)}.
   *
   * @return a copy of the transition matrix
   */
  public double[][] transitionMatrix() {
    double[][] out = new double[p.k][p.k];
    for (int i = 0; i < p.k; i++) {
      System.arraycopy(p.a, i * p.k, out[i], 0, p.k);
    }
    return out;
  }

  /**
   * Mean vector of one state.
   *
   * @param state 0-based state
   * @return a copy, length d
   */
  public double[] mean(int state) {
    checkState(state);
    return Arrays.copyOfRange(p.mu, state * p.d, (state + 1) * p.d);
  }

  /**
   * Covariance matrix of one state (diagonal models return a diagonal matrix).
   *
   * @param state 0-based state
   * @return a new {@code d x d} matrix
   */
  public double[][] covariance(int state) {
    checkState(state);
    int d = p.d;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      if (p.type == CovarianceType.DIAGONAL) {
        out[i][i] = p.cov[state * d + i];
      } else {
        System.arraycopy(p.cov, state * d * d + i * d, out[i], 0, d);
      }
    }
    return out;
  }

  /**
   * State means of a univariate model.
   *
   * @return a copy, length K
   * @throws IllegalStateException if the model is multivariate
   */
  public double[] univariateMeans() {
    requireUnivariate();
    return p.mu.clone();
  }

  /**
   * State variances of a univariate model.
   *
   * @return a copy, length K
   * @throws IllegalStateException if the model is multivariate
   */
  public double[] univariateVariances() {
    requireUnivariate();
    return p.cov.clone();
  }

  /**
   * The same model with states relabelled into the canonical order: ascending variance for a
   * univariate model (the reference files' convention), ascending trace of the covariance matrix
   * for a multivariate one; ties are broken by ascending first mean coordinate, then by the old
   * label. Filtered probabilities and likelihoods are unchanged up to the relabelling.
   *
   * @return the relabelled model (this instance if already canonical)
   */
  public GaussianHmm canonical() {
    int[] order = canonicalOrder(p);
    boolean identity = true;
    for (int i = 0; i < order.length; i++) {
      identity &= order[i] == i;
    }
    return identity ? this : new GaussianHmm(p.permuted(order), ergodicInitial);
  }

  static int[] canonicalOrder(HmmParameters p) {
    Integer[] idx = new Integer[p.k];
    for (int i = 0; i < p.k; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        Comparator.<Integer>comparingDouble(p::dispersion)
            .thenComparingDouble(s -> p.mu[s * p.d])
            .thenComparingInt(s -> s));
    int[] order = new int[p.k];
    for (int i = 0; i < p.k; i++) {
      order[i] = idx[i];
    }
    return order;
  }

  /**
   * Scaled forward pass on a univariate series.
   *
   * @param x observations, finite, at least one
   * @return log-likelihood, log scale factors and filtered probabilities
   */
  public ForwardResult forward(double[] x) {
    requireUnivariate();
    return forwardFlat(Checks.observations(x));
  }

  /**
   * Scaled forward pass on a multivariate series.
   *
   * @param x {@code T x d} observations, finite, at least one row
   * @return log-likelihood, log scale factors and filtered probabilities
   */
  public ForwardResult forward(double[][] x) {
    return forwardFlat(Checks.observations(x, p.d));
  }

  private ForwardResult forwardFlat(double[] x) {
    int n = x.length / p.d;
    ForwardBackward fb = new ForwardBackward(n, p.k, p.d, true);
    double ll = fb.forward(p, x);
    return new ForwardResult(p.k, ll, fb.logScale, fb.alpha);
  }

  /**
   * Log-likelihood {@code ln p(x_1..x_T)} of a univariate series.
   *
   * @param x observations
   * @return the log-likelihood
   */
  public double logLikelihood(double[] x) {
    return forward(x).logLikelihood();
  }

  /**
   * Log-likelihood {@code ln p(x_1..x_T)} of a multivariate series.
   *
   * @param x {@code T x d} observations
   * @return the log-likelihood
   */
  public double logLikelihood(double[][] x) {
    return forward(x).logLikelihood();
  }

  /**
   * Smoothed probabilities {@code P(s_t = k | x_1..x_T)} of a univariate series. Each row uses ALL
   * observations, including those after {@code t}: use for description, never for a decision at
   * {@code t} (use {@link #forward} or {@link #onlineFilter()} instead). Scaled forward-backward,
   * Rabiner 1989 eq. 27 with the scaling of sec. V.A.
   *
   * @param x observations
   * @return a new {@code T x K} array, rows summing to 1
   */
  public double[][] smoothedProbabilitiesUsingFutureData(double[] x) {
    requireUnivariate();
    return smoothedFlat(Checks.observations(x));
  }

  /**
   * Smoothed probabilities {@code P(s_t = k | x_1..x_T)} of a multivariate series; uses data after
   * {@code t}, see {@link #smoothedProbabilitiesUsingFutureData(double[])}.
   *
   * @param x {@code T x d} observations
   * @return a new {@code T x K} array, rows summing to 1
   */
  public double[][] smoothedProbabilitiesUsingFutureData(double[][] x) {
    return smoothedFlat(Checks.observations(x, p.d));
  }

  private double[][] smoothedFlat(double[] x) {
    int n = x.length / p.d;
    ForwardBackward fb = new ForwardBackward(n, p.k, p.d, true);
    fb.forward(p, x);
    fb.backward(p);
    double[][] out = new double[n][p.k];
    for (int t = 0; t < n; t++) {
      fb.smoothed(t, out[t]);
    }
    return out;
  }

  /**
   * Viterbi decoding of a univariate series.
   *
   * @param x observations
   * @return the most probable path and its log joint probability
   */
  public ViterbiResult viterbi(double[] x) {
    requireUnivariate();
    return viterbiFlat(Checks.observations(x));
  }

  /**
   * Viterbi decoding of a multivariate series.
   *
   * @param x {@code T x d} observations
   * @return the most probable path and its log joint probability
   */
  public ViterbiResult viterbi(double[][] x) {
    return viterbiFlat(Checks.observations(x, p.d));
  }

  private ViterbiResult viterbiFlat(double[] x) {
    int k = p.k;
    int n = x.length / p.d;
    double[] logA = new double[k * k];
    for (int i = 0; i < k * k; i++) {
      logA[i] = Math.log(p.a[i]);
    }
    double[] logb = new double[k];
    double[] scratch = new double[p.d];
    double[] delta = new double[k];
    double[] next = new double[k];
    int[] back = new int[n * k];
    p.logDensities(x, 0, logb, 0, scratch);
    for (int j = 0; j < k; j++) {
      delta[j] = Math.log(p.pi[j]) + logb[j];
    }
    for (int t = 1; t < n; t++) {
      p.logDensities(x, t * p.d, logb, 0, scratch);
      for (int j = 0; j < k; j++) {
        double best = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int i = 0; i < k; i++) {
          double v = delta[i] + logA[i * k + j];
          if (v > best) {
            best = v;
            arg = i;
          }
        }
        next[j] = best + logb[j];
        back[t * k + j] = arg;
      }
      double[] tmp = delta;
      delta = next;
      next = tmp;
    }
    int last = 0;
    for (int j = 1; j < k; j++) {
      if (delta[j] > delta[last]) {
        last = j;
      }
    }
    int[] path = new int[n];
    path[n - 1] = last;
    for (int t = n - 1; t > 0; t--) {
      path[t - 1] = back[t * k + path[t]];
    }
    return new ViterbiResult(path, delta[last]);
  }

  /**
   * A new streaming forward filter positioned before the first observation.
   *
   * @return a filter whose predicted distribution is the initial distribution
   */
  public OnlineHmmFilter onlineFilter() {
    return new OnlineHmmFilter(p);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "GaussianHmm[K=%d, d=%d, %s, ergodicInitial=%s, pi=%s, A=%s, means=%s, cov=%s]",
        p.k,
        p.d,
        p.type,
        ergodicInitial,
        Arrays.toString(p.pi),
        Arrays.toString(p.a),
        Arrays.toString(p.mu),
        Arrays.toString(p.cov));
  }

  private void requireUnivariate() {
    if (p.d != 1) {
      throw new IllegalStateException(
          "this call needs a univariate model but the dimension is " + p.d);
    }
  }

  private void checkState(int state) {
    if (state < 0 || state >= p.k) {
      throw new IndexOutOfBoundsException("state must be in [0, " + p.k + ") but was " + state);
    }
  }

  private static void requireLength(String name, double[] v, int k) {
    if (v == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (v.length != k) {
      throw new IllegalArgumentException(
          name + " must have K=" + k + " entries but had " + v.length);
    }
  }

  private static int dimensionOf(double[][] means, int k) {
    if (means == null) {
      throw new NullPointerException("means must not be null");
    }
    if (means.length != k || means[0] == null || means[0].length < 1) {
      throw new IllegalArgumentException(
          "means must be K=" + k + " rows of dimension >= 1 but had " + means.length + " rows");
    }
    int d = means[0].length;
    requireRows("means", means, k, d);
    return d;
  }

  private static void requireRows(String name, double[][] m, int rows, int cols) {
    if (m == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (m.length != rows) {
      throw new IllegalArgumentException(name + " must have " + rows + " rows but had " + m.length);
    }
    for (int i = 0; i < rows; i++) {
      if (m[i] == null || m[i].length != cols) {
        throw new IllegalArgumentException(
            name
                + " row "
                + i
                + " must have "
                + cols
                + " entries but had "
                + (m[i] == null ? "null" : m[i].length));
      }
    }
  }

  private static String lengthOf(Object[] a) {
    return a == null ? "null" : Integer.toString(a.length);
  }

  private static String label(String name, int s, int j) {
    return name + "[" + s + "][" + j + "]";
  }
}

package dev.tyche.strategy.regime.hmm;

import java.util.Arrays;
import java.util.Random;

/**
 * Maximum-likelihood fit of a {@link GaussianHmm} by Baum-Welch EM (Rabiner 1989, sec. III.C, eqs.
 * 40a-c and 52-54) from several starts, with an exact ergodic-initial polish.
 *
 * <p>Procedure:
 *
 * <ol>
 *   <li>The data are standardised per coordinate (sample mean and population standard deviation);
 *       the fit runs in these units and is mapped back at the end, which keeps the variance
 *       statistics free of cancellation. The log-likelihood is always reported in the caller's
 *       units.
 *   <li>Starts: a quantile start (observations sorted by the first coordinate, split into K
 *       equal-count groups), a dispersion start (sorted by distance from the sample mean, which
 *       separates volatility regimes), and {@link HmmFitOptions#randomStarts()} seeded random
 *       starts (random observations as means, jittered variances, persistent random transition
 *       rows). Each start gets {@link HmmFitOptions#screeningIterations()} EM iterations; the best
 *       continues until the log-likelihood gain is below {@code tolerance (1 + |lnL|)} or {@link
 *       HmmFitOptions#maxIterations()} is reached (with {@link InitialStateFit#ERGODIC} the EM
 *       tolerance is at least {@code 1e-6}: EM only starts the polish there).
 *   <li>EM always re-estimates the initial distribution freely ({@code pi = gamma_1}), which is the
 *       exact M-step and makes EM monotone. Variances are floored at {@link
 *       HmmFitOptions#varianceFloor()} times the sample variance (for diagonal covariances this is
 *       the exact constrained M-step, so monotonicity holds; for full covariances the floor is
 *       added to the diagonal, a regularisation that can cost monotonicity at the floor). A state
 *       that receives no weight keeps its previous parameters.
 *   <li>With {@link InitialStateFit#ERGODIC} the initial distribution is not a parameter, and EM
 *       has no closed-form M-step for the transition matrix under that constraint. The EM solution
 *       therefore only starts a direct maximisation of the exact ergodic-initial log-likelihood by
 *       BFGS ({@link Bfgs}, started with a diagonal complete-data information preconditioner), with
 *       transition rows as softmax logits relative to the diagonal, means as they are, and {@code
 *       ln(variance - floor)} (diagonal) or the log-diagonal Cholesky factor of {@code Sigma -
 *       floor I} (full). The gradient is analytic: the forward-backward expected statistics give it
 *       for a fixed initial distribution (Cappé, Moulines and Rydén 2005, <i>Inference in Hidden
 *       Markov Models</i>, sec. 10.2.3), and the dependence of the ergodic distribution on A adds
 *       {@code d pi = pi dA (I - A + 1 1')^{-1}}. This reaches the same maximum as statsmodels'
 *       {@code MarkovRegression.fit}.
 *   <li>States are returned in canonical order ({@link GaussianHmm#canonical()}).
 * </ol>
 *
 * <p>Immutable and thread-safe (stateless; every call uses its own workspace).
 */
public final class GaussianHmmFitter {

  /**
   * With {@link InitialStateFit#ERGODIC}, EM only supplies the start of the BFGS polish, whose own
   * gradient test decides convergence, so EM stops at this relative gain if {@link
   * HmmFitOptions#tolerance()} is tighter.
   */
  static final double ERGODIC_EM_TOLERANCE = 1e-6;

  private GaussianHmmFitter() {}

  /**
   * Fits a univariate Gaussian HMM.
   *
   * @param x observations, finite, at least K of them and not all equal
   * @param options fit settings
   * @return the fit
   * @throws IllegalArgumentException on non-finite data, {@code T < K} or constant data
   */
  public static HmmFit fit(double[] x, HmmFitOptions options) {
    return fitFlat(Checks.observations(x), 1, options);
  }

  /**
   * Fits a multivariate Gaussian HMM with {@link HmmFitOptions#covarianceType()} covariances.
   *
   * @param x {@code T x d} observations, finite, {@code T >= K}, no constant coordinate
   * @param options fit settings
   * @return the fit
   * @throws IllegalArgumentException on ragged or non-finite data, {@code T < K} or a constant
   *     coordinate
   */
  public static HmmFit fit(double[][] x, HmmFitOptions options) {
    if (x == null) {
      throw new NullPointerException("observations must not be null");
    }
    if (x.length == 0 || x[0] == null) {
      throw new IllegalArgumentException("observations must not be empty");
    }
    return fitFlat(Checks.observations(x, x[0].length), x[0].length, options);
  }

  private static HmmFit fitFlat(double[] x, int d, HmmFitOptions o) {
    if (o == null) {
      throw new NullPointerException("options must not be null");
    }
    int k = o.numStates();
    int n = x.length / d;
    if (n < k) {
      throw new IllegalArgumentException(
          "number of observations T must be >= K=" + k + " but was " + n);
    }
    CovarianceType type = d == 1 ? CovarianceType.DIAGONAL : o.covarianceType();
    double[] center = new double[d];
    double[] sd = new double[d];
    double[] z = standardise(x, n, d, center, sd);
    double floor = o.varianceFloor();

    ForwardBackward fb = new ForwardBackward(n, k, d, false);
    ForwardBackward.Stats st = new ForwardBackward.Stats(k, d, type);

    // Starts, screening, selection.
    java.util.List<HmmParameters> starts = new java.util.ArrayList<>();
    starts.add(groupStart(z, n, d, k, type, floor, quantileOrder(z, n, d)));
    starts.add(groupStart(z, n, d, k, type, floor, dispersionOrder(z, n, d)));
    Random rng = new Random(o.seed());
    for (int r = 0; r < o.randomStarts(); r++) {
      starts.add(randomStart(z, n, d, k, type, rng));
    }
    boolean ergodic = o.initialState() == InitialStateFit.ERGODIC;
    double emTol = ergodic ? Math.max(o.tolerance(), ERGODIC_EM_TOLERANCE) : o.tolerance();
    int screen = Math.min(o.screeningIterations(), o.maxIterations());
    double[] startLl = new double[starts.size()];
    double[][] traces = new double[starts.size()][];
    boolean[] current = new boolean[starts.size()];
    int best = -1;
    for (int s = 0; s < starts.size(); s++) {
      double[] trace = new double[o.maxIterations() + 1];
      int[] used = new int[2];
      startLl[s] = runEm(starts.get(s), z, fb, st, floor, screen, emTol, trace, 0, used);
      traces[s] = Arrays.copyOf(trace, used[0]);
      current[s] = used[1] == 1;
      if (Double.isFinite(startLl[s]) && (best < 0 || startLl[s] > startLl[best])) {
        best = s;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("every EM start produced a non-finite log-likelihood");
    }
    HmmParameters p = starts.get(best);
    double[] trace = Arrays.copyOf(traces[best], o.maxIterations() + 1);
    int done = traces[best].length;
    boolean emConverged = hasConverged(traces[best], emTol);
    double lastLl = startLl[best];
    boolean lastIsCurrent = current[best];
    if (!emConverged && done < o.maxIterations()) {
      int[] used = new int[2];
      lastLl = runEm(p, z, fb, st, floor, o.maxIterations() - done, emTol, trace, done, used);
      lastIsCurrent = used[1] == 1;
      done += used[0];
      emConverged = hasConverged(Arrays.copyOf(trace, done), emTol);
    }
    // The value after the last M-step closes the trace; when EM stopped on its tolerance the last
    // forward pass already evaluated the current parameters (the same arithmetic, so the same
    // value).
    p.prepare();
    double emFinal = lastIsCurrent ? lastLl : fb.forward(p, z);
    double[] fullTrace = Arrays.copyOf(trace, done + 1);
    fullTrace[done] = emFinal;

    HmmFitStatus status = emConverged ? HmmFitStatus.CONVERGED : HmmFitStatus.ITERATION_LIMIT;
    int polishIterations = 0;
    double gradientNorm = Double.NaN;
    if (ergodic) {
      ErgodicObjective obj = new ErgodicObjective(p, z, fb, st, floor);
      double[] theta = obj.encode(p);
      Bfgs.Result r =
          Bfgs.minimize(
              obj, theta, obj.preconditioner(theta), o.maxIterations(), o.gradientTolerance());
      obj.decode(r.argmin(), p);
      polishIterations = r.iterations();
      gradientNorm = r.gradientNorm();
      if (r.code() == Bfgs.Result.ITERATION_LIMIT) {
        status = HmmFitStatus.ITERATION_LIMIT;
      } else if (r.code() == Bfgs.Result.STALLED) {
        status = HmmFitStatus.STALLED;
      } else if (status == HmmFitStatus.ITERATION_LIMIT) {
        // The polish converged to a stationary point of the exact likelihood; EM's limit no
        // longer matters for the reported optimum.
        status = HmmFitStatus.CONVERGED;
      }
    }
    HmmParameters original = unstandardise(p, center, sd);
    GaussianHmm model = GaussianHmm.ofParameters(original, ergodic).canonical();
    // The fit's workspace has the right shape; reusing it avoids an inference workspace (and its
    // per-step logarithms) for one last forward pass in the caller's units.
    double ll = fb.forward(model.parameters(), x);
    double shift = 0.0;
    for (int j = 0; j < d; j++) {
      shift += Math.log(sd[j]);
    }
    for (int i = 0; i < fullTrace.length; i++) {
      fullTrace[i] -= n * shift;
    }
    for (int i = 0; i < startLl.length; i++) {
      startLl[i] -= n * shift;
    }
    int free = HmmFit.freeParameters(k, d, type, o.initialState());
    return new HmmFit(
        model, ll, status, done, polishIterations, gradientNorm, free, n, fullTrace, startLl);
  }

  private static boolean hasConverged(double[] trace, double tol) {
    int m = trace.length;
    return m >= 2 && trace[m - 1] - trace[m - 2] < tol * (1.0 + Math.abs(trace[m - 1]));
  }

  /**
   * Runs at most {@code iterations} EM steps in place. Writes the log-likelihood before each M-step
   * into {@code trace[from..]} and the count into {@code used[0]}; returns the last value. {@code
   * used[1]} is 1 when that value is finite and belongs to the parameters as they are now (EM
   * stopped on its tolerance, with no M-step after the last forward pass), so the caller need not
   * repeat the pass; 0 otherwise.
   */
  static double runEm(
      HmmParameters p,
      double[] z,
      ForwardBackward fb,
      ForwardBackward.Stats st,
      double floor,
      int iterations,
      double tol,
      double[] trace,
      int from,
      int[] used) {
    double prev = Double.NEGATIVE_INFINITY;
    double ll = Double.NEGATIVE_INFINITY;
    int it = 0;
    used[1] = 0;
    while (it < iterations) {
      used[1] = 0;
      if (!p.prepare()) {
        break;
      }
      ll = fb.forward(p, z);
      if (!Double.isFinite(ll)) {
        break;
      }
      trace[from + it] = ll;
      it++;
      if (ll - prev < tol * (1.0 + Math.abs(ll))) {
        used[1] = 1;
        break;
      }
      prev = ll;
      fb.backwardAccumulate(p, z, st);
      mStep(p, st, floor);
    }
    used[0] = it;
    return ll;
  }

  /** Baum-Welch re-estimation (Rabiner eqs. 40a-c, 52-54) with the variance floor. */
  static void mStep(HmmParameters p, ForwardBackward.Stats st, double floor) {
    int k = p.k;
    int d = p.d;
    double total = 0.0;
    for (int j = 0; j < k; j++) {
      total += st.gamma1[j];
    }
    for (int j = 0; j < k; j++) {
      p.pi[j] = st.gamma1[j] / total;
    }
    for (int i = 0; i < k; i++) {
      double row = 0.0;
      for (int j = 0; j < k; j++) {
        row += st.xi[i * k + j];
      }
      if (row > 0.0) {
        for (int j = 0; j < k; j++) {
          p.a[i * k + j] = st.xi[i * k + j] / row;
        }
      }
    }
    for (int s = 0; s < k; s++) {
      double w = st.n[s];
      if (!(w > 1e-12)) {
        continue;
      }
      for (int u = 0; u < d; u++) {
        p.mu[s * d + u] = st.sx[s * d + u] / w;
      }
      if (p.type == CovarianceType.DIAGONAL) {
        for (int u = 0; u < d; u++) {
          double m = p.mu[s * d + u];
          double v = st.sxx[s * d + u] / w - m * m;
          p.cov[s * d + u] = Math.max(v, floor);
        }
      } else {
        int b = s * d * d;
        for (int u = 0; u < d; u++) {
          for (int v = 0; v < d; v++) {
            double c = st.sxx[b + u * d + v] / w - p.mu[s * d + u] * p.mu[s * d + v];
            p.cov[b + u * d + v] = c + (u == v ? floor : 0.0);
          }
        }
      }
    }
  }

  private static double[] standardise(double[] x, int n, int d, double[] center, double[] sd) {
    for (int j = 0; j < d; j++) {
      double m = 0.0;
      for (int t = 0; t < n; t++) {
        m += x[t * d + j];
      }
      m /= n;
      double v = 0.0;
      for (int t = 0; t < n; t++) {
        double r = x[t * d + j] - m;
        v += r * r;
      }
      v /= n;
      if (!(v > 0.0)) {
        throw new IllegalArgumentException(
            "coordinate " + j + " of the observations must vary but is constant at " + m);
      }
      center[j] = m;
      sd[j] = Math.sqrt(v);
    }
    double[] z = new double[x.length];
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < d; j++) {
        z[t * d + j] = (x[t * d + j] - center[j]) / sd[j];
      }
    }
    return z;
  }

  private static HmmParameters unstandardise(HmmParameters p, double[] center, double[] sd) {
    HmmParameters q = p.copy();
    int d = p.d;
    for (int s = 0; s < p.k; s++) {
      for (int u = 0; u < d; u++) {
        q.mu[s * d + u] = center[u] + sd[u] * p.mu[s * d + u];
      }
      if (p.type == CovarianceType.DIAGONAL) {
        for (int u = 0; u < d; u++) {
          q.cov[s * d + u] = p.cov[s * d + u] * sd[u] * sd[u];
        }
      } else {
        for (int u = 0; u < d; u++) {
          for (int v = 0; v < d; v++) {
            q.cov[s * d * d + u * d + v] = p.cov[s * d * d + u * d + v] * sd[u] * sd[v];
          }
        }
      }
    }
    return q;
  }

  private static int[] quantileOrder(double[] z, int n, int d) {
    double[] key = new double[n];
    for (int t = 0; t < n; t++) {
      key[t] = z[t * d];
    }
    return stableOrder(key);
  }

  private static int[] dispersionOrder(double[] z, int n, int d) {
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      double q = 0.0;
      for (int j = 0; j < d; j++) {
        q += z[t * d + j] * z[t * d + j];
      }
      r[t] = q;
    }
    return stableOrder(r);
  }

  /**
   * Indices sorting {@code key} ascending by {@link Double#compare}, ties in index order: the
   * permutation of a stable sort, which is unique. A bottom-up merge sort on primitive arrays; it
   * replaced sorting boxed indices with a comparator, which cost about 1 ms per start for T =
   * 10,000.
   */
  static int[] stableOrder(double[] key) {
    int n = key.length;
    int[] idx = new int[n];
    for (int t = 0; t < n; t++) {
      idx[t] = t;
    }
    double[] k = key.clone();
    int[] idx2 = new int[n];
    double[] k2 = new double[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
          // Left run first on ties: that is what makes the merge stable.
          if (j >= hi || (i < mid && Double.compare(k[i], k[j]) <= 0)) {
            k2[o] = k[i];
            idx2[o] = idx[i++];
          } else {
            k2[o] = k[j];
            idx2[o] = idx[j++];
          }
        }
      }
      double[] kt = k;
      k = k2;
      k2 = kt;
      int[] it = idx;
      idx = idx2;
      idx2 = it;
    }
    return idx;
  }

  /** Means and covariances of K equal-count groups of observations in the given order. */
  private static HmmParameters groupStart(
      double[] z, int n, int d, int k, CovarianceType type, double floor, int[] order) {
    HmmParameters p = new HmmParameters(k, d, type);
    persistentTransitions(p, 0.9);
    double startFloor = Math.max(floor, 1e-2);
    for (int s = 0; s < k; s++) {
      int lo = (int) ((long) s * n / k);
      int hi = (int) ((long) (s + 1) * n / k);
      int cnt = hi - lo;
      for (int u = 0; u < d; u++) {
        double m = 0.0;
        for (int i = lo; i < hi; i++) {
          m += z[order[i] * d + u];
        }
        p.mu[s * d + u] = m / cnt;
      }
      for (int u = 0; u < d; u++) {
        for (int v = 0; v < d; v++) {
          if (type == CovarianceType.DIAGONAL && u != v) {
            continue;
          }
          double c = 0.0;
          for (int i = lo; i < hi; i++) {
            int t = order[i];
            c += (z[t * d + u] - p.mu[s * d + u]) * (z[t * d + v] - p.mu[s * d + v]);
          }
          c /= cnt;
          if (type == CovarianceType.DIAGONAL) {
            p.cov[s * d + u] = Math.max(c, startFloor);
          } else {
            p.cov[s * d * d + u * d + v] = c + (u == v ? startFloor : 0.0);
          }
        }
      }
    }
    return p;
  }

  private static HmmParameters randomStart(
      double[] z, int n, int d, int k, CovarianceType type, Random rng) {
    HmmParameters p = new HmmParameters(k, d, type);
    for (int i = 0; i < k; i++) {
      p.pi[i] = 1.0 / k;
      double stay = k == 1 ? 1.0 : 0.6 + 0.35 * rng.nextDouble();
      double[] w = new double[k];
      double sum = 0.0;
      for (int j = 0; j < k; j++) {
        w[j] = j == i ? 0.0 : 0.05 + rng.nextDouble();
        sum += w[j];
      }
      for (int j = 0; j < k; j++) {
        p.a[i * k + j] = j == i ? stay : (1.0 - stay) * w[j] / sum;
      }
    }
    for (int s = 0; s < k; s++) {
      int t = rng.nextInt(n);
      double scale = Math.exp(2.0 * rng.nextDouble() - 1.0);
      for (int u = 0; u < d; u++) {
        p.mu[s * d + u] = z[t * d + u];
        if (type == CovarianceType.DIAGONAL) {
          p.cov[s * d + u] = scale;
        } else {
          p.cov[s * d * d + u * d + u] = scale;
        }
      }
    }
    return p;
  }

  private static void persistentTransitions(HmmParameters p, double stay) {
    int k = p.k;
    for (int i = 0; i < k; i++) {
      p.pi[i] = 1.0 / k;
      for (int j = 0; j < k; j++) {
        p.a[i * k + j] = k == 1 ? 1.0 : (i == j ? stay : (1.0 - stay) / (k - 1));
      }
    }
  }

  /**
   * Minus the per-observation ergodic-initial log-likelihood as a function of unconstrained
   * parameters, with its analytic gradient (see the class comment).
   */
  static final class ErgodicObjective implements Bfgs.Objective {
    /** Smallest transition probability used when a zero from EM is turned into a logit. */
    private static final double MIN_PROB = 1e-12;

    private final HmmParameters work;
    private final double[] z;
    private final ForwardBackward fb;
    private final ForwardBackward.Stats st;
    private final double floor;
    private final int k;
    private final int d;
    private final int n;
    private final double[] minv;
    private final double[] chol;
    private final double[] sigmaInv;

    /**
     * The point, value and gradient of the evaluation made by {@link #preconditioner}, which BFGS
     * asks for again as its first evaluation; served once from here instead of another
     * forward-backward pass.
     */
    private double[] pendingTheta;

    private double pendingValue;
    private double[] pendingGradient;

    ErgodicObjective(
        HmmParameters template,
        double[] z,
        ForwardBackward fb,
        ForwardBackward.Stats st,
        double floor) {
      this.work = template.copy();
      this.z = z;
      this.fb = fb;
      this.st = st;
      this.floor = floor;
      this.k = template.k;
      this.d = template.d;
      this.n = z.length / template.d;
      this.minv = new double[k * k];
      this.chol = new double[d * d];
      this.sigmaInv = new double[d * d];
    }

    int size() {
      int cov = work.type == CovarianceType.FULL ? d * (d + 1) / 2 : d;
      return k * (k - 1) + k * d + k * cov;
    }

    double[] encode(HmmParameters p) {
      double[] th = new double[size()];
      int c = 0;
      for (int i = 0; i < k; i++) {
        double aii = Math.max(p.a[i * k + i], MIN_PROB);
        for (int j = 0; j < k; j++) {
          if (j != i) {
            th[c++] = Math.log(Math.max(p.a[i * k + j], MIN_PROB) / aii);
          }
        }
      }
      for (int s = 0; s < k; s++) {
        for (int u = 0; u < d; u++) {
          th[c++] = p.mu[s * d + u];
        }
        if (p.type == CovarianceType.DIAGONAL) {
          for (int u = 0; u < d; u++) {
            th[c++] = Math.log(Math.max(p.cov[s * d + u] - floor, 1e-10));
          }
        } else {
          // Cholesky of Sigma - floor I (positive semi-definite by construction; jitter if not).
          double[] m = new double[d * d];
          for (int u = 0; u < d; u++) {
            for (int v = 0; v < d; v++) {
              m[u * d + v] = p.cov[s * d * d + u * d + v] - (u == v ? floor - 1e-10 : 0.0);
            }
          }
          if (!cholesky(m, d, chol)) {
            java.util.Arrays.fill(chol, 0.0);
            for (int u = 0; u < d; u++) {
              chol[u * d + u] = Math.sqrt(Math.max(m[u * d + u], 1e-10));
            }
          }
          for (int u = 0; u < d; u++) {
            for (int v = 0; v <= u; v++) {
              th[c++] = u == v ? Math.log(chol[u * d + u]) : chol[u * d + v];
            }
          }
        }
      }
      return th;
    }

    /** Writes the parameters of theta into p (ergodic pi included); false if not representable. */
    boolean decode(double[] th, HmmParameters p) {
      int c = 0;
      for (int i = 0; i < k; i++) {
        double max = 0.0;
        int c0 = c;
        for (int j = 0; j < k; j++) {
          if (j != i) {
            max = Math.max(max, th[c++]);
          }
        }
        c = c0;
        double sum = 0.0;
        for (int j = 0; j < k; j++) {
          double v = Math.exp((j == i ? 0.0 : th[c++]) - max);
          p.a[i * k + j] = v;
          sum += v;
        }
        for (int j = 0; j < k; j++) {
          p.a[i * k + j] /= sum;
        }
      }
      for (int s = 0; s < k; s++) {
        for (int u = 0; u < d; u++) {
          p.mu[s * d + u] = th[c++];
        }
        if (p.type == CovarianceType.DIAGONAL) {
          for (int u = 0; u < d; u++) {
            p.cov[s * d + u] = floor + Math.exp(th[c++]);
          }
        } else {
          java.util.Arrays.fill(chol, 0.0);
          for (int u = 0; u < d; u++) {
            for (int v = 0; v <= u; v++) {
              chol[u * d + v] = u == v ? Math.exp(th[c++]) : th[c++];
            }
          }
          for (int u = 0; u < d; u++) {
            for (int v = 0; v < d; v++) {
              double sum = u == v ? floor : 0.0;
              for (int m = 0; m <= Math.min(u, v); m++) {
                sum += chol[u * d + m] * chol[v * d + m];
              }
              p.cov[s * d * d + u * d + v] = sum;
            }
          }
        }
      }
      try {
        System.arraycopy(MarkovChains.stationary(p.a, k, minv), 0, p.pi, 0, k);
      } catch (IllegalArgumentException e) {
        return false;
      }
      return p.prepare();
    }

    /**
     * Diagonal starting inverse Hessian from the complete-data (EM) information at theta, per
     * observation: {@code var / w_k} for a mean, {@code 2 / w_k} for a log variance or log Cholesky
     * diagonal, {@code 1 / w_k} for a Cholesky off-diagonal, and {@code 1 / (m_i a_il (1 - a_il))}
     * for a transition logit, where {@code w_k} and {@code m_i} are expected state occupancies and
     * transition counts divided by T (Louis 1982, JRSS B 44(2), for the complete-data part). It
     * puts BFGS's first steps on the right scale, which saves most of its iterations.
     */
    double[] preconditioner(double[] th) {
      double[] diag = new double[th.length];
      double[] g = new double[th.length];
      double f0 = value(th, g);
      if (!Double.isFinite(f0)) {
        return null;
      }
      pendingTheta = th.clone();
      pendingValue = f0;
      pendingGradient = g;
      final double cap = 1e4;
      int c = 0;
      for (int i = 0; i < k; i++) {
        double row = 0.0;
        for (int j = 0; j < k; j++) {
          row += st.xi[i * k + j];
        }
        row /= n;
        for (int l = 0; l < k; l++) {
          if (l != i) {
            double al = work.a[i * k + l];
            diag[c++] = Math.min(cap, 1.0 / (row * al * (1.0 - al)));
          }
        }
      }
      for (int s = 0; s < k; s++) {
        double w = st.n[s] / n;
        for (int u = 0; u < d; u++) {
          double var =
              work.type == CovarianceType.DIAGONAL
                  ? work.cov[s * d + u]
                  : work.cov[s * d * d + u * d + u];
          diag[c++] = Math.min(cap, var / w);
        }
        if (work.type == CovarianceType.DIAGONAL) {
          for (int u = 0; u < d; u++) {
            diag[c++] = Math.min(cap, 2.0 / w);
          }
        } else {
          for (int u = 0; u < d; u++) {
            for (int v = 0; v <= u; v++) {
              diag[c++] = Math.min(cap, (u == v ? 2.0 : 1.0) / w);
            }
          }
        }
      }
      for (int i = 0; i < diag.length; i++) {
        if (!(diag[i] > 0.0)) {
          diag[i] = cap;
        }
      }
      return diag;
    }

    @Override
    public double value(double[] th, double[] grad) {
      if (pendingTheta != null) {
        boolean same = java.util.Arrays.equals(th, pendingTheta);
        pendingTheta = null;
        if (same) {
          System.arraycopy(pendingGradient, 0, grad, 0, grad.length);
          return pendingValue;
        }
      }
      if (!decode(th, work)) {
        return Double.NaN;
      }
      double ll = fb.forward(work, z);
      if (!Double.isFinite(ll)) {
        return Double.NaN;
      }
      fb.backwardAccumulate(work, z, st);
      java.util.Arrays.fill(grad, 0.0);
      // Ergodic pi: w_m = d lnL / d pi_m = gamma_1(m) / pi_m, then v = M w.
      double[] w = new double[k];
      for (int m = 0; m < k; m++) {
        w[m] = work.pi[m] > 0.0 ? st.gamma1[m] / work.pi[m] : 0.0;
      }
      double[] v = new double[k];
      for (int j = 0; j < k; j++) {
        double s = 0.0;
        for (int m = 0; m < k; m++) {
          s += minv[j * k + m] * w[m];
        }
        v[j] = s;
      }
      int c = 0;
      for (int i = 0; i < k; i++) {
        double rowXi = 0.0;
        double av = 0.0;
        for (int j = 0; j < k; j++) {
          rowXi += st.xi[i * k + j];
          av += work.a[i * k + j] * v[j];
        }
        for (int l = 0; l < k; l++) {
          if (l == i) {
            continue;
          }
          double ail = work.a[i * k + l];
          double g = st.xi[i * k + l] - ail * rowXi;
          g += work.pi[i] * ail * (v[l] - av);
          grad[c++] = g;
        }
      }
      for (int s = 0; s < k; s++) {
        double ns = st.n[s];
        if (work.type == CovarianceType.DIAGONAL) {
          for (int u = 0; u < d; u++) {
            double mu = work.mu[s * d + u];
            double var = work.cov[s * d + u];
            double sx = st.sx[s * d + u];
            grad[c + u] = (sx - ns * mu) / var;
            double sres = st.sxx[s * d + u] - 2.0 * mu * sx + ns * mu * mu;
            grad[c + d + u] = 0.5 * (sres / (var * var) - ns / var) * (var - floor);
          }
          c += 2 * d;
        } else {
          c = fullCovarianceGradient(s, ns, grad, c);
        }
      }
      double scale = -1.0 / n;
      for (int i = 0; i < grad.length; i++) {
        grad[i] *= scale;
      }
      return -ll / n;
    }

    private int fullCovarianceGradient(int s, double ns, double[] grad, int c) {
      int dd = d * d;
      double[] sigma = java.util.Arrays.copyOfRange(work.cov, s * dd, (s + 1) * dd);
      double[] inv = MarkovChains.inverse(sigma, d);
      System.arraycopy(inv, 0, sigmaInv, 0, dd);
      double[] mu = java.util.Arrays.copyOfRange(work.mu, s * d, (s + 1) * d);
      double[] r = new double[d];
      for (int u = 0; u < d; u++) {
        r[u] = st.sx[s * d + u] - ns * mu[u];
      }
      for (int u = 0; u < d; u++) {
        double g = 0.0;
        for (int v = 0; v < d; v++) {
          g += sigmaInv[u * d + v] * r[v];
        }
        grad[c + u] = g;
      }
      c += d;
      // Residual scatter S = sum gamma (x - mu)(x - mu)'.
      double[] sres = new double[dd];
      for (int u = 0; u < d; u++) {
        for (int v = 0; v < d; v++) {
          sres[u * d + v] =
              st.sxx[s * dd + u * d + v]
                  - mu[u] * st.sx[s * d + v]
                  - st.sx[s * d + u] * mu[v]
                  + ns * mu[u] * mu[v];
        }
      }
      // G = 0.5 (Sigma^-1 S Sigma^-1 - n Sigma^-1) = d lnL / d Sigma (symmetric form).
      double[] tmp = multiply(sigmaInv, sres, d);
      double[] gm = multiply(tmp, sigmaInv, d);
      for (int i = 0; i < dd; i++) {
        gm[i] = 0.5 * (gm[i] - ns * sigmaInv[i]);
      }
      // Sigma = L L' + floor I with L from theta: d lnL / d L = 2 G L.
      java.util.Arrays.fill(chol, 0.0);
      double[] m = new double[dd];
      for (int u = 0; u < d; u++) {
        for (int v = 0; v < d; v++) {
          m[u * d + v] = sigma[u * d + v] - (u == v ? floor : 0.0);
        }
      }
      cholesky(m, d, chol);
      double[] gl = multiply(gm, chol, d);
      for (int u = 0; u < d; u++) {
        for (int v = 0; v <= u; v++) {
          double g = 2.0 * gl[u * d + v];
          grad[c++] = u == v ? g * chol[u * d + u] : g;
        }
      }
      return c;
    }

    private static double[] multiply(double[] a, double[] b, int d) {
      double[] out = new double[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double s = 0.0;
          for (int m = 0; m < d; m++) {
            s += a[i * d + m] * b[m * d + j];
          }
          out[i * d + j] = s;
        }
      }
      return out;
    }

    private static boolean cholesky(double[] m, int d, double[] l) {
      java.util.Arrays.fill(l, 0.0);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          double sum = m[i * d + j];
          for (int q = 0; q < j; q++) {
            sum -= l[i * d + q] * l[j * d + q];
          }
          if (i == j) {
            if (!(sum > 0.0)) {
              return false;
            }
            l[i * d + i] = Math.sqrt(sum);
          } else {
            l[i * d + j] = sum / l[j * d + j];
          }
        }
      }
      return true;
    }
  }
}

package dev.tyche.risk.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * GARCH(1,1) and GJR-GARCH(1,1) with a constant or zero mean and normal or standardised Student-t
 * innovations: log-likelihood, conditional variances, forecasts, maximum-likelihood fitting and
 * simulation.
 *
 * <p>Model (Bollerslev 1986; Glosten, Jagannathan and Runkle 1993 in the APARCH form of Ding,
 * Granger and Engle 1993 with {@code delta = 2}, as R fGarch fits it): {@code x_t = mu + e_t},
 * {@code e_t = sqrt(h_t) z_t}, {@code h_t = omega + alpha1 (|e_{t-1}| - gamma1 e_{t-1})^2 + beta1
 * h_{t-1}}. The recursion starts as {@link GarchSpec#startUp()} says. The log-likelihood is {@code
 * sum_t [ln f(z_t) - 0.5 ln h_t]} over the observations the start-up includes, with {@code f} the
 * standard normal (including {@code 0.5 ln(2 pi)}) or the unit-variance Student-t density.
 *
 * <p>Fitting maximises the likelihood with BFGS and the analytic gradient over unconstrained
 * parameters: {@code omega = exp(u)}, {@code alpha1 = 1/(1+exp(-u))}, {@code beta1 =
 * 1/(1+exp(-u))}, {@code gamma1 = tanh(u)}, {@code shape = 2 + exp(u)}; {@code alpha1} and {@code
 * beta1} each lie in (0, 1), as in fGarch's box constraints, so {@code alpha1 + beta1 >= 1} stays
 * reachable (fGarch does not impose stationarity either; such fits get {@link
 * GarchFitStatus#NON_STATIONARY}).
 *
 * <p>The optimiser runs on the series divided by its sample standard deviation {@code s} and maps
 * the optimum back ({@code mu s}, {@code omega s^2}), so the fit does not depend on the data's
 * units. A parameter that cannot be represented in the data's units (for example {@code omega s^2}
 * underflowing to 0 for a series of scale {@code 1e-162}) is moved just inside its domain and the
 * fit is reported as {@link GarchFitStatus#AT_BOUNDARY} (or {@link GarchFitStatus#NOT_CONVERGED}
 * when the log-likelihood is not finite in those units), never thrown.
 *
 * <p>Look-ahead: both start-ups set {@code h_1} from the mean square of the WHOLE sample, so the
 * conditional variances of a fit are in-sample quantities, not a causal filter. A backtest must
 * refit on data before the decision time (or filter forward from a fit's last state).
 *
 * <p>Standard errors come from the inverse of minus the Hessian of the log-likelihood in the
 * original parameterisation, by central differences of the analytic gradient with steps {@code 1e-4
 * max(|theta_j|, 0.01)}; they agree with the reference's own central-difference Hessian to about
 * 0.5 % and with fGarch's to about 4 %.
 *
 * <p>Immutable and thread-safe (every call works on its own buffers).
 */
public final class GarchModel {

  /** The smallest series {@link #fit(double[])} accepts. */
  public static final int MIN_FIT_OBSERVATIONS = 30;

  /** A parameter closer than this to a bound of (0, 1) or (-1, 1) counts as on the boundary. */
  private static final double BOUND_EPS = 1e-6;

  /** A Student-t shape above this is indistinguishable from normal: the upper boundary. */
  private static final double SHAPE_UPPER = 1000.0;

  private final GarchSpec spec;

  private GarchModel(GarchSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * A model of the given specification.
   *
   * @param spec the specification
   * @return the model
   */
  public static GarchModel of(GarchSpec spec) {
    return new GarchModel(spec);
  }

  /**
   * The specification.
   *
   * @return the specification
   */
  public GarchSpec spec() {
    return spec;
  }

  /**
   * The log-likelihood of {@code returns} at {@code params}.
   *
   * @param returns the series {@code x_1..x_N}, finite, {@code N >= 2}
   * @param params parameters compatible with the specification
   * @return the log-likelihood
   * @throws IllegalArgumentException for bad input, or if a conditional variance is not positive
   */
  public double logLikelihood(double[] returns, GarchParameters params) {
    double[] x = checkedCopy(returns, 2);
    GarchLikelihood lik = new GarchLikelihood(spec, x);
    return evaluateOrThrow(lik, params.toVector(spec));
  }

  /**
   * The conditional variances {@code h_1..h_N} of {@code returns} at {@code params}.
   *
   * @param returns the series, finite, {@code N >= 2}
   * @param params parameters compatible with the specification
   * @return the variances in squared return units
   * @throws IllegalArgumentException for bad input
   */
  public double[] conditionalVariances(double[] returns, GarchParameters params) {
    double[] x = checkedCopy(returns, 2);
    GarchLikelihood lik = new GarchLikelihood(spec, x);
    evaluateOrThrow(lik, params.toVector(spec));
    return lik.variances().clone();
  }

  /**
   * Variance forecasts {@code h_{N+1}..h_{N+horizon}} after observing {@code returns}, at {@code
   * params}; see {@link GarchFit#varianceForecast(int)} for the recursion.
   *
   * @param returns the series, finite, {@code N >= 2}
   * @param params parameters compatible with the specification
   * @param horizon number of steps, {@code >= 1}
   * @return the forecasts in squared return units
   * @throws IllegalArgumentException for bad input
   */
  public double[] varianceForecast(double[] returns, GarchParameters params, int horizon) {
    double[] x = checkedCopy(returns, 2);
    GarchLikelihood lik = new GarchLikelihood(spec, x);
    evaluateOrThrow(lik, params.toVector(spec));
    int last = x.length - 1;
    return forecast(params, x[last] - params.mu(), lik.variances()[last], horizon);
  }

  static double[] forecast(GarchParameters p, double eN, double hN, int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1 but was " + horizon);
    }
    double[] out = new double[horizon];
    double a = Math.abs(eN) - p.gamma1() * eN;
    out[0] = p.omega() + p.alpha1() * a * a + p.beta1() * hN;
    double persistence = p.persistence();
    for (int k = 1; k < horizon; k++) {
      out[k] = p.omega() + persistence * out[k - 1];
    }
    return out;
  }

  /**
   * Fits the model with {@link GarchFitOptions#defaults()}.
   *
   * @param returns the series, finite, not constant, {@code N >= } {@link #MIN_FIT_OBSERVATIONS}
   * @return the fit; check its {@link GarchFit#status()}
   * @throws IllegalArgumentException for bad input
   */
  public GarchFit fit(double[] returns) {
    return fit(returns, GarchFitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param returns the series, finite, not constant, {@code N >= } {@link #MIN_FIT_OBSERVATIONS}
   * @param options optimiser settings
   * @return the fit; check its {@link GarchFit#status()}
   * @throws IllegalArgumentException for bad input
   * @throws ArithmeticException if no starting point gives a finite likelihood
   */
  public GarchFit fit(double[] returns, GarchFitOptions options) {
    Objects.requireNonNull(options, "options");
    double[] x = checkedCopy(returns, MIN_FIT_OBSERVATIONS);
    final int n = x.length;
    // Moments of x / max|x|, so that neither tiny nor huge units underflow or overflow here.
    double a = 0.0;
    for (double v : x) {
      a = Math.max(a, Math.abs(v));
    }
    double mean = 0.0;
    double var = 0.0;
    if (a > 0.0) {
      for (double v : x) {
        mean += v / a;
      }
      mean /= n;
      for (double v : x) {
        double r = v / a - mean;
        var += r * r;
      }
      var /= n - 1;
    }
    if (!(var > 0)) {
      throw new IllegalArgumentException(
          "returns must not be constant but all " + n + " values equal " + x[0]);
    }
    mean *= a;
    final double s = a * Math.sqrt(var);
    final int k = spec.parameterCount();
    // The optimiser works on y = x / s (s the sample standard deviation): the likelihood is
    // scale-equivariant (mu and sqrt(omega) scale with s, the other parameters do not), so this
    // only removes the data's units from the problem. Without it a series in tiny or huge units
    // gives gradients and omega values of extreme magnitude (omega = exp(u) underflows near
    // 1e-308).
    final double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = x[t] / s;
    }
    final GarchLikelihood lik = new GarchLikelihood(spec, y);
    final Transform transform = new Transform(spec);
    final double[] theta = new double[k];
    final double[] gradTheta = new double[k];
    Bfgs.Objective objective =
        (u, gradU) -> {
          transform.toTheta(u, theta);
          double ll = lik.evaluate(theta, gradTheta, null);
          if (!Double.isFinite(ll)) {
            return Double.NaN;
          }
          transform.chain(theta, gradTheta, gradU);
          for (int j = 0; j < k; j++) {
            gradU[j] = -gradU[j] / n;
          }
          return -ll / n;
        };

    double yMean = mean / s;
    double level = spec.mean() == MeanEquation.CONSTANT ? 1.0 : meanSquare(y);
    List<double[]> starts = startingPoints(yMean, level, 1.0, options);
    Bfgs bfgs = new Bfgs(objective, k);
    Bfgs.Result best = null;
    List<Bfgs.Result> converged = new ArrayList<>();
    int tried = 0;
    for (double[] start : starts) {
      tried++;
      Bfgs.Result r =
          bfgs.minimize(transform.toU(start), options.maxIterations(), options.gradientTolerance());
      if (Double.isFinite(r.value()) && (best == null || r.value() < best.value())) {
        best = r;
      }
      if (options.stopWhenTwoStartsAgree() && r.converged() && Double.isFinite(r.value())) {
        if (agreesWithAny(r, converged)) {
          break;
        }
        converged.add(r);
      }
    }
    if (best == null) {
      throw new ArithmeticException(
          "GARCH fit: no starting point out of " + starts.size() + " gave a finite likelihood");
    }
    double[] thetaHat = new double[k];
    transform.toTheta(best.argmin(), thetaHat);
    transform.toDataUnits(thetaHat, s);
    boolean clamped = transform.clampToDomain(thetaHat);
    return summarise(x, new GarchLikelihood(spec, x), thetaHat, best, tried, s, clamped);
  }

  /** Two independent starts reaching the same point is evidence that it is the global optimum. */
  private static boolean agreesWithAny(Bfgs.Result r, List<Bfgs.Result> others) {
    for (Bfgs.Result o : others) {
      boolean sameValue =
          Math.abs(r.value() - o.value()) <= 1e-10 * Math.max(1.0, Math.abs(r.value()));
      boolean samePoint = true;
      for (int j = 0; j < r.argmin().length && samePoint; j++) {
        samePoint = Math.abs(r.argmin()[j] - o.argmin()[j]) <= 1e-5;
      }
      if (sameValue && samePoint) {
        return true;
      }
    }
    return false;
  }

  private GarchFit summarise(
      double[] x,
      GarchLikelihood lik,
      double[] thetaHat,
      Bfgs.Result best,
      int startCount,
      double sampleSd,
      boolean clamped) {
    final int n = x.length;
    final int k = thetaHat.length;
    double[] grad = new double[k];
    double[][] scores = new double[n][k];
    double ll = lik.evaluate(thetaHat, grad, scores);
    double[] h = lik.variances().clone();
    double gradNorm = 0.0;
    for (double g : grad) {
      gradNorm = Math.max(gradNorm, Math.abs(g));
    }
    GarchParameters params = GarchParameters.fromVector(spec, thetaHat);
    double mu = params.mu();
    double[] z = new double[n];
    for (int t = 0; t < n; t++) {
      z[t] = (x[t] - mu) / Math.sqrt(h[t]);
    }

    double[][] negHessian = negativeHessian(lik, thetaHat, grad);
    double[][] opg = new double[k][k];
    for (double[] s : scores) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          opg[i][j] += s[i] * s[j];
        }
      }
    }
    double[][] cov = invert(negHessian);
    double[][] robust = null;
    if (cov != null) {
      RealMatrix c = new Array2DRowRealMatrix(cov, false);
      robust = c.multiply(new Array2DRowRealMatrix(opg, false)).multiply(c).getData();
    }
    double[][] opgCov = invert(opg);

    String boundary = boundaryViolation(params, sampleSd);
    if (clamped) {
      String note = "a parameter left the representable domain and was moved just inside it";
      boundary = boundary == null ? note : boundary + " (" + note + ")";
    }
    GarchFitStatus status;
    String detail = best.reason();
    if (!best.converged()) {
      status = GarchFitStatus.NOT_CONVERGED;
    } else if (!Double.isFinite(ll)) {
      status = GarchFitStatus.NOT_CONVERGED;
      detail = detail + "; the log-likelihood is not finite in the data's units (extreme scale)";
    } else if (boundary != null) {
      status = GarchFitStatus.AT_BOUNDARY;
      detail = detail + "; " + boundary;
    } else if (params.persistence() >= 1) {
      status = GarchFitStatus.NON_STATIONARY;
      detail = detail + "; persistence " + params.persistence() + " >= 1";
    } else {
      status = GarchFitStatus.CONVERGED;
    }
    return new GarchFit(
        spec,
        params,
        ll,
        GarchStandardErrors.fromCovariance(spec, cov),
        GarchStandardErrors.fromCovariance(spec, robust),
        GarchStandardErrors.fromCovariance(spec, opgCov),
        status,
        detail,
        best.iterations(),
        gradNorm,
        startCount,
        h,
        z);
  }

  /** Which parameter sits on the boundary of its domain, or null if none does. */
  private String boundaryViolation(GarchParameters p, double sampleSd) {
    if (p.omega() / sampleSd / sampleSd <= 1e-10) {
      return "omega " + p.omega() + " at its lower bound 0";
    }
    if (p.alpha1() < BOUND_EPS || p.alpha1() > 1 - BOUND_EPS) {
      return "alpha1 " + p.alpha1() + " at a bound of (0, 1)";
    }
    if (p.beta1() < BOUND_EPS || p.beta1() > 1 - BOUND_EPS) {
      return "beta1 " + p.beta1() + " at a bound of (0, 1)";
    }
    if (spec.variance() == VarianceEquation.GJR && Math.abs(p.gamma1()) > 1 - BOUND_EPS) {
      return "gamma1 " + p.gamma1() + " at a bound of (-1, 1)";
    }
    if (spec.innovations() == Innovations.STUDENT_T
        && (p.shape() < 2 + 1e-4 || p.shape() > SHAPE_UPPER)) {
      return "shape " + p.shape() + " at a bound of (2, " + SHAPE_UPPER + ")";
    }
    return null;
  }

  /**
   * Minus the Hessian of the log-likelihood by central differences of the analytic gradient, with
   * steps {@code 1e-4 max(|theta_j|, 0.01)}; one-sided where a side leaves the domain.
   */
  private static double[][] negativeHessian(
      GarchLikelihood lik, double[] thetaHat, double[] gradAtHat) {
    int k = thetaHat.length;
    double[][] hess = new double[k][k];
    double[] th = thetaHat.clone();
    double[] gPlus = new double[k];
    double[] gMinus = new double[k];
    for (int j = 0; j < k; j++) {
      double step = 1e-4 * Math.max(Math.abs(thetaHat[j]), 0.01);
      th[j] = thetaHat[j] + step;
      double fPlus = lik.evaluate(th, gPlus, null);
      th[j] = thetaHat[j] - step;
      double fMinus = lik.evaluate(th, gMinus, null);
      th[j] = thetaHat[j];
      for (int i = 0; i < k; i++) {
        double d;
        if (Double.isFinite(fPlus) && Double.isFinite(fMinus)) {
          d = (gPlus[i] - gMinus[i]) / (2 * step);
        } else if (Double.isFinite(fPlus)) {
          d = (gPlus[i] - gradAtHat[i]) / step;
        } else if (Double.isFinite(fMinus)) {
          d = (gradAtHat[i] - gMinus[i]) / step;
        } else {
          d = Double.NaN;
        }
        hess[i][j] = -d;
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (hess[i][j] + hess[j][i]);
        hess[i][j] = m;
        hess[j][i] = m;
      }
    }
    return hess;
  }

  /** The inverse, or null when the matrix is not finite or is numerically singular. */
  private static double[][] invert(double[][] m) {
    for (double[] row : m) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
    }
    LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(m, true), 1e-14);
    if (!lu.getSolver().isNonSingular()) {
      return null;
    }
    return lu.getSolver().getInverse().getData();
  }

  private List<double[]> startingPoints(
      double mean, double level, double sd, GarchFitOptions options) {
    List<double[]> out = new ArrayList<>();
    // fGarch's default start (alpha1 = 0.1, beta1 = 0.8, gamma1 = 0.1, shape = 4), then a
    // high-persistence and a low-persistence variant; omega matches the sample variance.
    double[][] grid = {
      {0.10, 0.80, 0.10, 4.0}, {0.05, 0.93, -0.10, 8.0}, {0.15, 0.60, 0.0, 6.0},
    };
    for (double[] g : grid) {
      out.add(start(mean, level, g[0], g[1], g[2], g[3]));
    }
    SplittableRandom rnd = new SplittableRandom(options.seed());
    for (int i = 0; i < options.randomStarts(); i++) {
      double alpha = 0.01 + 0.24 * rnd.nextDouble();
      double beta = 0.3 + (0.97 - alpha - 0.3) * rnd.nextDouble();
      double gamma = -0.5 + rnd.nextDouble();
      double shape = 3.0 + 17.0 * rnd.nextDouble();
      double m = mean + 0.1 * sd * (2 * rnd.nextDouble() - 1);
      out.add(start(m, level, alpha, beta, gamma, shape));
    }
    return out;
  }

  private double[] start(
      double mean, double level, double alpha, double beta, double gamma, double shape) {
    boolean gjr = spec.variance() == VarianceEquation.GJR;
    double g = gjr ? gamma : 0.0;
    double persistence = alpha * (1 + g * g) + beta;
    double omega = level * Math.max(1 - persistence, 0.01);
    GarchParameters p =
        new GarchParameters(
            spec.mean() == MeanEquation.CONSTANT ? mean : 0.0,
            omega,
            alpha,
            g,
            beta,
            spec.innovations() == Innovations.STUDENT_T ? shape : Double.NaN);
    return p.toVector(spec);
  }

  /**
   * Simulates {@code x_1..x_n} from the model, discarding {@code burnIn} leading values. The
   * recursion starts at the unconditional variance with a zero residual. Normal innovations come
   * from the generator's Gaussian; Student-t ones as {@code N / sqrt(chi2_nu / nu)} scaled by
   * {@code sqrt((nu - 2) / nu)} to unit variance.
   *
   * @param params parameters compatible with the specification, persistence {@code < 1}
   * @param n number of values returned, {@code >= 1}
   * @param burnIn number of leading values discarded, {@code >= 0}
   * @param seed seed of the Well19937c generator
   * @return the simulated series
   * @throws IllegalArgumentException for bad sizes or a persistence {@code >= 1}
   */
  public double[] simulate(GarchParameters params, int n, int burnIn, long seed) {
    params.requireCompatible(spec);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was " + n);
    }
    if (burnIn < 0) {
      throw new IllegalArgumentException("burnIn must be >= 0 but was " + burnIn);
    }
    if (!(params.persistence() < 1)) {
      throw new IllegalArgumentException(
          "persistence must be < 1 to simulate from the stationary distribution but was "
              + params.persistence());
    }
    RandomGenerator rng = new Well19937c(seed);
    boolean studentT = spec.innovations() == Innovations.STUDENT_T;
    double nu = params.shape();
    GammaDistribution chi2 = studentT ? new GammaDistribution(rng, 0.5 * nu, 2.0) : null;
    double tScale = studentT ? Math.sqrt((nu - 2) / nu) : 1.0;
    double[] out = new double[n];
    double h = params.unconditionalVariance();
    double e = 0.0;
    for (int t = 0; t < n + burnIn; t++) {
      if (t > 0) {
        double a = Math.abs(e) - params.gamma1() * e;
        h = params.omega() + params.alpha1() * a * a + params.beta1() * h;
      }
      double z = rng.nextGaussian();
      if (chi2 != null) {
        z = tScale * z / Math.sqrt(chi2.sample() / nu);
      }
      e = Math.sqrt(h) * z;
      if (t >= burnIn) {
        out[t - burnIn] = params.mu() + e;
      }
    }
    return out;
  }

  private static double evaluateOrThrow(GarchLikelihood lik, double[] theta) {
    double ll = lik.evaluate(theta, null, null);
    if (!Double.isFinite(ll)) {
      throw new IllegalArgumentException(
          "the conditional variance recursion produced a non-positive or non-finite value at"
              + " these parameters");
    }
    return ll;
  }

  private static double meanSquare(double[] x) {
    double s = 0.0;
    for (double v : x) {
      s += v * v;
    }
    return s / x.length;
  }

  static double[] checkedCopy(double[] returns, int minLength) {
    Objects.requireNonNull(returns, "returns");
    if (returns.length < minLength) {
      throw new IllegalArgumentException(
          "returns must have at least " + minLength + " observations but had " + returns.length);
    }
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException(
            "returns must be finite but returns[" + i + "] was " + returns[i]);
      }
    }
    return returns.clone();
  }

  /** Maps unconstrained optimiser coordinates {@code u} to parameters {@code theta}. */
  private static final class Transform {
    private final int k;
    private final int iMu;
    private final int iOmega;
    private final int iAlpha;
    private final int iGamma;
    private final int iBeta;
    private final int iShape;

    Transform(GarchSpec spec) {
      k = spec.parameterCount();
      int i = 0;
      iMu = spec.mean() == MeanEquation.CONSTANT ? i++ : -1;
      iOmega = i++;
      iAlpha = i++;
      iGamma = spec.variance() == VarianceEquation.GJR ? i++ : -1;
      iBeta = i++;
      iShape = spec.innovations() == Innovations.STUDENT_T ? i : -1;
    }

    void toTheta(double[] u, double[] theta) {
      for (int j = 0; j < k; j++) {
        double v = u[j];
        if (j == iOmega) {
          theta[j] = Math.exp(v);
        } else if (j == iAlpha || j == iBeta) {
          theta[j] = 1.0 / (1.0 + Math.exp(-v));
        } else if (j == iGamma) {
          theta[j] = Math.tanh(v);
        } else if (j == iShape) {
          theta[j] = 2.0 + Math.exp(v);
        } else {
          theta[j] = v; // mu
        }
      }
    }

    double[] toU(double[] theta) {
      double[] u = new double[k];
      for (int j = 0; j < k; j++) {
        double v = theta[j];
        if (j == iOmega) {
          u[j] = Math.log(v);
        } else if (j == iAlpha || j == iBeta) {
          u[j] = Math.log(v / (1 - v));
        } else if (j == iGamma) {
          u[j] = 0.5 * Math.log((1 + v) / (1 - v));
        } else if (j == iShape) {
          u[j] = Math.log(v - 2);
        } else {
          u[j] = v;
        }
      }
      return u;
    }

    /**
     * Maps parameters fitted to {@code x / s} back to the units of {@code x}: {@code mu * s} and
     * {@code omega * s^2}; the other parameters are scale-free.
     */
    void toDataUnits(double[] theta, double s) {
      if (iMu >= 0) {
        theta[iMu] *= s;
      }
      theta[iOmega] *= s * s;
    }

    /**
     * Moves parameters that rounding pushed onto or past the edge of their domain ({@code omega}
     * underflowed to 0 or overflowed, {@code |gamma1| = 1}, {@code shape = 2}) to the nearest
     * representable interior value.
     *
     * @return true if any parameter was moved
     */
    boolean clampToDomain(double[] theta) {
      boolean moved = false;
      double omega = theta[iOmega];
      if (!(omega > 0)) {
        theta[iOmega] = Double.MIN_VALUE;
        moved = true;
      } else if (omega == Double.POSITIVE_INFINITY) {
        theta[iOmega] = Double.MAX_VALUE;
        moved = true;
      }
      if (iMu >= 0 && !Double.isFinite(theta[iMu])) {
        theta[iMu] = Math.copySign(Double.MAX_VALUE, theta[iMu]);
        moved = true;
      }
      if (iGamma >= 0 && Math.abs(theta[iGamma]) >= 1.0) {
        theta[iGamma] = Math.copySign(Math.nextDown(1.0), theta[iGamma]);
        moved = true;
      }
      if (iShape >= 0 && !(theta[iShape] > 2.0)) {
        theta[iShape] = Math.nextUp(2.0);
        moved = true;
      } else if (iShape >= 0 && theta[iShape] == Double.POSITIVE_INFINITY) {
        theta[iShape] = Double.MAX_VALUE;
        moved = true;
      }
      return moved;
    }

    /** gradU = gradTheta * dtheta/du, component-wise (the map is diagonal). */
    void chain(double[] theta, double[] gradTheta, double[] gradU) {
      for (int j = 0; j < k; j++) {
        double d;
        if (j == iOmega) {
          d = theta[j];
        } else if (j == iAlpha || j == iBeta) {
          d = theta[j] * (1 - theta[j]);
        } else if (j == iGamma) {
          d = 1 - theta[j] * theta[j];
        } else if (j == iShape) {
          d = theta[j] - 2;
        } else {
          d = 1.0;
        }
        gradU[j] = gradTheta[j] * d;
      }
    }
  }
}

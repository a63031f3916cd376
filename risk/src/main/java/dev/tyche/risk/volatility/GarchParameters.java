package dev.tyche.risk.volatility;

/**
 * Parameters of a GARCH(1,1) or fGarch-style GJR-GARCH(1,1) model {@code x_t = mu + e_t}, {@code
 * e_t = sqrt(h_t) z_t}, {@code h_t = omega + alpha1 (|e_{t-1}| - gamma1 e_{t-1})^2 + beta1
 * h_{t-1}}. Plain GARCH has {@code gamma1 = 0}; a zero-mean model has {@code mu = 0}; normal
 * innovations have {@code shape = NaN}.
 *
 * <p>Persistence and forecasts use {@code E[(|z| - gamma1 z)^2] = 1 + gamma1^2}, valid for any
 * symmetric unit-variance innovation (normal or standardised t), as in fGarch's forecast recursion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mu the constant mean, in the units of the returns; finite (0 for a zero-mean model)
 * @param omega the variance intercept, in squared return units; {@code > 0}
 * @param alpha1 the ARCH coefficient; {@code >= 0}
 * @param gamma1 the APARCH asymmetry; {@code -1 < gamma1 < 1} (0 for plain GARCH)
 * @param beta1 the GARCH coefficient; {@code >= 0}
 * @param shape the Student-t degrees of freedom {@code > 2}, or {@code NaN} for normal innovations
 */
public record GarchParameters(
    double mu, double omega, double alpha1, double gamma1, double beta1, double shape) {

  /** Validates the domain of every parameter. */
  public GarchParameters {
    if (!Double.isFinite(mu)) {
      throw new IllegalArgumentException("mu must be finite but was " + mu);
    }
    if (!(omega > 0) || !Double.isFinite(omega)) {
      throw new IllegalArgumentException("omega must be finite and > 0 but was " + omega);
    }
    if (!(alpha1 >= 0) || !Double.isFinite(alpha1)) {
      throw new IllegalArgumentException("alpha1 must be finite and >= 0 but was " + alpha1);
    }
    if (!(gamma1 > -1 && gamma1 < 1)) {
      throw new IllegalArgumentException("gamma1 must be in (-1, 1) but was " + gamma1);
    }
    if (!(beta1 >= 0) || !Double.isFinite(beta1)) {
      throw new IllegalArgumentException("beta1 must be finite and >= 0 but was " + beta1);
    }
    if (!Double.isNaN(shape) && !(shape > 2 && Double.isFinite(shape))) {
      throw new IllegalArgumentException(
          "shape must be NaN (normal innovations) or finite and > 2 but was " + shape);
    }
  }

  /**
   * GARCH(1,1) with normal innovations.
   *
   * @param mu the mean
   * @param omega the intercept
   * @param alpha1 the ARCH coefficient
   * @param beta1 the GARCH coefficient
   * @return the parameters
   */
  public static GarchParameters garch(double mu, double omega, double alpha1, double beta1) {
    return new GarchParameters(mu, omega, alpha1, 0.0, beta1, Double.NaN);
  }

  /**
   * GJR-GARCH(1,1) in fGarch's APARCH({@code delta = 2}) form with normal innovations.
   *
   * @param mu the mean
   * @param omega the intercept
   * @param alpha1 the ARCH coefficient
   * @param gamma1 the asymmetry
   * @param beta1 the GARCH coefficient
   * @return the parameters
   */
  public static GarchParameters gjr(
      double mu, double omega, double alpha1, double gamma1, double beta1) {
    return new GarchParameters(mu, omega, alpha1, gamma1, beta1, Double.NaN);
  }

  /**
   * A copy with Student-t innovations of the given shape.
   *
   * @param nu degrees of freedom, {@code > 2}
   * @return the copy
   */
  public GarchParameters withShape(double nu) {
    return new GarchParameters(mu, omega, alpha1, gamma1, beta1, nu);
  }

  /**
   * The persistence {@code alpha1 (1 + gamma1^2) + beta1}, the factor of the multi-step variance
   * forecast recursion (plain GARCH: {@code alpha1 + beta1}).
   *
   * @return the persistence
   */
  public double persistence() {
    return alpha1 * (1 + gamma1 * gamma1) + beta1;
  }

  /**
   * The half-life of a variance shock, {@code ln(0.5) / ln(persistence)}, in periods.
   *
   * @return the half-life; {@code +Infinity} when the persistence is {@code >= 1} (a shock never
   *     halves), 0 when it is 0
   */
  public double halfLife() {
    double p = persistence();
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p <= 0) {
      return 0.0;
    }
    return Math.log(0.5) / Math.log(p);
  }

  /**
   * The unconditional variance {@code omega / (1 - persistence)} in squared return units.
   *
   * @return the variance, or {@code NaN} when the persistence is {@code >= 1} (it does not exist)
   */
  public double unconditionalVariance() {
    double p = persistence();
    return p < 1 ? omega / (1 - p) : Double.NaN;
  }

  /**
   * The GJR (Glosten, Jagannathan and Runkle 1993) coefficient on {@code e^2}: {@code a = alpha1 (1
   * - gamma1)^2}.
   *
   * @return {@code a}
   */
  public double gjrAlpha() {
    return alpha1 * (1 - gamma1) * (1 - gamma1);
  }

  /**
   * The GJR coefficient on {@code e^2 1[e < 0]}: {@code g = 4 alpha1 gamma1}.
   *
   * @return {@code g}
   */
  public double gjrGamma() {
    return 4 * alpha1 * gamma1;
  }

  /**
   * The estimated parameters of {@code spec} as a vector, in {@link GarchSpec#parameterNames()}
   * order.
   *
   * @param spec the specification
   * @return a new vector
   * @throws IllegalArgumentException if these parameters do not fit {@code spec}
   */
  public double[] toVector(GarchSpec spec) {
    requireCompatible(spec);
    double[] v = new double[spec.parameterCount()];
    int i = 0;
    if (spec.mean() == MeanEquation.CONSTANT) {
      v[i++] = mu;
    }
    v[i++] = omega;
    v[i++] = alpha1;
    if (spec.variance() == VarianceEquation.GJR) {
      v[i++] = gamma1;
    }
    v[i++] = beta1;
    if (spec.innovations() == Innovations.STUDENT_T) {
      v[i] = shape;
    }
    return v;
  }

  /**
   * Builds parameters from a vector in {@link GarchSpec#parameterNames()} order.
   *
   * @param spec the specification
   * @param v the vector
   * @return the parameters
   * @throws IllegalArgumentException if the length is wrong or a value is out of its domain
   */
  public static GarchParameters fromVector(GarchSpec spec, double[] v) {
    if (v.length != spec.parameterCount()) {
      throw new IllegalArgumentException(
          "parameter vector length must be " + spec.parameterCount() + " but was " + v.length);
    }
    int i = 0;
    double mu = spec.mean() == MeanEquation.CONSTANT ? v[i++] : 0.0;
    double omega = v[i++];
    double alpha1 = v[i++];
    double gamma1 = spec.variance() == VarianceEquation.GJR ? v[i++] : 0.0;
    double beta1 = v[i++];
    double shape = spec.innovations() == Innovations.STUDENT_T ? v[i] : Double.NaN;
    return new GarchParameters(mu, omega, alpha1, gamma1, beta1, shape);
  }

  /**
   * Checks that these parameters describe a model of the given specification.
   *
   * @param spec the specification
   * @throws IllegalArgumentException if {@code mu != 0} for a zero-mean model, {@code gamma1 != 0}
   *     for plain GARCH, or the shape does not match the innovation distribution
   */
  public void requireCompatible(GarchSpec spec) {
    if (spec.mean() == MeanEquation.ZERO && mu != 0.0) {
      throw new IllegalArgumentException("mu must be 0 for a zero-mean model but was " + mu);
    }
    if (spec.variance() == VarianceEquation.GARCH && gamma1 != 0.0) {
      throw new IllegalArgumentException("gamma1 must be 0 for plain GARCH but was " + gamma1);
    }
    if (spec.innovations() == Innovations.NORMAL && !Double.isNaN(shape)) {
      throw new IllegalArgumentException(
          "shape must be NaN for normal innovations but was " + shape);
    }
    if (spec.innovations() == Innovations.STUDENT_T && Double.isNaN(shape)) {
      throw new IllegalArgumentException(
          "shape must be finite and > 2 for Student-t innovations but was NaN");
    }
  }
}

package dev.tyche.risk.volatility;

/**
 * Standard errors of GARCH parameter estimates, in the units of the parameters (original, not
 * transformed, parameterisation). A component is {@code NaN} when the parameter is not estimated by
 * the model or when the covariance matrix could not be formed (singular or indefinite).
 *
 * <p>Immutable and thread-safe.
 *
 * @param mu standard error of the mean
 * @param omega standard error of the intercept
 * @param alpha1 standard error of the ARCH coefficient
 * @param gamma1 standard error of the asymmetry
 * @param beta1 standard error of the GARCH coefficient
 * @param shape standard error of the Student-t shape
 */
public record GarchStandardErrors(
    double mu, double omega, double alpha1, double gamma1, double beta1, double shape) {

  /** Validates that every component is NaN or a finite non-negative number. */
  public GarchStandardErrors {
    check("mu", mu);
    check("omega", omega);
    check("alpha1", alpha1);
    check("gamma1", gamma1);
    check("beta1", beta1);
    check("shape", shape);
  }

  private static void check(String name, double v) {
    if (!Double.isNaN(v) && !(v >= 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(
          "standard error of " + name + " must be NaN or finite and >= 0 but was " + v);
    }
  }

  /**
   * Standard errors from the diagonal of a covariance matrix in {@link GarchSpec#parameterNames()}
   * order; negative or non-finite variances give {@code NaN}.
   *
   * @param spec the specification that fixes the order
   * @param covariance the {@code k x k} covariance matrix, or null for "not available"
   * @return the standard errors
   */
  static GarchStandardErrors fromCovariance(GarchSpec spec, double[][] covariance) {
    int k = spec.parameterCount();
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      double v = covariance == null ? Double.NaN : covariance[i][i];
      se[i] = v >= 0 && Double.isFinite(v) ? Math.sqrt(v) : Double.NaN;
    }
    int i = 0;
    double mu = spec.mean() == MeanEquation.CONSTANT ? se[i++] : Double.NaN;
    double omega = se[i++];
    double alpha1 = se[i++];
    double gamma1 = spec.variance() == VarianceEquation.GJR ? se[i++] : Double.NaN;
    double beta1 = se[i++];
    double shape = spec.innovations() == Innovations.STUDENT_T ? se[i] : Double.NaN;
    return new GarchStandardErrors(mu, omega, alpha1, gamma1, beta1, shape);
  }

  /**
   * The standard error of a parameter by name.
   *
   * @param name one of {@link GarchSpec#MU}, {@link GarchSpec#OMEGA}, {@link GarchSpec#ALPHA1},
   *     {@link GarchSpec#GAMMA1}, {@link GarchSpec#BETA1}, {@link GarchSpec#SHAPE}
   * @return the standard error (NaN if not estimated)
   * @throws IllegalArgumentException for an unknown name
   */
  public double get(String name) {
    switch (name) {
      case GarchSpec.MU:
        return mu;
      case GarchSpec.OMEGA:
        return omega;
      case GarchSpec.ALPHA1:
        return alpha1;
      case GarchSpec.GAMMA1:
        return gamma1;
      case GarchSpec.BETA1:
        return beta1;
      case GarchSpec.SHAPE:
        return shape;
      default:
        throw new IllegalArgumentException(
            "name must be one of mu, omega, alpha1, gamma1, beta1, shape but was " + name);
    }
  }
}

package dev.tyche.risk.volatility;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of a GARCH maximum-likelihood fit ({@link GarchModel#fit(double[])}).
 *
 * <p>Check {@link #status()} before using the numbers: only {@link GarchFitStatus#CONVERGED} is an
 * interior, covariance-stationary optimum ({@link #isReliable()}). Non-stationary and boundary
 * optima are returned with their status so that callers can inspect them, never as if fine.
 *
 * <p>Standard errors, all in the original parameterisation: {@link #standardErrors()} from the
 * inverse of the negative Hessian of the log-likelihood (central differences of the analytic
 * gradient); {@link #robustStandardErrors()} the Bollerslev and Wooldridge (1992) QML sandwich
 * {@code H^-1 B H^-1} with {@code B} the sum of outer products of the per-observation scores;
 * {@link #opgStandardErrors()} from {@code B^-1} (outer product of gradients, as {@code
 * tseries::garch} reports).
 *
 * <p>Immutable and thread-safe.
 *
 * @param spec the fitted specification
 * @param parameters the maximum-likelihood estimates
 * @param logLikelihood the maximised log-likelihood (with the {@code 0.5 ln(2 pi)} constant)
 * @param standardErrors inverse-Hessian standard errors
 * @param robustStandardErrors QML sandwich standard errors
 * @param opgStandardErrors outer-product-of-gradients standard errors
 * @param status the outcome class
 * @param statusDetail why the optimiser stopped and, if applicable, which bound was hit
 * @param iterations BFGS iterations of the winning start
 * @param gradientNorm largest absolute component of the gradient of the log-likelihood with respect
 *     to the original parameters at the estimate
 * @param starts the number of starting points tried
 * @param conditionalVariances {@code h_1..h_N}, squared return units
 * @param standardisedResiduals {@code z_t = (x_t - mu) / sqrt(h_t)}, {@code t = 1..N}
 */
public record GarchFit(
    GarchSpec spec,
    GarchParameters parameters,
    double logLikelihood,
    GarchStandardErrors standardErrors,
    GarchStandardErrors robustStandardErrors,
    GarchStandardErrors opgStandardErrors,
    GarchFitStatus status,
    String statusDetail,
    int iterations,
    double gradientNorm,
    int starts,
    double[] conditionalVariances,
    double[] standardisedResiduals) {

  /** Validates the components and takes private copies of the arrays. */
  public GarchFit {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(standardErrors, "standardErrors");
    Objects.requireNonNull(robustStandardErrors, "robustStandardErrors");
    Objects.requireNonNull(opgStandardErrors, "opgStandardErrors");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusDetail, "statusDetail");
    Objects.requireNonNull(conditionalVariances, "conditionalVariances");
    Objects.requireNonNull(standardisedResiduals, "standardisedResiduals");
    parameters.requireCompatible(spec);
    if (conditionalVariances.length == 0
        || conditionalVariances.length != standardisedResiduals.length) {
      throw new IllegalArgumentException(
          "conditionalVariances and standardisedResiduals must have the same non-zero length but"
              + " had "
              + conditionalVariances.length
              + " and "
              + standardisedResiduals.length);
    }
    if (iterations < 0 || starts < 0) {
      throw new IllegalArgumentException(
          "iterations and starts must be >= 0 but were " + iterations + " and " + starts);
    }
    conditionalVariances = conditionalVariances.clone();
    standardisedResiduals = standardisedResiduals.clone();
  }

  /**
   * {@code h_1..h_N}.
   *
   * @return a copy of the conditional variances
   */
  @Override
  public double[] conditionalVariances() {
    return conditionalVariances.clone();
  }

  /**
   * {@code z_1..z_N}.
   *
   * @return a copy of the standardised residuals
   */
  @Override
  public double[] standardisedResiduals() {
    return standardisedResiduals.clone();
  }

  /**
   * Whether the optimiser met its convergence criterion (possibly at a boundary or a non-stationary
   * point).
   *
   * @return {@code status() != NOT_CONVERGED}
   */
  public boolean converged() {
    return status != GarchFitStatus.NOT_CONVERGED;
  }

  /**
   * Whether the fit is an interior, stationary, converged optimum.
   *
   * @return {@code status() == CONVERGED}
   */
  public boolean isReliable() {
    return status == GarchFitStatus.CONVERGED;
  }

  /**
   * The number of observations fitted.
   *
   * @return {@code N}
   */
  public int observations() {
    return conditionalVariances.length;
  }

  /**
   * The persistence {@code alpha1 (1 + gamma1^2) + beta1}; see {@link
   * GarchParameters#persistence()}.
   *
   * @return the persistence
   */
  public double persistence() {
    return parameters.persistence();
  }

  /**
   * The half-life of a variance shock in periods; see {@link GarchParameters#halfLife()}.
   *
   * @return the half-life, {@code +Infinity} when the persistence is {@code >= 1}
   */
  public double halfLife() {
    return parameters.halfLife();
  }

  /**
   * The unconditional variance; see {@link GarchParameters#unconditionalVariance()}.
   *
   * @return the variance, {@code NaN} when the persistence is {@code >= 1}
   */
  public double unconditionalVariance() {
    return parameters.unconditionalVariance();
  }

  /**
   * Variance forecasts {@code h_{N+1} .. h_{N+horizon}}: {@code h_{N+1} = omega + alpha1 (|e_N| -
   * gamma1 e_N)^2 + beta1 h_N}, then {@code h_{N+k} = omega + persistence h_{N+k-1}} (fGarch's
   * {@code predict}; the README of the reference cases gives the same recursion).
   *
   * @param horizon number of steps, {@code >= 1}
   * @return the forecasts in squared return units
   * @throws IllegalArgumentException if {@code horizon < 1}
   */
  public double[] varianceForecast(int horizon) {
    int last = conditionalVariances.length - 1;
    double hN = conditionalVariances[last];
    double eN = standardisedResiduals[last] * Math.sqrt(hN);
    return GarchModel.forecast(parameters, eN, hN, horizon);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GarchFit)) {
      return false;
    }
    GarchFit f = (GarchFit) o;
    return spec.equals(f.spec)
        && parameters.equals(f.parameters)
        && Double.compare(logLikelihood, f.logLikelihood) == 0
        && standardErrors.equals(f.standardErrors)
        && robustStandardErrors.equals(f.robustStandardErrors)
        && opgStandardErrors.equals(f.opgStandardErrors)
        && status == f.status
        && statusDetail.equals(f.statusDetail)
        && iterations == f.iterations
        && Double.compare(gradientNorm, f.gradientNorm) == 0
        && starts == f.starts
        && Arrays.equals(conditionalVariances, f.conditionalVariances)
        && Arrays.equals(standardisedResiduals, f.standardisedResiduals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, parameters, logLikelihood, status, iterations)
        + 31 * Arrays.hashCode(conditionalVariances);
  }

  @Override
  public String toString() {
    return "GarchFit[spec="
        + spec
        + ", parameters="
        + parameters
        + ", logLikelihood="
        + logLikelihood
        + ", status="
        + status
        + " ("
        + statusDetail
        + "), iterations="
        + iterations
        + ", gradientNorm="
        + gradientNorm
        + ", n="
        + conditionalVariances.length
        + "]";
  }
}

package dev.tyche.execution.schedule;

import dev.tyche.core.Require;

/**
 * The result of {@link LinearImpactCalibration#fit}: estimates of the linear impact coefficients
 * with their standard errors.
 *
 * <p>The estimates are what the data say; they may fall outside the model's domain (a negative
 * {@code eta} from too few or too noisy fills). {@link #impact()} validates them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param epsilon estimated fixed cost per share, currency per share
 * @param eta estimated temporary impact, currency x time / share²
 * @param gamma estimated permanent impact, currency / share²
 * @param epsilonStandardError standard error of {@code epsilon}
 * @param etaStandardError standard error of {@code eta}
 * @param gammaStandardError standard error of {@code gamma}
 * @param rSquared the GLS R² {@code 1 - SSR / SSR_0} against the intercept-only fit, at most 1
 * @param residualVarianceRatio {@code s^2}, the whitened residual sum of squares over {@code n -
 *     3}: near 1 when price diffusion at the stated volatilities explains the scatter; well above 1
 *     means other noise or understated volatilities (the standard errors already include it)
 * @param observations the number of fills used
 */
public record LinearImpactFit(
    double epsilon,
    double eta,
    double gamma,
    double epsilonStandardError,
    double etaStandardError,
    double gammaStandardError,
    double rSquared,
    double residualVarianceRatio,
    int observations) {

  /** Validates that every number is finite. */
  public LinearImpactFit {
    Require.finite("epsilon", epsilon);
    Require.finite("eta", eta);
    Require.finite("gamma", gamma);
    Require.nonNegative("epsilonStandardError", epsilonStandardError);
    Require.nonNegative("etaStandardError", etaStandardError);
    Require.nonNegative("gammaStandardError", gammaStandardError);
    Require.finite("rSquared", rSquared);
    Require.nonNegative("residualVarianceRatio", residualVarianceRatio);
    if (observations < 4) {
      throw new IllegalArgumentException("observations must be >= 4 but was " + observations);
    }
  }

  /**
   * The estimates as a model for {@link AlmgrenChrissParameters}.
   *
   * @return {@code LinearImpact(epsilon, eta, gamma)}
   * @throws IllegalArgumentException if an estimate is outside the model's domain ({@code epsilon <
   *     0}, {@code eta <= 0} or {@code gamma < 0})
   */
  public LinearImpact impact() {
    return new LinearImpact(epsilon, eta, gamma);
  }
}

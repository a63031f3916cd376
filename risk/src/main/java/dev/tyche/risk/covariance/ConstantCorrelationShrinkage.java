package dev.tyche.risk.covariance;

import java.util.Locale;
import java.util.Objects;

/**
 * The constant-correlation shrinkage estimate with the intermediate quantities of Ledoit and Wolf
 * (2004), "Honey, I shrunk the sample covariance matrix", J. Portfolio Management 30(4), section 2
 * and Appendix B: the optimal intensity is {@code delta = max(0, min(1, kappa/T))} with {@code
 * kappa = (pi - rho)/gamma}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimate the shrunk covariance, its target and the intensity
 * @param variant which sample covariance was used where
 * @param meanCorrelation {@code rbar}, the mean of the {@code N(N-1)} off-diagonal sample
 *     correlations
 * @param piHat {@code pi}, the summed asymptotic variances of the sample covariances
 * @param rhoHat {@code rho}, the summed asymptotic covariances between target and sample
 * @param gammaHat {@code gamma = ||F - S||_F^2}, the misspecification of the target
 * @param kappaHat {@code (pi - rho)/gamma}; {@code NaN} when {@code gamma = 0} (then {@code S}
 *     already equals {@code F}, any intensity gives the same matrix and 0 is reported)
 */
public record ConstantCorrelationShrinkage(
    ShrunkCovariance estimate,
    ConstantCorrelationVariant variant,
    double meanCorrelation,
    double piHat,
    double rhoHat,
    double gammaHat,
    double kappaHat) {

  /** Validates the fields. */
  public ConstantCorrelationShrinkage {
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(variant, "variant");
    if (estimate.target() != ShrinkageTarget.CONSTANT_CORRELATION) {
      throw new IllegalArgumentException(
          "estimate.target must be CONSTANT_CORRELATION but was " + estimate.target());
    }
    if (!(meanCorrelation >= -1.0 - 1e-12 && meanCorrelation <= 1.0 + 1e-12)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "meanCorrelation must be in [-1, 1] but was %s", meanCorrelation));
    }
    if (!Double.isFinite(piHat) || !Double.isFinite(rhoHat)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "piHat and rhoHat must be finite but were %s and %s", piHat, rhoHat));
    }
    if (!(gammaHat >= 0.0) || Double.isInfinite(gammaHat)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "gammaHat must be finite and >= 0 but was %s", gammaHat));
    }
    if (Double.isNaN(kappaHat) != (gammaHat == 0.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "kappaHat must be NaN exactly when gammaHat is 0 but kappaHat=%s, gammaHat=%s",
              kappaHat,
              gammaHat));
    }
  }

  /**
   * The shrinkage intensity, a shortcut for {@code estimate().shrinkage()}.
   *
   * @return {@code delta} in {@code [0, 1]}
   */
  public double shrinkage() {
    return estimate.shrinkage();
  }

  /**
   * The shrunk covariance, a shortcut for {@code estimate().covariance()}.
   *
   * @return a copy of the {@code N x N} matrix
   */
  public double[][] covariance() {
    return estimate.covariance();
  }
}

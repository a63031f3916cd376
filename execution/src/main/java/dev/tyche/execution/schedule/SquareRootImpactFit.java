package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import java.util.Objects;

/**
 * The result of {@link SquareRootImpactCalibration#fit}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the fitted law ({@code Y} and the fixed exponent)
 * @param standardError the classical OLS standard error of {@code Y}
 * @param robustStandardError the heteroskedasticity-consistent (White HC1) standard error of {@code
 *     Y}; prefer it when costs scatter more for larger orders
 * @param rSquared the uncentred R² {@code 1 - sum e^2 / sum y^2} (the model has no intercept)
 * @param residualStandardDeviation {@code sqrt(sum e^2 / (n - 1))}, basis points
 * @param observations the number of parent orders used
 */
public record SquareRootImpactFit(
    SquareRootImpact model,
    double standardError,
    double robustStandardError,
    double rSquared,
    double residualStandardDeviation,
    int observations) {

  /** Validates the fields. */
  public SquareRootImpactFit {
    Objects.requireNonNull(model, "model");
    Require.nonNegative("standardError", standardError);
    Require.nonNegative("robustStandardError", robustStandardError);
    Require.finite("rSquared", rSquared);
    Require.nonNegative("residualStandardDeviation", residualStandardDeviation);
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be >= 2 but was " + observations);
    }
  }

  /**
   * The fitted coefficient.
   *
   * @return {@code Y}
   */
  public double coefficient() {
    return model.coefficient();
  }
}

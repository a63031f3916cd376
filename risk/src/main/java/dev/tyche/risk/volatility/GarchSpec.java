package dev.tyche.risk.volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The specification of a GARCH(1,1)-family model: mean equation, variance equation, innovation
 * distribution and start-up of the variance recursion.
 *
 * <p>The estimated parameters, in this order, are {@code mu} (only for {@link
 * MeanEquation#CONSTANT}), {@code omega}, {@code alpha1}, {@code gamma1} (only for {@link
 * VarianceEquation#GJR}), {@code beta1} and {@code shape} (only for {@link Innovations#STUDENT_T});
 * {@link #parameterNames()} lists them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mean the mean equation
 * @param variance the variance equation
 * @param innovations the innovation distribution
 * @param startUp the start-up of the variance recursion
 */
public record GarchSpec(
    MeanEquation mean,
    VarianceEquation variance,
    Innovations innovations,
    VarianceStartUp startUp) {

  /** Parameter name of the constant mean. */
  public static final String MU = "mu";

  /** Parameter name of the variance intercept. */
  public static final String OMEGA = "omega";

  /** Parameter name of the ARCH coefficient. */
  public static final String ALPHA1 = "alpha1";

  /** Parameter name of the APARCH asymmetry coefficient. */
  public static final String GAMMA1 = "gamma1";

  /** Parameter name of the GARCH coefficient. */
  public static final String BETA1 = "beta1";

  /** Parameter name of the Student-t shape (degrees of freedom). */
  public static final String SHAPE = "shape";

  /** Validates that no component is null. */
  public GarchSpec {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(variance, "variance");
    Objects.requireNonNull(innovations, "innovations");
    Objects.requireNonNull(startUp, "startUp");
  }

  /**
   * fGarch's default model {@code ~garch(1,1)}: constant mean, normal innovations, {@link
   * VarianceStartUp#FGARCH_MCI}.
   *
   * @return the specification
   */
  public static GarchSpec garch() {
    return new GarchSpec(
        MeanEquation.CONSTANT,
        VarianceEquation.GARCH,
        Innovations.NORMAL,
        VarianceStartUp.FGARCH_MCI);
  }

  /**
   * fGarch's {@code ~aparch(1,1)} with {@code delta = 2}: constant mean, normal innovations, {@link
   * VarianceStartUp#FGARCH_MCI}.
   *
   * @return the specification
   */
  public static GarchSpec gjr() {
    return new GarchSpec(
        MeanEquation.CONSTANT,
        VarianceEquation.GJR,
        Innovations.NORMAL,
        VarianceStartUp.FGARCH_MCI);
  }

  /**
   * The zero-mean normal GARCH(1,1) of {@code tseries::garch}: {@code h_1 = mean(x^2)} and the
   * likelihood over {@code t = 2..N}.
   *
   * @return the specification
   */
  public static GarchSpec tseries() {
    return new GarchSpec(
        MeanEquation.ZERO, VarianceEquation.GARCH, Innovations.NORMAL, VarianceStartUp.TSERIES);
  }

  /**
   * A copy with another mean equation.
   *
   * @param newMean the mean equation
   * @return the copy
   */
  public GarchSpec withMean(MeanEquation newMean) {
    return new GarchSpec(newMean, variance, innovations, startUp);
  }

  /**
   * A copy with another variance equation.
   *
   * @param newVariance the variance equation
   * @return the copy
   */
  public GarchSpec withVariance(VarianceEquation newVariance) {
    return new GarchSpec(mean, newVariance, innovations, startUp);
  }

  /**
   * A copy with another innovation distribution.
   *
   * @param newInnovations the distribution
   * @return the copy
   */
  public GarchSpec withInnovations(Innovations newInnovations) {
    return new GarchSpec(mean, variance, newInnovations, startUp);
  }

  /**
   * A copy with another start-up of the variance recursion.
   *
   * @param newStartUp the start-up
   * @return the copy
   */
  public GarchSpec withStartUp(VarianceStartUp newStartUp) {
    return new GarchSpec(mean, variance, innovations, newStartUp);
  }

  /**
   * The names of the estimated parameters in the order used for vectors and matrices.
   *
   * @return the names, for example {@code [mu, omega, alpha1, beta1]}
   */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>(6);
    if (mean == MeanEquation.CONSTANT) {
      names.add(MU);
    }
    names.add(OMEGA);
    names.add(ALPHA1);
    if (variance == VarianceEquation.GJR) {
      names.add(GAMMA1);
    }
    names.add(BETA1);
    if (innovations == Innovations.STUDENT_T) {
      names.add(SHAPE);
    }
    return List.copyOf(names);
  }

  /**
   * The number of estimated parameters.
   *
   * @return between 3 and 6
   */
  public int parameterCount() {
    return 3
        + (mean == MeanEquation.CONSTANT ? 1 : 0)
        + (variance == VarianceEquation.GJR ? 1 : 0)
        + (innovations == Innovations.STUDENT_T ? 1 : 0);
  }
}

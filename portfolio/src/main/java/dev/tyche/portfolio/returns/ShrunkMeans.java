package dev.tyche.portfolio.returns;

import java.util.Arrays;
import java.util.Objects;

/**
 * Shrunk expected returns {@code mu = (1 - phi) mu_hat + phi mu_0 1} with the intensity that was
 * used, built by {@link ExpectedReturns#jamesStein(double[][], MeanShrinkageTarget)}. Arrays are
 * copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param means the shrunk means, one per asset, per period
 * @param sampleMeans the sample means {@code mu_hat}, per period
 * @param target the common value {@code mu_0} the means are shrunk toward, per period
 * @param targetKind how {@code target} was chosen
 * @param intensity the shrinkage intensity {@code phi}, in [0, 1] (0 = sample means, 1 = all equal
 *     to the target)
 */
public record ShrunkMeans(
    double[] means,
    double[] sampleMeans,
    double target,
    MeanShrinkageTarget targetKind,
    double intensity) {

  /** Validates the fields and copies the arrays. */
  public ShrunkMeans {
    Inputs.finite(means, "means");
    Inputs.finite(sampleMeans, "sampleMeans");
    if (sampleMeans.length != means.length) {
      throw new IllegalArgumentException(
          "sampleMeans must have the length of means ("
              + means.length
              + ") but had length "
              + sampleMeans.length);
    }
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("target must be finite but was " + target);
    }
    Objects.requireNonNull(targetKind, "targetKind must not be null");
    if (!(intensity >= 0.0 && intensity <= 1.0)) {
      throw new IllegalArgumentException("intensity must be in [0, 1] but was " + intensity);
    }
    means = means.clone();
    sampleMeans = sampleMeans.clone();
  }

  /**
   * The shrunk means.
   *
   * @return a copy, per period, one per asset
   */
  @Override
  public double[] means() {
    return means.clone();
  }

  /**
   * The sample means.
   *
   * @return a copy, per period, one per asset
   */
  @Override
  public double[] sampleMeans() {
    return sampleMeans.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShrunkMeans s
        && Arrays.equals(means, s.means)
        && Arrays.equals(sampleMeans, s.sampleMeans)
        && Double.compare(target, s.target) == 0
        && targetKind == s.targetKind
        && Double.compare(intensity, s.intensity) == 0;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(means);
    h = 31 * h + Arrays.hashCode(sampleMeans);
    h = 31 * h + Double.hashCode(target);
    h = 31 * h + targetKind.hashCode();
    return 31 * h + Double.hashCode(intensity);
  }

  @Override
  public String toString() {
    return "ShrunkMeans[means="
        + Arrays.toString(means)
        + ", sampleMeans="
        + Arrays.toString(sampleMeans)
        + ", target="
        + target
        + ", targetKind="
        + targetKind
        + ", intensity="
        + intensity
        + "]";
  }
}

package dev.tyche.risk.covariance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A shrinkage estimate {@code Sigma = delta F + (1 - delta) S}, with the intensity {@code delta},
 * the target {@code F} and the sample covariance {@code S} it was built from.
 *
 * <p>Arrays are copied in and out, so an instance cannot be changed through them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the kind of target
 * @param shrinkage the intensity {@code delta} in {@code [0, 1]}
 * @param covariance the shrunk {@code N x N} covariance {@code Sigma}
 * @param targetMatrix the {@code N x N} target {@code F}
 * @param sampleCovariance the {@code N x N} sample covariance {@code S} that was shrunk
 */
public record ShrunkCovariance(
    ShrinkageTarget target,
    double shrinkage,
    double[][] covariance,
    double[][] targetMatrix,
    double[][] sampleCovariance) {

  /** Validates and copies the arrays. */
  public ShrunkCovariance {
    Objects.requireNonNull(target, "target");
    if (!(shrinkage >= 0.0 && shrinkage <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "shrinkage must be in [0, 1] but was %s", shrinkage));
    }
    int n = Matrices.requireSquare(covariance, "covariance");
    if (Matrices.requireSquare(targetMatrix, "targetMatrix") != n
        || Matrices.requireSquare(sampleCovariance, "sampleCovariance") != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "covariance, targetMatrix and sampleCovariance must all be %dx%d but were %d, %d, %d",
              n,
              n,
              n,
              targetMatrix.length,
              sampleCovariance.length));
    }
    covariance = Matrices.copy(covariance);
    targetMatrix = Matrices.copy(targetMatrix);
    sampleCovariance = Matrices.copy(sampleCovariance);
  }

  /**
   * The shrunk covariance.
   *
   * @return a copy of the {@code N x N} matrix
   */
  @Override
  public double[][] covariance() {
    return Matrices.copy(covariance);
  }

  /**
   * The shrinkage target.
   *
   * @return a copy of the {@code N x N} target matrix
   */
  @Override
  public double[][] targetMatrix() {
    return Matrices.copy(targetMatrix);
  }

  /**
   * The sample covariance that was shrunk.
   *
   * @return a copy of the {@code N x N} matrix
   */
  @Override
  public double[][] sampleCovariance() {
    return Matrices.copy(sampleCovariance);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShrunkCovariance other
        && target == other.target
        && Double.compare(shrinkage, other.shrinkage) == 0
        && Arrays.deepEquals(covariance, other.covariance)
        && Arrays.deepEquals(targetMatrix, other.targetMatrix)
        && Arrays.deepEquals(sampleCovariance, other.sampleCovariance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        target,
        shrinkage,
        Arrays.deepHashCode(covariance),
        Arrays.deepHashCode(targetMatrix),
        Arrays.deepHashCode(sampleCovariance));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ShrunkCovariance[target=%s, shrinkage=%s, covariance=%s]",
        target,
        shrinkage,
        Arrays.deepToString(covariance));
  }
}

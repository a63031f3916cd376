package dev.tyche.risk.var;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of one-period simple returns that Monte Carlo VaR draws from ({@link
 * ValueAtRisk#monteCarlo(ReturnDistribution, double, int, long)}).
 *
 * <p>Immutable and thread-safe (the random generator is passed in by the caller).
 */
public sealed interface ReturnDistribution
    permits ReturnDistribution.Normal, ReturnDistribution.StudentT {

  /**
   * Draws one return.
   *
   * @param rng the source of randomness, advanced by the draw
   * @return one simulated return
   */
  double draw(RandomGenerator rng);

  /**
   * Normal returns {@code mean + sd * Z}, {@code Z ~ N(0, 1)} drawn with {@link
   * RandomGenerator#nextGaussian()}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param mean the mean return per period
   * @param sd the standard deviation per period, {@code > 0}
   */
  record Normal(double mean, double sd) implements ReturnDistribution {

    /** Validates the parameters. */
    public Normal {
      Samples.requireFinite("mean", mean);
      Samples.requirePositive("sd", sd);
    }

    @Override
    public double draw(RandomGenerator rng) {
      return mean + sd * Objects.requireNonNull(rng, "rng").nextGaussian();
    }
  }

  /**
   * Location-scale Student-t returns {@code location + scale * T}, {@code T ~ t(nu)}. The standard
   * deviation is {@code scale * sqrt(nu / (nu - 2))} for {@code nu > 2}; to get a unit-variance
   * ("standardised") t of standard deviation {@code s}, pass {@code scale = s * sqrt((nu - 2) /
   * nu)}.
   *
   * <p>{@code T = Z / sqrt(V / nu)} with {@code Z} standard normal and {@code V = 2 G}, {@code G}
   * gamma with shape {@code nu / 2}, drawn by Marsaglia and Tsang, "A simple method for generating
   * gamma variables", ACM TOMS 26(3), 2000 (with their {@code U^(1/a)} boost for shape below 1).
   *
   * <p>Immutable and thread-safe.
   *
   * @param location the location (the mean, for {@code nu > 1})
   * @param scale the scale, {@code > 0}
   * @param degreesOfFreedom {@code nu >= 1}, finite
   */
  record StudentT(double location, double scale, double degreesOfFreedom)
      implements ReturnDistribution {

    /** Validates the parameters. */
    public StudentT {
      Samples.requireFinite("location", location);
      Samples.requirePositive("scale", scale);
      if (!(degreesOfFreedom >= 1.0) || !Double.isFinite(degreesOfFreedom)) {
        throw new IllegalArgumentException(
            "degreesOfFreedom must be finite and >= 1 but was " + degreesOfFreedom);
      }
    }

    @Override
    public double draw(RandomGenerator rng) {
      Objects.requireNonNull(rng, "rng");
      double z = rng.nextGaussian();
      double v = 2.0 * gamma(rng, 0.5 * degreesOfFreedom);
      return location + scale * z / Math.sqrt(v / degreesOfFreedom);
    }

    private static double gamma(RandomGenerator rng, double shape) {
      if (shape < 1.0) {
        // Marsaglia-Tsang section 6: G(a) = G(a + 1) * U^(1/a); U in (0, 1] avoids a zero.
        double u = 1.0 - rng.nextDouble();
        return gamma(rng, shape + 1.0) * Math.pow(u, 1.0 / shape);
      }
      double d = shape - 1.0 / 3.0;
      double c = 1.0 / Math.sqrt(9.0 * d);
      while (true) {
        double x = rng.nextGaussian();
        double v = 1.0 + c * x;
        if (v <= 0.0) {
          continue;
        }
        v = v * v * v;
        double u = 1.0 - rng.nextDouble();
        if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
          return d * v;
        }
      }
    }
  }
}

package dev.tyche.risk.volatility;

/**
 * Settings of the GARCH maximum-likelihood optimiser.
 *
 * <p>Every fit runs BFGS from a fixed set of deterministic starting points plus {@code
 * randomStarts} points drawn from a generator seeded with {@code seed}, and keeps the highest
 * likelihood; the same data and options always give the same fit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxIterations BFGS iterations per start, {@code >= 1}
 * @param gradientTolerance convergence threshold on the largest absolute component of the gradient
 *     of the mean negative log-likelihood per observation with respect to the unconstrained
 *     (transformed) parameters; finite and {@code > 0}
 * @param randomStarts number of seeded random starting points on top of the deterministic ones,
 *     {@code >= 0}
 * @param seed seed of the random starting points
 */
public record GarchFitOptions(
    int maxIterations, double gradientTolerance, int randomStarts, long seed) {

  /** Validates the ranges. */
  public GarchFitOptions {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1 but was " + maxIterations);
    }
    if (!(gradientTolerance > 0) || !Double.isFinite(gradientTolerance)) {
      throw new IllegalArgumentException(
          "gradientTolerance must be finite and > 0 but was " + gradientTolerance);
    }
    if (randomStarts < 0) {
      throw new IllegalArgumentException("randomStarts must be >= 0 but was " + randomStarts);
    }
  }

  /**
   * The defaults: 500 iterations, gradient tolerance {@code 1e-9}, 2 random starts, seed 1.
   *
   * @return the default options
   */
  public static GarchFitOptions defaults() {
    return new GarchFitOptions(500, 1e-9, 2, 1L);
  }

  /**
   * A copy with another number of random starts.
   *
   * @param n random starts, {@code >= 0}
   * @return the copy
   */
  public GarchFitOptions withRandomStarts(int n) {
    return new GarchFitOptions(maxIterations, gradientTolerance, n, seed);
  }

  /**
   * A copy with another seed.
   *
   * @param newSeed the seed
   * @return the copy
   */
  public GarchFitOptions withSeed(long newSeed) {
    return new GarchFitOptions(maxIterations, gradientTolerance, randomStarts, newSeed);
  }

  /**
   * A copy with another iteration limit.
   *
   * @param n iterations per start, {@code >= 1}
   * @return the copy
   */
  public GarchFitOptions withMaxIterations(int n) {
    return new GarchFitOptions(n, gradientTolerance, randomStarts, seed);
  }
}

package dev.tyche.risk.volatility;

/**
 * Settings of the GARCH maximum-likelihood optimiser.
 *
 * <p>Every fit runs BFGS from a fixed set of deterministic starting points plus {@code
 * randomStarts} points drawn from a generator seeded with {@code seed}, and keeps the highest
 * likelihood; the same data and options always give the same fit. With {@code
 * stopWhenTwoStartsAgree} (the default) the starts are tried in order until two of them converge to
 * the same optimum (mean log-likelihood within 1e-10 relative and every transformed parameter
 * within 1e-5), which is the usual case on well-behaved data and halves the cost; {@link
 * #exhaustive()} tries every start.
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
 * @param stopWhenTwoStartsAgree stop trying further starts once two converged to the same optimum
 */
public record GarchFitOptions(
    int maxIterations,
    double gradientTolerance,
    int randomStarts,
    long seed,
    boolean stopWhenTwoStartsAgree) {

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
   * Options that stop once two starts agree.
   *
   * @param maxIterations BFGS iterations per start
   * @param gradientTolerance convergence threshold, see the class description
   * @param randomStarts seeded random starts on top of the deterministic ones
   * @param seed seed of the random starts
   */
  public GarchFitOptions(int maxIterations, double gradientTolerance, int randomStarts, long seed) {
    this(maxIterations, gradientTolerance, randomStarts, seed, true);
  }

  /**
   * The defaults: 500 iterations, gradient tolerance {@code 1e-9}, 2 random starts, seed 1, stop
   * when two starts agree.
   *
   * @return the default options
   */
  public static GarchFitOptions defaults() {
    return new GarchFitOptions(500, 1e-9, 2, 1L, true);
  }

  /**
   * A copy that tries every starting point, even after two have agreed.
   *
   * @return the copy
   */
  public GarchFitOptions exhaustive() {
    return new GarchFitOptions(maxIterations, gradientTolerance, randomStarts, seed, false);
  }

  /**
   * A copy with another number of random starts.
   *
   * @param n random starts, {@code >= 0}
   * @return the copy
   */
  public GarchFitOptions withRandomStarts(int n) {
    return new GarchFitOptions(maxIterations, gradientTolerance, n, seed, stopWhenTwoStartsAgree);
  }

  /**
   * A copy with another seed.
   *
   * @param newSeed the seed
   * @return the copy
   */
  public GarchFitOptions withSeed(long newSeed) {
    return new GarchFitOptions(
        maxIterations, gradientTolerance, randomStarts, newSeed, stopWhenTwoStartsAgree);
  }

  /**
   * A copy with another iteration limit.
   *
   * @param n iterations per start, {@code >= 1}
   * @return the copy
   */
  public GarchFitOptions withMaxIterations(int n) {
    return new GarchFitOptions(n, gradientTolerance, randomStarts, seed, stopWhenTwoStartsAgree);
  }
}

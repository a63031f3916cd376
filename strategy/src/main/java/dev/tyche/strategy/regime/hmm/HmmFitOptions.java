package dev.tyche.strategy.regime.hmm;

/**
 * Settings of a {@link GaussianHmmFitter} run. Start from {@link #defaults(int)} and adjust with
 * the {@code withX} copies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param numStates number of hidden states K, {@code >= 1}
 * @param covarianceType covariance shape for multivariate data (ignored for univariate data)
 * @param initialState how the distribution of the first state is treated
 * @param randomStarts number of seeded random starts in addition to the two quantile starts, {@code
 *     >= 0}
 * @param seed seed of the random starts
 * @param maxIterations EM iteration limit for the best start, and the BFGS iteration limit of the
 *     ergodic polish, {@code >= 1}
 * @param tolerance EM stops when the log-likelihood gain of an iteration is below {@code tolerance
 *     * (1 + |logLik|)}; {@code > 0}. With {@link InitialStateFit#ERGODIC} EM only starts the BFGS
 *     polish and uses at least {@code 1e-6}; the polish's gradient test decides convergence
 * @param screeningIterations EM iterations given to every start before only the best one continues,
 *     {@code >= 1}; use {@code maxIterations} to run every start to convergence
 * @param varianceFloor lower bound on every state variance (diagonal) or added to the covariance
 *     diagonal (full), as a fraction of the sample variance of each coordinate; {@code > 0}
 * @param gradientTolerance BFGS stops when the max-norm of the gradient of the per-observation
 *     log-likelihood (in the fitter's internal parametrisation) is below this, {@code > 0}
 */
public record HmmFitOptions(
    int numStates,
    CovarianceType covarianceType,
    InitialStateFit initialState,
    int randomStarts,
    long seed,
    int maxIterations,
    double tolerance,
    int screeningIterations,
    double varianceFloor,
    double gradientTolerance) {

  /** Validates every setting. */
  public HmmFitOptions {
    if (numStates < 1) {
      throw new IllegalArgumentException("numStates K must be >= 1 but was " + numStates);
    }
    if (covarianceType == null) {
      throw new NullPointerException("covarianceType must not be null");
    }
    if (initialState == null) {
      throw new NullPointerException("initialState must not be null");
    }
    if (randomStarts < 0) {
      throw new IllegalArgumentException("randomStarts must be >= 0 but was " + randomStarts);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1 but was " + maxIterations);
    }
    if (!(tolerance > 0.0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and > 0 but was " + tolerance);
    }
    if (screeningIterations < 1) {
      throw new IllegalArgumentException(
          "screeningIterations must be >= 1 but was " + screeningIterations);
    }
    if (!(varianceFloor > 0.0) || !(varianceFloor < 1.0)) {
      throw new IllegalArgumentException(
          "varianceFloor must be in (0, 1) (fraction of the sample variance) but was "
              + varianceFloor);
    }
    if (!(gradientTolerance > 0.0) || Double.isInfinite(gradientTolerance)) {
      throw new IllegalArgumentException(
          "gradientTolerance must be finite and > 0 but was " + gradientTolerance);
    }
  }

  /**
   * Defaults: diagonal covariances, ergodic initial distribution (statsmodels' convention), 4
   * random starts with seed 1, 500 iterations, EM tolerance {@code 1e-9}, 5 screening iterations,
   * variance floor {@code 1e-4} of the sample variance, gradient tolerance {@code 1e-7}.
   *
   * <p>5 screening iterations (10 before): on the benchmark series (K = 3, T = 10,000) and four
   * further seeds of the same model the selected start's EM and BFGS polish reach the same optimum
   * as with 10 (log-likelihoods differ by at most 7e-10, i.e. the polish's gradient tolerance), and
   * the {@code msm_*} reference fits agree to the 10 printed decimals; a fit makes about 30 fewer
   * screening passes, of which the longer EM run of the selected start takes back some. A start
   * that only overtakes the others after more than 5 EM iterations is no longer selected; raise the
   * screening iterations with {@link #withIterations} if that matters.
   *
   * @param numStates K
   * @return the default options
   */
  public static HmmFitOptions defaults(int numStates) {
    return new HmmFitOptions(
        numStates,
        CovarianceType.DIAGONAL,
        InitialStateFit.ERGODIC,
        4,
        1L,
        500,
        1e-9,
        5,
        1e-4,
        1e-7);
  }

  /**
   * Copy with another covariance type.
   *
   * @param type the covariance type
   * @return the copy
   */
  public HmmFitOptions withCovarianceType(CovarianceType type) {
    return new HmmFitOptions(
        numStates,
        type,
        initialState,
        randomStarts,
        seed,
        maxIterations,
        tolerance,
        screeningIterations,
        varianceFloor,
        gradientTolerance);
  }

  /**
   * Copy with another initial-state treatment.
   *
   * @param mode the treatment
   * @return the copy
   */
  public HmmFitOptions withInitialState(InitialStateFit mode) {
    return new HmmFitOptions(
        numStates,
        covarianceType,
        mode,
        randomStarts,
        seed,
        maxIterations,
        tolerance,
        screeningIterations,
        varianceFloor,
        gradientTolerance);
  }

  /**
   * Copy with other random starts.
   *
   * @param starts number of random starts
   * @param newSeed their seed
   * @return the copy
   */
  public HmmFitOptions withRandomStarts(int starts, long newSeed) {
    return new HmmFitOptions(
        numStates,
        covarianceType,
        initialState,
        starts,
        newSeed,
        maxIterations,
        tolerance,
        screeningIterations,
        varianceFloor,
        gradientTolerance);
  }

  /**
   * Copy with other iteration limits.
   *
   * @param max EM and BFGS iteration limit
   * @param screening EM iterations per start before selection
   * @return the copy
   */
  public HmmFitOptions withIterations(int max, int screening) {
    return new HmmFitOptions(
        numStates,
        covarianceType,
        initialState,
        randomStarts,
        seed,
        max,
        tolerance,
        screening,
        varianceFloor,
        gradientTolerance);
  }

  /**
   * Copy with other convergence tolerances.
   *
   * @param emTolerance relative EM log-likelihood gain
   * @param bfgsGradientTolerance BFGS gradient max-norm per observation
   * @return the copy
   */
  public HmmFitOptions withTolerances(double emTolerance, double bfgsGradientTolerance) {
    return new HmmFitOptions(
        numStates,
        covarianceType,
        initialState,
        randomStarts,
        seed,
        maxIterations,
        emTolerance,
        screeningIterations,
        varianceFloor,
        bfgsGradientTolerance);
  }

  /**
   * Copy with another variance floor.
   *
   * @param floor fraction of the sample variance of each coordinate
   * @return the copy
   */
  public HmmFitOptions withVarianceFloor(double floor) {
    return new HmmFitOptions(
        numStates,
        covarianceType,
        initialState,
        randomStarts,
        seed,
        maxIterations,
        tolerance,
        screeningIterations,
        floor,
        gradientTolerance);
  }
}

package dev.tyche.strategy.regime.hmm;

/**
 * Result of a {@link GaussianHmmFitter} run: the fitted model (states in canonical order, see
 * {@link GaussianHmm#canonical()}), its log-likelihood, a convergence report and information
 * criteria.
 *
 * <p>Free parameters {@code p}: {@code K(K-1)} transition probabilities, {@code K-1} initial
 * probabilities only for {@link InitialStateFit#ESTIMATED} (none for ergodic), {@code K d} means
 * and {@code K d} (diagonal) or {@code K d (d+1)/2} (full) covariance entries. For a univariate
 * two-state ergodic model, {@code p = 6}, as in statsmodels. {@code AIC = 2p - 2 lnL}, {@code BIC =
 * p ln T - 2 lnL} (Akaike 1974; Schwarz 1978); smaller is better when choosing K.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the fitted model, states in canonical order
 * @param logLikelihood {@code ln p(x_1..x_T)} of the data under {@code model}
 * @param status how the run ended
 * @param emIterations EM iterations of the selected start, screening included
 * @param polishIterations BFGS iterations of the ergodic polish (0 for {@link
 *     InitialStateFit#ESTIMATED})
 * @param gradientNorm max-norm of the per-observation gradient at the end of the polish (NaN when
 *     there was no polish)
 * @param freeParameters number of free parameters {@code p}
 * @param observations number of observations T
 * @param logLikelihoodTrace EM log-likelihood before each M-step of the selected start, then the
 *     final EM value (non-decreasing up to rounding); copied
 * @param startLogLikelihoods log-likelihood of every start after screening, in the order quantile
 *     start, dispersion start, random starts; copied
 */
public record HmmFit(
    GaussianHmm model,
    double logLikelihood,
    HmmFitStatus status,
    int emIterations,
    int polishIterations,
    double gradientNorm,
    int freeParameters,
    int observations,
    double[] logLikelihoodTrace,
    double[] startLogLikelihoods) {

  /** Copies the arrays. */
  public HmmFit {
    logLikelihoodTrace = logLikelihoodTrace.clone();
    startLogLikelihoods = startLogLikelihoods.clone();
  }

  /**
   * Whether every stopping tolerance was met ({@code status == CONVERGED}).
   *
   * @return true when converged
   */
  public boolean toleranceReached() {
    return status == HmmFitStatus.CONVERGED;
  }

  /**
   * Akaike information criterion {@code 2p - 2 lnL}.
   *
   * @return AIC
   */
  public double aic() {
    return 2.0 * freeParameters - 2.0 * logLikelihood;
  }

  /**
   * Bayesian (Schwarz) information criterion {@code p ln T - 2 lnL}.
   *
   * @return BIC
   */
  public double bic() {
    return freeParameters * Math.log(observations) - 2.0 * logLikelihood;
  }

  /**
   * The EM trace.
   *
   * @return a copy of the trace
   */
  @Override
  public double[] logLikelihoodTrace() {
    return logLikelihoodTrace.clone();
  }

  /**
   * The screening log-likelihoods.
   *
   * @return a copy, one per start
   */
  @Override
  public double[] startLogLikelihoods() {
    return startLogLikelihoods.clone();
  }

  /**
   * Number of free parameters of a Gaussian HMM (see the class comment).
   *
   * @param numStates K
   * @param dimension d
   * @param type covariance type (ignored when d = 1)
   * @param initialState whether the initial distribution is free
   * @return p
   */
  public static int freeParameters(
      int numStates, int dimension, CovarianceType type, InitialStateFit initialState) {
    int k = numStates;
    int d = dimension;
    int covPerState = (type == CovarianceType.FULL && d > 1) ? d * (d + 1) / 2 : d;
    int init = initialState == InitialStateFit.ESTIMATED ? k - 1 : 0;
    return k * (k - 1) + init + k * d + k * covPerState;
  }
}

package dev.tyche.strategy.regime.hmm;

/**
 * How a {@link GaussianHmmFitter} run ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum HmmFitStatus {
  /**
   * Converged: the EM log-likelihood gain fell below the tolerance and, for {@link
   * InitialStateFit#ERGODIC}, the BFGS gradient (per observation, max norm) fell below its
   * tolerance.
   */
  CONVERGED,
  /** The iteration limit of EM or of the BFGS polish was reached first. */
  ITERATION_LIMIT,
  /**
   * The BFGS polish could not find a step that lowers the objective before its gradient tolerance
   * was met (usually rounding noise near the optimum; see {@link HmmFit#gradientNorm()}).
   */
  STALLED
}

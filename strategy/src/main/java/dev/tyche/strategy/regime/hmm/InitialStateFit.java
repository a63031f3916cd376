package dev.tyche.strategy.regime.hmm;

/**
 * How a fit treats the distribution of the state at the first observation.
 *
 * <p>Immutable and thread-safe.
 */
public enum InitialStateFit {
  /**
   * The initial distribution is a free parameter ({@code K - 1} degrees of freedom), re-estimated
   * by Baum-Welch as the smoothed state distribution at the first observation (Rabiner 1989, eq.
   * 40a). With one long series this is estimated from a single observation and usually ends on a
   * vertex of the simplex.
   */
  ESTIMATED,
  /**
   * The initial distribution is the ergodic (stationary) distribution of the transition matrix, as
   * in statsmodels' {@code MarkovRegression} (Hamilton 1994, <i>Time Series Analysis</i>, sec.
   * 22.4). It has no free parameters of its own. Baum-Welch has no closed-form M-step for this
   * constraint, so the fit runs EM with a free initial distribution and then maximises the exact
   * ergodic-initial likelihood directly with BFGS; see {@link GaussianHmmFitter}.
   */
  ERGODIC
}

/**
 * Gaussian hidden Markov (Markov-switching) regime models: the model and its inference ({@link
 * dev.tyche.strategy.regime.hmm.GaussianHmm}: scaled forward pass with filtered probabilities,
 * log-space Viterbi, smoothed probabilities behind a method named for its use of future data), a
 * streaming filter ({@link dev.tyche.strategy.regime.hmm.OnlineHmmFilter}) and a multi-start
 * Baum-Welch fit with an exact ergodic-initial polish ({@link
 * dev.tyche.strategy.regime.hmm.GaussianHmmFitter}, {@link dev.tyche.strategy.regime.hmm.HmmFit}).
 *
 * <p>Conventions: {@code A[i][j] = P(s_t = j | s_{t-1} = i)} (rows sum to 1; statsmodels' {@code
 * regime_transition} is the transpose); the initial distribution is that of the state at the first
 * observation, given or ergodic; univariate emissions take variances; fitted states are ordered by
 * ascending variance (trace of the covariance for multivariate models). Decisions in a backtest
 * must use filtered, never smoothed, probabilities.
 */
package dev.tyche.strategy.regime.hmm;

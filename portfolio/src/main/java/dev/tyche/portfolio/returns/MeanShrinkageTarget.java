package dev.tyche.portfolio.returns;

/**
 * The common value toward which {@link ExpectedReturns#jamesStein(double[][], MeanShrinkageTarget)}
 * shrinks the sample means.
 *
 * <p>Immutable and thread-safe.
 */
public enum MeanShrinkageTarget {
  /** The grand mean {@code (1/N) sum_i mu_hat_i}, the classic James-Stein target. */
  GRAND_MEAN,
  /**
   * The mean return of the sample global minimum-variance portfolio, {@code mu_0 = 1' S^-1 mu_hat /
   * 1' S^-1 1}, Jorion's (1986) Bayes-Stein target.
   */
  MINIMUM_VARIANCE_MEAN
}

package dev.tyche.risk.var;

import java.util.Objects;

/**
 * How an empirical quantile is read from a sample, following the numbering of Hyndman and Fan,
 * "Sample quantiles in statistical packages", The American Statistician 50(4), 1996, which R's
 * {@code quantile(type = ...)} uses.
 *
 * <p>Immutable and thread-safe.
 */
public enum QuantileRule {
  /**
   * R type 7, linear interpolation (numpy's default {@code 'linear'}, Excel {@code
   * PERCENTILE.INC}). On the ascending sort {@code x[0..n-1]} (0-based): {@code h = (n - 1) p},
   * {@code j = floor(h)}, {@code Q = x[j] + (h - j)(x[j+1] - x[j])}, and {@code Q = x[n-1]} when
   * {@code j = n - 1}.
   */
  TYPE_7_LINEAR,
  /**
   * R type 1, the inverse of the empirical distribution function: the k-th smallest value (1-based)
   * with {@code k = ceil(n p)}, clamped to {@code 1..n}. {@code n p} is evaluated in double
   * arithmetic; when it is an integer in exact arithmetic but {@code 1 - a} rounds up (for example
   * {@code n = 100}, {@code a = 0.95}), {@code k} is one larger, exactly as in R and numpy.
   */
  TYPE_1_INVERSE_ECDF;

  /**
   * The sample quantile at probability {@code p} of an ascending-sorted sample.
   *
   * @param sortedAscending the sample, sorted ascending, non-empty and finite (not checked here
   *     beyond emptiness; callers in this package validate)
   * @param p the probability, in [0, 1]
   * @return the quantile, in the units of the sample
   * @throws IllegalArgumentException if the sample is empty or {@code p} is outside [0, 1]
   */
  public double quantileOfSorted(double[] sortedAscending, double p) {
    Objects.requireNonNull(sortedAscending, "sortedAscending");
    int n = sortedAscending.length;
    if (n == 0) {
      throw new IllegalArgumentException("sortedAscending must not be empty but had length 0");
    }
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("p must be in [0, 1] but was " + p);
    }
    if (this == TYPE_1_INVERSE_ECDF) {
      return sortedAscending[Samples.tailCount(n, p) - 1];
    }
    double h = (n - 1) * p;
    int j = (int) Math.floor(h);
    if (j >= n - 1) {
      return sortedAscending[n - 1];
    }
    return sortedAscending[j] + (h - j) * (sortedAscending[j + 1] - sortedAscending[j]);
  }
}

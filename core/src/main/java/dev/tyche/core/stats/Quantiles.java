package dev.tyche.core.stats;

import java.util.Arrays;

/**
 * Sample quantiles by the rules of R. J. Hyndman and Y. Fan, "Sample quantiles in statistical
 * packages", The American Statistician 50(4) (1996) 361-365, numbered as in R's {@code quantile}.
 *
 * <p>Let {@code x[0] <= x[1] <= ... <= x[n-1]} be the ascending sort (0-based) and {@code p} in
 * {@code [0, 1]}.
 *
 * <ul>
 *   <li><b>Type 7</b> (linear interpolation; R's default, numpy's {@code "linear"}, Excel {@code
 *       PERCENTILE.INC}): {@code h = (n - 1) p}, {@code j = floor(h)}, {@code Q7(p) = x[j] + (h -
 *       j)(x[j+1] - x[j])}, and {@code Q7(1) = x[n-1]}.
 *   <li><b>Type 1</b> (inverse of the empirical CDF; numpy's {@code "inverted_cdf"}): {@code k =
 *       max(1, ceil(n p))} computed in double arithmetic as R does, and {@code Q1(p) = x[k-1]}, the
 *       k-th smallest value. {@code Q1(0) = x[0]}.
 * </ul>
 *
 * <p>Both are non-decreasing in {@code p} and lie in {@code [min, max]}. The methods taking an
 * unsorted array copy and sort it ({@code O(n log n)}); the {@code ...Sorted} methods take an array
 * already in ascending order, check that in {@code O(n)}, and do not copy it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Quantiles {

  private Quantiles() {}

  /**
   * R type 7 quantile of unsorted data.
   *
   * @param x the data, at least 1, all finite (not modified)
   * @param p the probability, in {@code [0, 1]}
   * @return {@code Q7(p)}
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values, or
   *     {@code p} is outside {@code [0, 1]} or NaN
   */
  public static double type7(double[] x, double p) {
    return type7OfSorted(sortedCopy(x), Checks.probability(p, "p"));
  }

  /**
   * R type 1 quantile (inverse empirical CDF) of unsorted data.
   *
   * @param x the data, at least 1, all finite (not modified)
   * @param p the probability, in {@code [0, 1]}
   * @return {@code Q1(p)}, one of the data values
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values, or
   *     {@code p} is outside {@code [0, 1]} or NaN
   */
  public static double type1(double[] x, double p) {
    return type1OfSorted(sortedCopy(x), Checks.probability(p, "p"));
  }

  /**
   * R type 7 quantile of data already sorted in ascending order.
   *
   * @param sorted the data in ascending order, at least 1, all finite
   * @param p the probability, in {@code [0, 1]}
   * @return {@code Q7(p)}
   * @throws IllegalArgumentException if {@code sorted} is empty, not ascending, holds NaN or
   *     infinite values, or {@code p} is outside {@code [0, 1]}
   */
  public static double type7Sorted(double[] sorted, double p) {
    requireSorted(sorted);
    return type7OfSorted(sorted, Checks.probability(p, "p"));
  }

  /**
   * R type 1 quantile of data already sorted in ascending order.
   *
   * @param sorted the data in ascending order, at least 1, all finite
   * @param p the probability, in {@code [0, 1]}
   * @return {@code Q1(p)}
   * @throws IllegalArgumentException if {@code sorted} is empty, not ascending, holds NaN or
   *     infinite values, or {@code p} is outside {@code [0, 1]}
   */
  public static double type1Sorted(double[] sorted, double p) {
    requireSorted(sorted);
    return type1OfSorted(sorted, Checks.probability(p, "p"));
  }

  /**
   * Median, the type 7 quantile at {@code p = 0.5} (the mean of the two middle values for even
   * {@code n}).
   *
   * @param x the data, at least 1, all finite (not modified)
   * @return the median
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double median(double[] x) {
    return type7(x, 0.5);
  }

  static double type7OfSorted(double[] x, double p) {
    int n = x.length;
    double h = (n - 1) * p;
    int j = (int) Math.floor(h);
    if (j >= n - 1) {
      return x[n - 1];
    }
    double frac = h - j;
    double lo = x[j];
    double hi = x[j + 1];
    if (frac == 0.0 || lo == hi) {
      return lo;
    }
    double diff = hi - lo;
    // lo + frac*diff is monotone in frac; the clamp keeps rounding from stepping past x[j+1].
    double q = Double.isFinite(diff) ? lo + frac * diff : (1.0 - frac) * lo + frac * hi;
    return Math.min(hi, Math.max(lo, q));
  }

  static double type1OfSorted(double[] x, double p) {
    int n = x.length;
    // R: j = floor(n p), take x[j + (n p > j)] 1-based; that is ceil(n p), at least 1.
    int k = (int) Math.ceil(n * p);
    k = Math.max(1, Math.min(n, k));
    return x[k - 1];
  }

  private static double[] sortedCopy(double[] x) {
    Checks.finite(x, "x", 1);
    double[] s = x.clone();
    Arrays.sort(s);
    return s;
  }

  private static void requireSorted(double[] sorted) {
    Checks.finite(sorted, "sorted", 1);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] < sorted[i - 1]) {
        throw new IllegalArgumentException(
            "sorted must be in ascending order but sorted["
                + i
                + "] = "
                + sorted[i]
                + " < sorted["
                + (i - 1)
                + "] = "
                + sorted[i - 1]);
      }
    }
  }
}

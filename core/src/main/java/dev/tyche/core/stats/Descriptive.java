package dev.tyche.core.stats;

import java.util.Objects;

/**
 * Descriptive statistics of a sample {@code x_1..x_n}: mean, variance and standard deviation in
 * both conventions, skewness and excess kurtosis in both conventions, extremes, covariance and
 * correlation.
 *
 * <p><b>Naming.</b> {@code sample...} divides by {@code n - 1} (ddof = 1, the unbiased variance
 * estimator; R {@code var}/{@code sd}, numpy {@code ddof=1}); {@code population...} divides by
 * {@code n} (ddof = 0, numpy's default).
 *
 * <p><b>Numerics.</b> Sums use Neumaier's compensated summation (A. Neumaier, ZAMM 54 (1974)
 * 39-51). Variances and covariances use the corrected two-pass algorithm of T. F. Chan, G. H. Golub
 * and R. J. LeVeque, "Algorithms for computing the sample variance", The American Statistician
 * 37(3) (1983), eq. 1.7: {@code S = sum d_i^2 - (sum d_i)^2 / n} with {@code d_i = x_i - mean},
 * whose second term removes most of the rounding error of the computed mean. A sample whose values
 * are all equal has variance exactly 0.
 *
 * <p><b>Higher moments.</b> With population central moments {@code m_k = (1/n) sum (x_i - mean)^k}:
 *
 * <ul>
 *   <li>population (moment) skewness {@code g1 = m3 / m2^(3/2)};
 *   <li>population excess kurtosis {@code g2 = m4 / m2^2 - 3};
 *   <li>bias-adjusted sample skewness {@code G1 = g1 * sqrt(n (n - 1)) / (n - 2)}, {@code n >= 3};
 *   <li>bias-adjusted sample excess kurtosis {@code G2 = (n - 1) / ((n - 2)(n - 3)) * ((n + 1) g2 +
 *       6)}, {@code n >= 4}.
 * </ul>
 *
 * <p>These are {@code g1, g2, G1, G2} of D. N. Joanes and C. A. Gill, "Comparing measures of sample
 * skewness and kurtosis", The Statistician 47(1) (1998) 183-189; {@code G1}/{@code G2} are what
 * SAS, Excel SKEW/KURT and scipy's {@code bias=False} report. When all values are equal ({@code m2
 * = 0}) skewness and kurtosis are undefined and returned as {@link Double#NaN}.
 *
 * <p>Every method rejects null, too-short arrays and NaN or infinite values with {@link
 * IllegalArgumentException} naming the index and value. Values whose magnitude is so large that
 * their sum or squares overflow are not rescaled.
 *
 * <p>Immutable and thread-safe.
 */
public final class Descriptive {

  private Descriptive() {}

  /**
   * Compensated sum {@code sum x_i}.
   *
   * @param x the values, all finite; may be empty (sum 0)
   * @return the sum
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static double sum(double[] x) {
    Checks.finite(x, "x", 0);
    return compensatedSum(x);
  }

  /**
   * Arithmetic mean {@code (1/n) sum x_i}, refined by one correction pass {@code mean + (1/n) sum
   * (x_i - mean)}.
   *
   * @param x the values, at least 1, all finite
   * @return the mean
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double mean(double[] x) {
    Checks.finite(x, "x", 1);
    return meanOf(x);
  }

  /**
   * Sample variance {@code (1/(n-1)) sum (x_i - mean)^2} (divisor {@code n - 1}, ddof = 1).
   *
   * @param x the values, at least 2, all finite
   * @return the sample variance, {@code >= 0}
   * @throws IllegalArgumentException if fewer than 2 values or NaN or infinite values
   */
  public static double sampleVariance(double[] x) {
    Checks.finite(x, "x", 2);
    return sumSquaredDeviations(x, meanOf(x)) / (x.length - 1);
  }

  /**
   * Population variance {@code (1/n) sum (x_i - mean)^2} (divisor {@code n}, ddof = 0). Equal to
   * {@code sampleVariance * (n - 1) / n}.
   *
   * @param x the values, at least 1, all finite
   * @return the population variance, {@code >= 0}
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double populationVariance(double[] x) {
    Checks.finite(x, "x", 1);
    return sumSquaredDeviations(x, meanOf(x)) / x.length;
  }

  /**
   * Sample standard deviation, {@code sqrt(sampleVariance)} (ddof = 1).
   *
   * @param x the values, at least 2, all finite
   * @return the sample standard deviation, {@code >= 0}
   * @throws IllegalArgumentException if fewer than 2 values or NaN or infinite values
   */
  public static double sampleStandardDeviation(double[] x) {
    return Math.sqrt(sampleVariance(x));
  }

  /**
   * Population standard deviation, {@code sqrt(populationVariance)} (ddof = 0).
   *
   * @param x the values, at least 1, all finite
   * @return the population standard deviation, {@code >= 0}
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double populationStandardDeviation(double[] x) {
    return Math.sqrt(populationVariance(x));
  }

  /**
   * Population (moment) skewness {@code g1 = m3 / m2^(3/2)}, Joanes and Gill (1998) eq. (1).
   *
   * @param x the values, at least 1, all finite
   * @return the skewness, or NaN if all values are equal
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double populationSkewness(double[] x) {
    Checks.finite(x, "x", 1);
    double[] m = centralMoments(x);
    return m[1] == 0.0 ? Double.NaN : m[2] / Math.pow(m[1], 1.5);
  }

  /**
   * Population excess kurtosis {@code g2 = m4 / m2^2 - 3}, Joanes and Gill (1998) eq. (2); 0 for a
   * normal distribution.
   *
   * @param x the values, at least 1, all finite
   * @return the excess kurtosis, or NaN if all values are equal
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double populationExcessKurtosis(double[] x) {
    Checks.finite(x, "x", 1);
    double[] m = centralMoments(x);
    return m[1] == 0.0 ? Double.NaN : m[3] / (m[1] * m[1]) - 3.0;
  }

  /**
   * Bias-adjusted sample skewness {@code G1 = g1 sqrt(n (n - 1)) / (n - 2)}, Joanes and Gill
   * (1998), the statistic of SAS and Excel {@code SKEW}.
   *
   * @param x the values, at least 3, all finite
   * @return the skewness, or NaN if all values are equal
   * @throws IllegalArgumentException if fewer than 3 values or NaN or infinite values
   */
  public static double sampleSkewness(double[] x) {
    Checks.finite(x, "x", 3);
    double n = x.length;
    return populationSkewness(x) * Math.sqrt(n * (n - 1.0)) / (n - 2.0);
  }

  /**
   * Bias-adjusted sample excess kurtosis {@code G2 = (n - 1) / ((n - 2)(n - 3)) ((n + 1) g2 + 6)},
   * Joanes and Gill (1998), the statistic of SAS and Excel {@code KURT}.
   *
   * @param x the values, at least 4, all finite
   * @return the excess kurtosis, or NaN if all values are equal
   * @throws IllegalArgumentException if fewer than 4 values or NaN or infinite values
   */
  public static double sampleExcessKurtosis(double[] x) {
    Checks.finite(x, "x", 4);
    double n = x.length;
    double g2 = populationExcessKurtosis(x);
    return (n - 1.0) / ((n - 2.0) * (n - 3.0)) * ((n + 1.0) * g2 + 6.0);
  }

  /**
   * Smallest value.
   *
   * @param x the values, at least 1, all finite
   * @return the minimum
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double min(double[] x) {
    Checks.finite(x, "x", 1);
    double m = x[0];
    for (double v : x) {
      m = Math.min(m, v);
    }
    return m;
  }

  /**
   * Largest value.
   *
   * @param x the values, at least 1, all finite
   * @return the maximum
   * @throws IllegalArgumentException if {@code x} is empty or holds NaN or infinite values
   */
  public static double max(double[] x) {
    Checks.finite(x, "x", 1);
    double m = x[0];
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Sample covariance {@code (1/(n-1)) sum (x_i - mean_x)(y_i - mean_y)} (ddof = 1).
   *
   * @param x the first sample, at least 2 finite values
   * @param y the second sample, same length as {@code x}, finite values
   * @return the sample covariance
   * @throws IllegalArgumentException if the lengths differ, fewer than 2 pairs, or NaN or infinite
   *     values
   */
  public static double sampleCovariance(double[] x, double[] y) {
    checkPairs(x, y, 2);
    return sumCrossDeviations(x, y) / (x.length - 1);
  }

  /**
   * Population covariance {@code (1/n) sum (x_i - mean_x)(y_i - mean_y)} (ddof = 0).
   *
   * @param x the first sample, at least 1 finite value
   * @param y the second sample, same length as {@code x}, finite values
   * @return the population covariance
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or NaN or
   *     infinite values
   */
  public static double populationCovariance(double[] x, double[] y) {
    checkPairs(x, y, 1);
    return sumCrossDeviations(x, y) / x.length;
  }

  /**
   * Pearson correlation {@code S_xy / sqrt(S_xx S_yy)}, the same whichever divisor is used.
   *
   * @param x the first sample, at least 2 finite values
   * @param y the second sample, same length as {@code x}, finite values
   * @return the correlation in {@code [-1, 1]}, or NaN if either sample is constant
   * @throws IllegalArgumentException if the lengths differ, fewer than 2 pairs, or NaN or infinite
   *     values
   */
  public static double correlation(double[] x, double[] y) {
    checkPairs(x, y, 2);
    double sxx = sumSquaredDeviations(x, meanOf(x));
    double syy = sumSquaredDeviations(y, meanOf(y));
    if (sxx == 0.0 || syy == 0.0) {
      return Double.NaN;
    }
    double r = sumCrossDeviations(x, y) / Math.sqrt(sxx * syy);
    // Rounding can push |r| a hair past 1 for exactly collinear data.
    return Math.max(-1.0, Math.min(1.0, r));
  }

  // ---- package-private kernels, used after validation ----

  static double compensatedSum(double[] x) {
    double s = 0.0;
    double c = 0.0;
    for (double v : x) {
      double t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    }
    return s + c;
  }

  static double meanOf(double[] x) {
    int n = x.length;
    double m = compensatedSum(x) / n;
    double r = 0.0;
    for (double v : x) {
      r += v - m;
    }
    return m + r / n;
  }

  /** Corrected two-pass sum of squared deviations, Chan, Golub and LeVeque (1983) eq. 1.7. */
  static double sumSquaredDeviations(double[] x, double mean) {
    if (allEqual(x)) {
      return 0.0;
    }
    double s = 0.0;
    double c = 0.0;
    for (double v : x) {
      double d = v - mean;
      s += d * d;
      c += d;
    }
    return Math.max(0.0, s - c * c / x.length);
  }

  private static double sumCrossDeviations(double[] x, double[] y) {
    double mx = meanOf(x);
    double my = meanOf(y);
    double s = 0.0;
    double cx = 0.0;
    double cy = 0.0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      s += dx * dy;
      cx += dx;
      cy += dy;
    }
    return s - cx * cy / x.length;
  }

  /** Population central moments {m1 (= 0 up to rounding), m2, m3, m4}. */
  private static double[] centralMoments(double[] x) {
    double mean = meanOf(x);
    int n = x.length;
    if (allEqual(x)) {
      return new double[4];
    }
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    double s4 = 0.0;
    for (double v : x) {
      double d = v - mean;
      double d2 = d * d;
      s1 += d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
    }
    return new double[] {s1 / n, s2 / n, s3 / n, s4 / n};
  }

  private static boolean allEqual(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }
    return true;
  }

  private static void checkPairs(double[] x, double[] y, int min) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Checks.sameLength(x, y);
    Checks.finite(x, "x", min);
    Checks.finite(y, "y", min);
  }
}

package dev.tyche.backtest.overfit;

/**
 * The standard normal distribution function {@code Phi} and its inverse, written here so that this
 * package needs only the JDK.
 *
 * <p><b>CDF.</b> For {@code |x| < 3} the series {@code Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5)
 * + ...)} of G. Marsaglia, "Evaluating the Normal Distribution", J. Statistical Software 11(4)
 * (2004), summed until the terms stop changing the total. For {@code |x| >= 3} the upper tail
 * {@code Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...))))} (Laplace's continued fraction for the
 * Mills ratio, Abramowitz and Stegun 26.2.14), evaluated bottom-up from depth 200, which keeps the
 * tail's relative accuracy; {@code Phi(-x) = Q(x)}, {@code Phi(x) = 1 - Q(x)}. Both agree with
 * Commons Math 3.6 {@code NormalDistribution} to 2e-15 absolute on {@code [-8, 8]} and to 1e-12
 * relative in the lower tail down to {@code x = -37} (checked in the tests).
 *
 * <p><b>Quantile.</b> P. J. Acklam's rational approximation (2003, relative error below 1.15e-9 on
 * {@code (0, 1)}), refined by one Halley step {@code x <- x - u / (1 + x u / 2)}, {@code u =
 * (Phi(x) - p) sqrt(2 pi) exp(x^2 / 2)}, as Acklam recommends. The result agrees with M. J.
 * Wichura's AS 241 to about 1e-13 (the limit set by the CDF's absolute accuracy) and with 1e-300
 * {@code <= p} it keeps a relative accuracy near 1e-15 in the tail (checked in the tests). For
 * {@code p > 1/2} it uses {@code -quantile(1 - p)}, where {@code 1 - p} is exact.
 *
 * <p>Immutable and thread-safe.
 */
final class Normal {

  private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

  // Acklam's coefficients.
  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  private Normal() {}

  /** The density {@code phi(x) = exp(-x^2/2) / sqrt(2 pi)}. */
  static double density(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
  }

  /**
   * {@code Phi(x) = P(Z <= x)}.
   *
   * @param x any value; NaN gives NaN
   * @return the probability in {@code [0, 1]}
   */
  static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double ax = Math.abs(x);
    if (ax < 3.0) {
      double term = x;
      double sum = x;
      double x2 = x * x;
      for (int k = 1; k < 200; k++) {
        term *= x2 / (2 * k + 1);
        double next = sum + term;
        if (next == sum) {
          break;
        }
        sum = next;
      }
      return 0.5 + density(x) * sum;
    }
    double q = upperTail(ax);
    return x < 0 ? q : 1.0 - q;
  }

  /** {@code Q(x) = 1 - Phi(x)} for {@code x >= 3}, by the continued fraction. */
  private static double upperTail(double x) {
    if (x > 40.0) {
      return 0.0;
    }
    double f = x;
    for (int k = 200; k >= 1; k--) {
      f = x + k / f;
    }
    return density(x) / f;
  }

  /**
   * {@code Phi^{-1}(p)}.
   *
   * @param p the probability; {@code 0} gives {@code -Infinity}, {@code 1} gives {@code +Infinity}
   * @return the quantile
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]} or NaN
   */
  static double quantile(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("p must be in [0, 1] but was " + p);
    }
    if (p == 0.0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > 0.5) {
      return -quantile(1.0 - p);
    }
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2.0 * Math.log(p));
      x =
          (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
              / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
              * q
              / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
    }
    if (p < 1e-300) {
      // exp(x^2 / 2) would overflow; Acklam's relative accuracy is all that is left here.
      return x;
    }
    // One Halley step on Phi(x) - p = 0.
    double e = cdf(x) - p;
    double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    return x - u / (1.0 + 0.5 * x * u);
  }
}

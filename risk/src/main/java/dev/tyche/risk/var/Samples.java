package dev.tyche.risk.var;

import java.util.Arrays;
import java.util.Objects;

/** Small package-private numerical helpers: validation, moments and order statistics. */
final class Samples {

  private Samples() {}

  /** Rejects null, empty or non-finite samples, naming the argument. */
  static void requireFinite(String name, double[] values) {
    Objects.requireNonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty but had length 0");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be finite but was " + values[i]);
      }
    }
  }

  /** Rejects a confidence level outside the open interval (0, 1) and returns p = 1 - a. */
  static double tailProbability(double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          "confidence must be in the open interval (0, 1) but was " + confidence);
    }
    return 1.0 - confidence;
  }

  static double requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    return value;
  }

  static double requirePositive(String name, double value) {
    if (!(value > 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + value);
    }
    return value;
  }

  static double mean(double[] x) {
    double s = 0.0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Central moment of order k about the given mean, divided by n (population moment). */
  static double centralMoment(double[] x, double mean, int k) {
    double s = 0.0;
    for (double v : x) {
      s += Math.pow(v - mean, k);
    }
    return s / x.length;
  }

  /** Sample standard deviation (divisor n - 1); 0 for a single observation. */
  static double sampleSd(double[] x, double mean) {
    if (x.length < 2) {
      return 0.0;
    }
    double s = 0.0;
    for (double v : x) {
      double d = v - mean;
      s += d * d;
    }
    return Math.sqrt(s / (x.length - 1));
  }

  static double[] sortedCopy(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s;
  }

  /** k = ceil(n p), clamped to [1, n]: the number of observations in the empirical tail. */
  static int tailCount(int n, double p) {
    long k = (long) Math.ceil(n * p);
    return (int) Math.max(1L, Math.min(n, k));
  }

  /** Mean of the k smallest values of an ascending array. */
  static double meanOfSmallest(double[] sorted, int k) {
    double s = 0.0;
    for (int i = 0; i < k; i++) {
      s += sorted[i];
    }
    return s / k;
  }

  /** Mean of all values of an ascending array that are less than or equal to the threshold. */
  static double meanAtOrBelow(double[] sorted, double threshold) {
    double s = 0.0;
    int m = 0;
    for (double v : sorted) {
      if (v > threshold) {
        break;
      }
      s += v;
      m++;
    }
    // The threshold is a quantile of the same sample, so at least the minimum lies below it; the
    // guard only protects against a threshold below the minimum passed by mistake.
    return m == 0 ? sorted[0] : s / m;
  }
}

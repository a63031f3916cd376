package dev.tyche.core.stats;

import java.util.Objects;

/** Argument checks shared by the statistics classes; messages name the argument and value. */
final class Checks {

  private Checks() {}

  /** Requires a non-null array whose values are all finite and which has at least min values. */
  static double[] finite(double[] values, String name, int min) {
    Objects.requireNonNull(values, name);
    if (values.length < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " values but had " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + v);
      }
    }
    return values;
  }

  /** Requires finite, strictly positive prices, at least min of them. */
  static double[] prices(double[] prices, String name, int min) {
    Objects.requireNonNull(prices, name);
    if (prices.length < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " prices but had " + prices.length);
    }
    for (int i = 0; i < prices.length; i++) {
      double p = prices[i];
      if (!Double.isFinite(p) || p <= 0.0) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a finite price > 0 but was " + p);
      }
    }
    return prices;
  }

  /** Requires a finite scalar. */
  static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    return value;
  }

  /** Requires a finite, strictly positive number of periods per year. */
  static double periodsPerYear(double periodsPerYear) {
    if (!Double.isFinite(periodsPerYear) || periodsPerYear <= 0.0) {
      throw new IllegalArgumentException(
          "periodsPerYear must be finite and > 0 but was " + periodsPerYear);
    }
    return periodsPerYear;
  }

  /** Requires a probability in [0, 1]. */
  static double probability(double p, String name) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but was " + p);
    }
    return p;
  }

  /** Requires two arrays of equal length. */
  static void sameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length but had " + x.length + " and " + y.length);
    }
  }
}

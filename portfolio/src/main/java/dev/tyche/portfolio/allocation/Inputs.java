package dev.tyche.portfolio.allocation;

import java.util.Objects;

/** Argument checks shared by this package; messages name the argument and value. Stateless. */
final class Inputs {

  /** Weight vectors that must sum to one may miss by this much. */
  static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  private Inputs() {}

  /** Requires a non-null, non-empty vector of finite, non-negative weights; returns their sum. */
  static double weights(double[] w, String name) {
    Objects.requireNonNull(w, name + " must not be null");
    if (w.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    double sum = 0.0;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0.0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be finite and >= 0 but was " + w[i]);
      }
      sum += w[i];
    }
    return sum;
  }

  /** Requires finite, non-negative weights summing to one. */
  static void weightsSummingToOne(double[] w, String name) {
    double sum = weights(w, name);
    if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException(name + " must sum to 1 but summed to " + sum);
    }
  }
}

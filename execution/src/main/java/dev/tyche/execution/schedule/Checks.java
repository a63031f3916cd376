package dev.tyche.execution.schedule;

import java.util.Locale;

/** Argument checks shared by this package; messages name the argument, its value and the rule. */
final class Checks {

  private Checks() {}

  static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite but was %s", name, value));
    }
    return value;
  }

  static double positive(String name, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and > 0 but was %s", name, value));
    }
    return value;
  }

  static double nonNegative(String name, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be finite and >= 0 but was %s", name, value));
    }
    return value;
  }
}

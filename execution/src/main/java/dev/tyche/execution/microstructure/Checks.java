package dev.tyche.execution.microstructure;

import java.util.Locale;
import java.util.Objects;

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

  static double fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in [0, 1] but was %s", name, value));
    }
    return value;
  }

  static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** A quote: both prices finite and positive, bid strictly below ask. */
  static void quote(double bid, double ask) {
    positive("bid", bid);
    positive("ask", ask);
    if (!(bid < ask)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "bid must be < ask %s but was %s (crossed or locked quote)", ask, bid));
    }
  }

  /** Time must not run backwards; equal times are allowed. */
  static void notBefore(String name, long time, long last) {
    if (time < last) {
      throw new IllegalArgumentException(
          name + " must be >= the previous time " + last + " (non-decreasing) but was " + time);
    }
  }

  static <T> T notNull(String name, T value) {
    return Objects.requireNonNull(value, name + " must not be null");
  }
}

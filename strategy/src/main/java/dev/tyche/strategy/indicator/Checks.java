package dev.tyche.strategy.indicator;

/** Argument checks shared by the indicators; messages name the argument, value and expectation. */
final class Checks {

  private Checks() {}

  static int period(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + " but was " + value);
    }
    return value;
  }

  static double finite(String name, double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException(name + " must be finite but was " + x);
    }
    return x;
  }

  static double positive(String name, double x) {
    if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + x);
    }
    return x;
  }

  static void bar(double high, double low, double close) {
    finite("high", high);
    finite("low", low);
    finite("close", close);
    if (high < low) {
      throw new IllegalArgumentException(
          "high must be >= low but was high=" + high + " low=" + low);
    }
  }

  static void volume(double volume) {
    if (!(volume >= 0.0) || volume == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("volume must be finite and >= 0 but was " + volume);
    }
  }
}

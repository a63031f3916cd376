package dev.tyche.risk.backtest;

/** Package-private argument checks shared by the backtest types. */
final class Checks {

  private Checks() {}

  static double probability(String name, double value) {
    if (!(value > 0.0 && value < 1.0)) {
      throw new IllegalArgumentException(
          name + " must be in the open interval (0, 1) but was " + value);
    }
    return value;
  }

  static void statistic(String name, double lr, double pValue) {
    if (!(lr >= 0.0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but was " + lr);
    }
    if (!(pValue >= 0.0 && pValue <= 1.0)) {
      throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue);
    }
  }

  static void count(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
  }
}

package dev.tyche.portfolio.attribution;

/** Argument checks shared by this package. Stateless. */
final class Inputs {

  private Inputs() {}

  /** Requires a finite scalar. */
  static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    return value;
  }
}

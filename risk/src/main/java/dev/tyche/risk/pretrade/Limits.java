package dev.tyche.risk.pretrade;

import dev.tyche.core.num.Decimal;
import java.util.Objects;

/** Validation of rule parameters, shared so that every rule words its messages the same way. */
final class Limits {
  private Limits() {}

  static String name(String name) {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank but was '" + name + "'");
    }
    return name;
  }

  static Decimal nonNegative(Decimal value, String what, String rule) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          what + " of rule " + rule + " must be >= 0 but was " + value);
    }
    return value;
  }
}

package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import java.util.Locale;

/** The quote check shared by this package; the generic checks are core's {@link Require}. */
final class Checks {

  private Checks() {}

  /** A quote: both prices finite and positive, bid strictly below ask. */
  static void quote(double bid, double ask) {
    Require.positive("bid", bid);
    Require.positive("ask", ask);
    if (!(bid < ask)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "bid must be < ask %s but was %s (crossed or locked quote)", ask, bid));
    }
  }
}

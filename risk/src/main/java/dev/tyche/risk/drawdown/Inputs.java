package dev.tyche.risk.drawdown;

/** Input checks shared by the streaming trackers of this package. */
final class Inputs {
  private Inputs() {}

  /** Rejects NaN and infinite equity: one bad mark would poison the running peak forever. */
  static void requireFiniteEquity(double equity, long timeMillis) {
    if (!Double.isFinite(equity)) {
      throw new IllegalArgumentException(
          "equity must be finite but was " + equity + " at " + timeMillis);
    }
  }

  /** Rejects time going backwards: peaks and days are defined along one forward timeline. */
  static void requireNotBefore(long timeMillis, long lastTimeMillis, long updates) {
    if (updates > 0 && timeMillis < lastTimeMillis) {
      throw new IllegalArgumentException(
          "timeMillis must be >= the previous update's "
              + lastTimeMillis
              + " but was "
              + timeMillis);
    }
  }
}

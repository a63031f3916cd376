package dev.tyche.binance.port;

import java.util.Objects;

/**
 * One way the venue and the engine disagree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what disagrees
 * @param key the order's client id, the symbol or the asset
 * @param expected the engine's value ("absent" if it has none)
 * @param actual the venue's value ("absent" if it has none)
 */
public record Difference(Kind kind, String key, String expected, String actual) {

  /** What disagrees. */
  public enum Kind {
    /** The venue has an open order the engine does not know. */
    ORDER_ONLY_AT_VENUE,
    /** The engine believes an order is open that the venue does not list as open. */
    ORDER_ONLY_IN_ENGINE,
    /** Both know the order but side, quantity or filled quantity differ. */
    ORDER_MISMATCH,
    /** The position amounts differ. */
    POSITION_MISMATCH,
    /** The wallet balances differ. */
    BALANCE_MISMATCH
  }

  // All fields are required.
  public Difference {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(expected, "expected must not be null");
    Objects.requireNonNull(actual, "actual must not be null");
  }
}

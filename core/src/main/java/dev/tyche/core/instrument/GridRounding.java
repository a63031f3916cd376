package dev.tyche.core.instrument;

/**
 * How an analytic {@code double} is moved onto an instrument's price or quantity grid. The choice
 * is always explicit: a buy limit rounded up pays more, a sell quantity rounded up may exceed the
 * position.
 *
 * <p>Immutable and thread-safe.
 */
public enum GridRounding {
  /** To the grid point at or below the value (toward negative infinity). */
  DOWN,
  /** To the grid point at or above the value (toward positive infinity). */
  UP,
  /** To the nearest grid point; a value exactly half-way goes up. */
  NEAREST
}

package dev.tyche.risk.sizing;

/**
 * The name of one candidate size in a {@link SizingDecision}; the order of the constants is the
 * order in which ties for the binding constraint are resolved.
 *
 * <p>Immutable and thread-safe.
 */
public enum SizeLimit {
  /** Fractional Kelly: notional {@code |f| * equity} (Kelly 1956). */
  KELLY,
  /** Volatility targeting: notional {@code equity * targetVol / instrumentVol}. */
  VOLATILITY_TARGET,
  /** Loss budget: quantity {@code budget / perUnitLoss} (VaR or expected shortfall per unit). */
  VAR_BUDGET,
  /** The liquidation price stays at least a given fraction of the entry price away. */
  LIQUIDATION_DISTANCE,
  /** Initial margin within equity: notional {@code equity * leverage}. */
  INITIAL_MARGIN,
  /** The instrument's {@code maxQuantity} ({@code LOT_SIZE}). */
  MAX_QUANTITY,
  /** The leverage table's largest notional at the chosen leverage ({@code maxNotionalValue}). */
  BRACKET_MAX_NOTIONAL
}

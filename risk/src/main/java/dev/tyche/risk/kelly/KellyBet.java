package dev.tyche.risk.kelly;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A single-asset Kelly recommendation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fullKelly the unconstrained log-optimal fraction {@code f*} (full Kelly, no multiplier, no
 *     bounds); may be negative, or infinite when the empirical objective is unbounded
 * @param fullKellyGrowth the expected log growth per period at {@code fullKelly}; empty when that
 *     fraction is not a bet one can make (a negative binary bet, or an unbounded {@code f*})
 * @param fraction the recommended fraction of wealth after the multiplier and constraints
 * @param growth the expected log growth per period at {@code fraction}, under the same model
 * @param adjustments what changed {@code fullKelly} into {@code fraction}; empty if nothing
 * @param reason a readable account of the adjustments, {@code "full Kelly"} if none
 */
public record KellyBet(
    double fullKelly,
    OptionalDouble fullKellyGrowth,
    double fraction,
    double growth,
    Set<KellyAdjustment> adjustments,
    String reason) {

  /** Validates the fields and freezes the adjustment set. */
  public KellyBet {
    if (Double.isNaN(fullKelly)) {
      throw new IllegalArgumentException("fullKelly must not be NaN");
    }
    Objects.requireNonNull(fullKellyGrowth, "fullKellyGrowth");
    if (!Double.isFinite(fraction) || !Double.isFinite(growth)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "fraction and growth must be finite but were %s and %s",
              fraction,
              growth));
    }
    Objects.requireNonNull(adjustments, "adjustments");
    Objects.requireNonNull(reason, "reason");
    adjustments =
        adjustments.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(adjustments));
  }

  /**
   * Whether an adjustment was made.
   *
   * @param adjustment the adjustment
   * @return {@code true} if it is in {@link #adjustments()}
   */
  public boolean was(KellyAdjustment adjustment) {
    return adjustments.contains(adjustment);
  }
}

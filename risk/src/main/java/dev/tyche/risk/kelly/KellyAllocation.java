package dev.tyche.risk.kelly;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A multi-asset Kelly recommendation.
 *
 * <p>Arrays are copied in and out, so an instance cannot be changed through them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fullKelly the unconstrained fractions {@code f* = Sigma^-1 (mu - r 1)}
 * @param fullKellyGrowth the growth rate at {@code f*}, {@code r + (mu - r1)' f* / 2}
 * @param fractions the recommended fractions of wealth per asset
 * @param growth the growth rate {@code r + f'(mu - r1) - f' Sigma f / 2} at {@code fractions}
 * @param grossLeverage {@code sum |fractions_i|}
 * @param assetsHeldAtZero indices of assets that the long-only constraint holds at zero (empty when
 *     shorting is allowed)
 * @param adjustments what changed {@code fullKelly} into {@code fractions}; empty if nothing
 * @param reason a readable account of the adjustments, {@code "full Kelly"} if none
 */
public record KellyAllocation(
    double[] fullKelly,
    double fullKellyGrowth,
    double[] fractions,
    double growth,
    double grossLeverage,
    List<Integer> assetsHeldAtZero,
    Set<KellyAdjustment> adjustments,
    String reason) {

  /** Validates the fields and copies the arrays and collections. */
  public KellyAllocation {
    Objects.requireNonNull(fullKelly, "fullKelly");
    Objects.requireNonNull(fractions, "fractions");
    if (fullKelly.length != fractions.length || fractions.length == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "fullKelly and fractions must have the same non-zero length but had %d and %d",
              fullKelly.length,
              fractions.length));
    }
    for (int i = 0; i < fractions.length; i++) {
      if (!Double.isFinite(fullKelly[i]) || !Double.isFinite(fractions[i])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "fullKelly[%d] and fractions[%d] must be finite but were %s and %s",
                i,
                i,
                fullKelly[i],
                fractions[i]));
      }
    }
    if (!Double.isFinite(fullKellyGrowth) || !Double.isFinite(growth) || !(grossLeverage >= 0.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "growths must be finite and grossLeverage >= 0 but were %s, %s, %s",
              fullKellyGrowth,
              growth,
              grossLeverage));
    }
    assetsHeldAtZero = List.copyOf(assetsHeldAtZero);
    Objects.requireNonNull(adjustments, "adjustments");
    Objects.requireNonNull(reason, "reason");
    adjustments =
        adjustments.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(adjustments));
    fullKelly = fullKelly.clone();
    fractions = fractions.clone();
  }

  /**
   * The unconstrained Kelly fractions.
   *
   * @return a copy of {@code f*}
   */
  @Override
  public double[] fullKelly() {
    return fullKelly.clone();
  }

  /**
   * The recommended fractions.
   *
   * @return a copy of the fractions
   */
  @Override
  public double[] fractions() {
    return fractions.clone();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof KellyAllocation other
        && Arrays.equals(fullKelly, other.fullKelly)
        && Double.compare(fullKellyGrowth, other.fullKellyGrowth) == 0
        && Arrays.equals(fractions, other.fractions)
        && Double.compare(growth, other.growth) == 0
        && Double.compare(grossLeverage, other.grossLeverage) == 0
        && assetsHeldAtZero.equals(other.assetsHeldAtZero)
        && adjustments.equals(other.adjustments)
        && reason.equals(other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(fullKelly),
        fullKellyGrowth,
        Arrays.hashCode(fractions),
        growth,
        grossLeverage,
        assetsHeldAtZero,
        adjustments,
        reason);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "KellyAllocation[fullKelly=%s, fractions=%s, growth=%s, grossLeverage=%s, reason=%s]",
        Arrays.toString(fullKelly),
        Arrays.toString(fractions),
        growth,
        grossLeverage,
        reason);
  }
}

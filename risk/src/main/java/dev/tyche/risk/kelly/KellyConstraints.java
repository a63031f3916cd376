package dev.tyche.risk.kelly;

import java.util.Locale;

/**
 * Constraints and the Kelly multiplier applied to a full Kelly solution.
 *
 * <p>Order of application for one asset: the full Kelly fraction {@code f*} is multiplied by {@code
 * fraction}, then clipped to {@code [allowShort ? -maxLeverage : 0, maxLeverage]}. Because every
 * objective here is concave in {@code f}, clipping is the exact constrained optimum. For several
 * assets see {@link MultiAssetKelly#allocate(double[], double, double[][], KellyConstraints)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param allowShort whether negative fractions (short positions) are allowed
 * @param maxLeverage the gross-leverage cap {@code sum |f_i| <= maxLeverage}, {@code > 0}; {@code
 *     Double.POSITIVE_INFINITY} for none
 * @param fraction the Kelly multiplier {@code c} in {@code (0, 1]}: 1 is full Kelly, 0.5 half
 *     Kelly. Values above 1 are refused because over-betting lowers growth and raises risk.
 */
public record KellyConstraints(boolean allowShort, double maxLeverage, double fraction) {

  /** Full Kelly, shorting and any leverage allowed. */
  public static final KellyConstraints NONE =
      new KellyConstraints(true, Double.POSITIVE_INFINITY, 1.0);

  /** Full Kelly, long only (negative fractions become zero), any leverage. */
  public static final KellyConstraints LONG_ONLY =
      new KellyConstraints(false, Double.POSITIVE_INFINITY, 1.0);

  /** Validates the fields. */
  public KellyConstraints {
    if (!(maxLeverage > 0.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "maxLeverage must be > 0 (or +Infinity) but was %s", maxLeverage));
    }
    if (!(fraction > 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "fraction must be in (0, 1] but was %s", fraction));
    }
  }

  /**
   * A copy with another leverage cap.
   *
   * @param cap the gross-leverage cap, {@code > 0} or {@code +Infinity}
   * @return the new constraints
   */
  public KellyConstraints withMaxLeverage(double cap) {
    return new KellyConstraints(allowShort, cap, fraction);
  }

  /**
   * A copy with another Kelly multiplier.
   *
   * @param multiplier the multiplier in {@code (0, 1]}
   * @return the new constraints
   */
  public KellyConstraints withFraction(double multiplier) {
    return new KellyConstraints(allowShort, maxLeverage, multiplier);
  }

  /**
   * A copy that does or does not allow shorting.
   *
   * @param shortsAllowed whether negative fractions are allowed
   * @return the new constraints
   */
  public KellyConstraints withAllowShort(boolean shortsAllowed) {
    return new KellyConstraints(shortsAllowed, maxLeverage, fraction);
  }
}

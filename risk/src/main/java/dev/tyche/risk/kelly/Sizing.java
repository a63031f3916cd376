package dev.tyche.risk.kelly;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies {@link KellyConstraints} to a one-dimensional full Kelly fraction. Package-private
 * helper; stateless.
 */
final class Sizing {

  private Sizing() {}

  /** The outcome: the fraction, the adjustments made and a readable reason. */
  record Sized(double fraction, Set<KellyAdjustment> adjustments, String reason) {}

  /**
   * {@code clip(c f*, [allowShort ? -cap : 0, cap])}. Because the growth objectives are concave,
   * clipping the (scaled) optimum to an interval gives the optimum over that interval.
   */
  static Sized size(double fullKelly, KellyConstraints constraints) {
    Set<KellyAdjustment> adjustments = EnumSet.noneOf(KellyAdjustment.class);
    List<String> reasons = new ArrayList<>();
    double f = fullKelly;
    if (constraints.fraction() < 1.0 && f != 0.0) {
      f *= constraints.fraction();
      adjustments.add(KellyAdjustment.FRACTIONAL);
      reasons.add(
          String.format(Locale.ROOT, "fractional Kelly x%s gives %s", constraints.fraction(), f));
    }
    if (f < 0.0 && !constraints.allowShort()) {
      adjustments.add(KellyAdjustment.NEGATIVE_EDGE_NOT_SHORTED);
      reasons.add(
          String.format(Locale.ROOT, "negative edge (fraction %s) and no shorting: bet 0", f));
      f = 0.0;
    }
    double cap = constraints.maxLeverage();
    if (Math.abs(f) > cap) {
      adjustments.add(KellyAdjustment.LEVERAGE_CAPPED);
      reasons.add(String.format(Locale.ROOT, "|%s| capped at max leverage %s", f, cap));
      f = Math.copySign(cap, f);
    }
    if (Double.isInfinite(f)) {
      throw new IllegalArgumentException(
          "the growth objective is unbounded (full Kelly fraction "
              + fullKelly
              + "); set a finite maxLeverage or disallow that direction");
    }
    return new Sized(f, adjustments, reasons.isEmpty() ? "full Kelly" : String.join("; ", reasons));
  }

  static void requireFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite but was " + v);
    }
  }
}

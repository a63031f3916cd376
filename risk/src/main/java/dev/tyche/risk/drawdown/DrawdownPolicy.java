package dev.tyche.risk.drawdown;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A drawdown de-risking table: tiers ordered by increasing threshold, each with an exposure
 * multiplier and an optional kill switch, plus a hysteresis band for stepping back down.
 *
 * <p>Validation makes the table monotone, so that a deeper drawdown never allows more risk:
 * thresholds strictly increase; multipliers never increase; once a tier engages the kill switch
 * every deeper tier does too (a drawdown can jump past a tier between two updates, so a kill tier
 * followed by a non-kill tier could be skipped); names are distinct.
 *
 * <p><b>Hysteresis.</b> The monitor enters a tier as soon as the drawdown reaches its threshold,
 * but leaves it only once the drawdown has recovered below {@code threshold - hysteresis}. This
 * keeps an equity curve that hovers around a threshold from flipping the exposure multiplier on
 * every update. The band must be smaller than the first threshold, otherwise the first tier could
 * never be left.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tiers the tiers, by strictly increasing threshold; may be empty (no de-risking)
 * @param hysteresis the recovery band, a fraction in [0, first threshold)
 */
public record DrawdownPolicy(List<DrawdownTier> tiers, double hysteresis) {

  // The monitor relies on the ordering and monotonicity; check them once here.
  public DrawdownPolicy {
    Objects.requireNonNull(tiers, "tiers must not be null");
    tiers = List.copyOf(tiers);
    Set<String> names = new HashSet<>();
    DrawdownTier previous = null;
    for (DrawdownTier tier : tiers) {
      if (!names.add(tier.name())) {
        throw new IllegalArgumentException(
            "tier names must be distinct but " + tier.name() + " repeats");
      }
      if (previous != null) {
        if (!(tier.threshold() > previous.threshold())) {
          throw new IllegalArgumentException(
              "tier thresholds must increase strictly but "
                  + tier.name()
                  + " has "
                  + tier.threshold()
                  + " after "
                  + previous.name()
                  + " with "
                  + previous.threshold());
        }
        if (tier.exposureMultiplier() > previous.exposureMultiplier()) {
          throw new IllegalArgumentException(
              "tier exposure multipliers must not increase but "
                  + tier.name()
                  + " has "
                  + tier.exposureMultiplier()
                  + " after "
                  + previous.name()
                  + " with "
                  + previous.exposureMultiplier());
        }
        if (previous.killSwitch() && !tier.killSwitch()) {
          throw new IllegalArgumentException(
              "every tier after a kill-switch tier must engage the kill switch too but "
                  + tier.name()
                  + " follows "
                  + previous.name()
                  + " without it");
        }
      }
      previous = tier;
    }
    if (!(hysteresis >= 0.0 && Double.isFinite(hysteresis))) {
      throw new IllegalArgumentException(
          "hysteresis must be finite and >= 0 but was " + hysteresis);
    }
    if (!tiers.isEmpty() && hysteresis >= tiers.get(0).threshold()) {
      throw new IllegalArgumentException(
          "hysteresis must be < the first threshold "
              + tiers.get(0).threshold()
              + " but was "
              + hysteresis);
    }
  }

  /**
   * The example table: mild at 5 % (exposure x 0.75), moderate at 10 % (x 0.5), severe at 20 % (x 0
   * and kill switch), without hysteresis.
   *
   * @return the table
   */
  public static DrawdownPolicy standard() {
    return new DrawdownPolicy(
        List.of(
            new DrawdownTier("mild", 0.05, 0.75, false),
            new DrawdownTier("moderate", 0.10, 0.5, false),
            new DrawdownTier("severe", 0.20, 0.0, true)),
        0.0);
  }

  /**
   * The same tiers with another hysteresis band.
   *
   * @param band the recovery band, a fraction in [0, first threshold)
   * @return the new policy
   */
  public DrawdownPolicy withHysteresis(double band) {
    return new DrawdownPolicy(tiers, band);
  }

  /**
   * The tier a drawdown falls in without any memory: the deepest tier whose threshold the drawdown
   * has reached.
   *
   * @param drawdown the drawdown fraction, not NaN
   * @return the tier index into {@link #tiers()}, or -1 if below the first threshold
   */
  public int rawTierIndex(double drawdown) {
    if (Double.isNaN(drawdown)) {
      throw new IllegalArgumentException("drawdown must not be NaN");
    }
    int index = -1;
    for (int i = 0; i < tiers.size(); i++) {
      if (drawdown >= tiers.get(i).threshold()) {
        index = i;
      }
    }
    return index;
  }
}

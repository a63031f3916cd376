package dev.tyche.risk.drawdown;

import java.util.Objects;

/**
 * One step of a drawdown de-risking table: once the drawdown from the running equity peak reaches
 * {@code threshold}, new exposure is scaled by {@code exposureMultiplier}, and, if {@code
 * killSwitch} is set, the kill switch engages and stays engaged until reset explicitly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a short label for reports and denial reasons, e.g. {@code "moderate"}; not blank
 * @param threshold the drawdown that activates the tier, a fraction in (0, 1] (0.10 = 10 % below
 *     the peak)
 * @param exposureMultiplier the factor applied to target exposure while the tier is active, in [0,
 *     1]
 * @param killSwitch whether reaching the tier engages the kill switch
 */
public record DrawdownTier(
    String name, double threshold, double exposureMultiplier, boolean killSwitch) {

  // A tier table is configuration typed by hand; reject anything that cannot be meant.
  public DrawdownTier {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank but was '" + name + "'");
    }
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException(
          "threshold of tier " + name + " must be in (0, 1] but was " + threshold);
    }
    if (!(exposureMultiplier >= 0.0 && exposureMultiplier <= 1.0)) {
      throw new IllegalArgumentException(
          "exposureMultiplier of tier "
              + name
              + " must be in [0, 1] but was "
              + exposureMultiplier);
    }
  }
}

package dev.tyche.execution.schedule;

import dev.tyche.core.Require;

/**
 * The linear market-impact model of Almgren and Chriss (2000), §1.5 "Linear impact functions".
 *
 * <p>Trading {@code n} shares in an interval of length {@code tau} is trading at the rate {@code v
 * = n / tau}. Permanent impact moves the unaffected price by {@code g(v) tau = gamma n} against the
 * trader; temporary impact makes that interval's execution price worse by {@code h(v) = epsilon
 * sgn(v) + eta v} and then vanishes. Units, for a price quoted in currency per share and time in
 * some unit (days, minutes, ...):
 *
 * <ul>
 *   <li>{@code epsilon}: currency per share (half the spread plus fees);
 *   <li>{@code eta}: (currency per share) per (share per time unit), i.e. currency x time / share²;
 *   <li>{@code gamma}: (currency per share) per share, i.e. currency / share².
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param epsilon fixed cost per share {@code epsilon}, finite and {@code >= 0}
 * @param eta temporary impact coefficient {@code eta}, finite and {@code > 0}
 * @param gamma permanent impact coefficient {@code gamma}, finite and {@code >= 0}
 */
public record LinearImpact(double epsilon, double eta, double gamma) {

  /** Validates the coefficients. */
  public LinearImpact {
    Require.nonNegative("epsilon", epsilon);
    Require.positive("eta", eta);
    Require.nonNegative("gamma", gamma);
  }

  /**
   * The temporary impact coefficient corrected for discrete trading, {@code eta_tilde = eta - gamma
   * tau / 2} (Almgren and Chriss 2000, §1.5, the definition following the linear expected cost).
   *
   * @param tau the interval length {@code tau}, in time units, finite and {@code > 0}
   * @return {@code eta - gamma tau / 2}; may be {@code <= 0}, which the execution model rejects
   */
  public double etaTilde(double tau) {
    Require.positive("tau", tau);
    return eta - 0.5 * gamma * tau;
  }
}

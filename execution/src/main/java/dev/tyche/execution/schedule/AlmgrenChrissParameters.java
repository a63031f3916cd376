package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;
import java.util.Locale;
import java.util.Objects;

/**
 * The inputs of an Almgren-Chriss execution problem, apart from the risk aversion (which is swept
 * along the efficient frontier and so is passed separately).
 *
 * <p>The program trades {@code quantity} shares (or contracts) on {@code side} over the horizon
 * {@code T}, split into {@code N} intervals of length {@code tau = T / N}; trades happen at {@code
 * t_k = k tau}. The unaffected price follows the arithmetic random walk {@code S_k = S_{k-1} +
 * sigma tau^(1/2) xi_k + alpha tau - tau g(n_k / tau)} (Almgren and Chriss 2000, §1.2, with the
 * drift of §4.1), so the cost does not depend on the price level. Units, with time in one chosen
 * unit (days in the reference cases) and prices in currency per share:
 *
 * <ul>
 *   <li>{@code quantity}: shares or contracts, {@code > 0};
 *   <li>{@code horizon}: time units, {@code > 0};
 *   <li>{@code volatility sigma}: currency per share per square root of a time unit (an absolute,
 *       not a relative, volatility: {@code S0 x} the relative one), {@code >= 0};
 *   <li>{@code drift alpha}: currency per share per time unit, expected price change; positive
 *       drift favours a slow sale and a fast purchase;
 *   <li>{@code impact}: see {@link LinearImpact} for the units of {@code epsilon, eta, gamma}.
 * </ul>
 *
 * <p>The model needs {@code eta_tilde = eta - gamma tau / 2 > 0}: otherwise the expected cost
 * {@code (eta_tilde / tau) sum n_k^2} is not a convex function of the trade list, cutting a trade
 * into offsetting pieces would lower the cost, and the optimum is undefined. The constructor
 * rejects that case; more intervals (a smaller {@code tau}) repair it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param side {@link Side#SELL} for a liquidation, {@link Side#BUY} for an acquisition
 * @param quantity shares or contracts to trade, finite and {@code > 0}
 * @param horizon the horizon {@code T}, in time units, finite and {@code > 0}
 * @param intervals the number of intervals {@code N}, {@code >= 1}
 * @param volatility {@code sigma}, currency per share per square root of a time unit, finite and
 *     {@code >= 0}
 * @param drift {@code alpha}, currency per share per time unit, finite (0 for the paper's main
 *     case)
 * @param impact the linear impact coefficients
 */
public record AlmgrenChrissParameters(
    Side side,
    double quantity,
    double horizon,
    int intervals,
    double volatility,
    double drift,
    LinearImpact impact) {

  /** Validates the inputs, including {@code eta_tilde > 0}. */
  public AlmgrenChrissParameters {
    Objects.requireNonNull(side, "side");
    Require.positive("quantity", quantity);
    Require.positive("horizon", horizon);
    if (intervals < 1) {
      throw new IllegalArgumentException("intervals must be >= 1 but was " + intervals);
    }
    Require.nonNegative("volatility", volatility);
    Require.finite("drift", drift);
    Objects.requireNonNull(impact, "impact");
    double tau = horizon / intervals;
    double etaTilde = impact.etaTilde(tau);
    if (!(etaTilde > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "eta_tilde = eta - gamma*tau/2 must be > 0 but was %s (eta %s, gamma %s, tau %s):"
                  + " the expected cost would not be convex in the trade list, so splitting"
                  + " trades would lower it without bound and no optimal schedule exists;"
                  + " use more intervals",
              etaTilde,
              impact.eta(),
              impact.gamma(),
              tau));
    }
  }

  /**
   * A zero-drift problem, the main case of the paper.
   *
   * @param side {@link Side#SELL} to liquidate, {@link Side#BUY} to acquire
   * @param quantity shares or contracts, {@code > 0}
   * @param horizon {@code T}, time units, {@code > 0}
   * @param intervals {@code N}, {@code >= 1}
   * @param volatility {@code sigma}, currency per share per square root of a time unit
   * @param impact the linear impact coefficients
   * @return the parameters with {@code alpha = 0}
   */
  public static AlmgrenChrissParameters of(
      Side side,
      double quantity,
      double horizon,
      int intervals,
      double volatility,
      LinearImpact impact) {
    return new AlmgrenChrissParameters(side, quantity, horizon, intervals, volatility, 0, impact);
  }

  /**
   * The interval length.
   *
   * @return {@code tau = T / N}, time units
   */
  public double tau() {
    return horizon / intervals;
  }

  /**
   * The discrete-time temporary impact coefficient.
   *
   * @return {@code eta_tilde = eta - gamma tau / 2 > 0}
   */
  public double etaTilde() {
    return impact.etaTilde(tau());
  }

  /**
   * The drift as it acts on this program's cost: {@code alpha} for a sale, {@code -alpha} for a
   * purchase (a rising price helps whoever still holds shares to sell and hurts whoever still has
   * shares to buy).
   *
   * @return the signed drift, currency per share per time unit
   */
  public double favourableDrift() {
    return side == Side.SELL ? drift : -drift;
  }

  /**
   * The trading times.
   *
   * @return {@code t_k = k tau} for {@code k = 0..N}, with {@code t_N = T} exactly
   */
  public double[] times() {
    double[] t = new double[intervals + 1];
    double tau = tau();
    for (int k = 0; k < intervals; k++) {
      t[k] = k * tau;
    }
    t[intervals] = horizon;
    return t;
  }
}

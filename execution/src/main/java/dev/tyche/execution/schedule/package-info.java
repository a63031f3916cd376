/**
 * Optimal execution schedules (Almgren and Chriss 2000) and the calibration of their impact
 * coefficients from one's own fills.
 *
 * <p><b>Source.</b> R. Almgren and N. Chriss, "Optimal execution of portfolio transactions",
 * Journal of Risk 3(2), 2000, pp. 5-39. Section and equation numbers below follow that paper
 * (December 2000 version): §1 the trading model, §2 the efficient frontier, §3 the risk/reward
 * trade-off, §4 the value of information (drift).
 *
 * <p><b>Model</b> (§1.1-§1.5). A program trades {@code X} shares over {@code [0, T]} in {@code N}
 * intervals of length {@code tau = T / N}; {@code x_k} is the quantity still to trade at {@code t_k
 * = k tau} ({@code x_0 = X}, {@code x_N = 0}) and {@code n_k = x_{k-1} - x_k} the quantity traded
 * in interval {@code k}. The unaffected price is an arithmetic random walk {@code S_k = S_{k-1} +
 * sigma tau^(1/2) xi_k + alpha tau - tau g(n_k / tau)}, {@code xi_k} independent standard normal;
 * the interval's trades execute at {@code S_{k-1} - h(n_k / tau)} (for a sale). Linear impact:
 * permanent {@code g(v) = gamma v}, temporary {@code h(v) = epsilon sgn(v) + eta v}. The shortfall
 * is then normal with (§1.4, §1.5)
 *
 * <pre>
 * E = gamma X^2 / 2 + epsilon sum |n_k| + (eta_tilde / tau) sum n_k^2 - alpha tau sum x_k
 * V = sigma^2 tau sum x_k^2,        eta_tilde = eta - gamma tau / 2,    sums over k = 1..N
 * </pre>
 *
 * (for a purchase, with {@code -alpha} in place of {@code alpha}). The costs are measured against
 * the pre-trade value {@code X S0}, so the price level {@code S0} does not enter.
 *
 * <p><b>Optimal schedule</b> (§2.2). Minimising {@code E + lambda V} gives the linear difference
 * equation {@code (x_{j-1} - 2 x_j + x_{j+1}) / tau^2 = kappa_tilde^2 x_j} with {@code
 * kappa_tilde^2 = lambda sigma^2 / eta_tilde}, solved by
 *
 * <pre>
 * x_j = X sinh(kappa (T - t_j)) / sinh(kappa T),    2 (cosh(kappa tau) - 1) / tau^2 = kappa_tilde^2
 * </pre>
 *
 * (eq. (18)), so {@code kappa tau = acosh(1 + kappa_tilde^2 tau^2 / 2) = 2 asinh(kappa_tilde tau /
 * 2)}; the library uses the {@code asinh} form, exact and stable as {@code lambda -> 0}, where the
 * schedule tends to the linear (TWAP) one {@code x_j = X (1 - t_j / T)}. The half-life of the trade
 * is {@code theta = 1 / kappa} (§2.3). The closed forms of {@code E} and {@code V} for this
 * schedule are eq. (20); for the linear schedule eqs. (10)-(11). With drift (§4.1) the holdings
 * gain the term {@code xbar (1 - (sinh(kappa (T - t_j)) + sinh(kappa t_j)) / sinh(kappa T))},
 * {@code xbar = alpha / (2 lambda sigma^2)}. Sweeping {@code lambda} traces the convex efficient
 * frontier (§2.4); the shortfall's mean-variance utility is {@code E + lambda V} (§3.1) and its
 * value at risk {@code E + z sqrt(V)} (§3.2).
 *
 * <p><b>Units.</b> Choose one time unit (days in the reference cases) and one currency. Then {@code
 * X} is in shares (or contracts); {@code T, tau, t_k, 1 / kappa} in time units; {@code sigma} in
 * currency per share per square root of a time unit (an absolute volatility); {@code alpha} in
 * currency per share per time unit; {@code epsilon} in currency per share; {@code eta} in currency
 * per share per (share per time unit); {@code gamma} in currency per share per share; {@code
 * lambda} per currency unit; {@code E} in currency and {@code V} in currency². Every input is
 * validated; {@code eta_tilde <= 0} is rejected because the expected cost would no longer be convex
 * in the trade list and no optimum would exist.
 *
 * <p><b>Calibration.</b> {@link dev.tyche.execution.schedule.LinearImpactCalibration} fits {@code
 * epsilon, eta, gamma} by generalised least squares to the slippage of executed child orders
 * against their parent's decision price (children of one parent share the price path, so their
 * errors are correlated; the covariance is known from the volatility and the timing); {@link
 * dev.tyche.execution.schedule.SquareRootImpactCalibration} fits the square-root law {@code
 * cost_bps = Y sigma sqrt(Q / V)} to parent orders.
 *
 * <p>Entry points: {@link dev.tyche.execution.schedule.AlmgrenChriss}, {@link
 * dev.tyche.execution.schedule.AlmgrenChrissParameters}, {@link
 * dev.tyche.execution.schedule.AlmgrenChrissSchedule}.
 */
package dev.tyche.execution.schedule;

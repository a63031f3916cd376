/**
 * Value at Risk and Conditional Value at Risk (expected shortfall) of a return series or a
 * portfolio.
 *
 * <p>Conventions used throughout the package:
 *
 * <ul>
 *   <li>Inputs are per-period <b>simple</b> returns ({@code P_t / P_{t-1} - 1}) as fractions, not
 *       percent.
 *   <li>A confidence level {@code a} lies strictly between 0 and 1; the tail probability is {@code
 *       p = 1 - a}, computed in double arithmetic exactly as written.
 *   <li>VaR and CVaR are reported as <b>positive loss numbers</b>: a 3 % loss is {@code 0.03}. A
 *       negative value means that even the tail outcome is a gain.
 * </ul>
 *
 * <p>Entry points: {@link dev.tyche.risk.var.ValueAtRisk} for single series (historical, Gaussian,
 * Cornish-Fisher, EWMA, filtered historical simulation, Monte Carlo) and {@link
 * dev.tyche.risk.var.PortfolioVar} for parametric portfolio VaR with marginal and component VaR.
 */
package dev.tyche.risk.var;

/**
 * Mean-variance (Markowitz) portfolio optimisation on top of the Goldfarb-Idnani QP solver in
 * {@link dev.tyche.portfolio.qp}: global minimum variance, maximum Sharpe (tangency), minimum
 * variance at a target return, maximum return at a target volatility, mean-variance utility and the
 * efficient frontier, under budget, box, group, gross-leverage and turnover constraints with
 * optional linear transaction costs.
 *
 * <p>Conventions: expected returns {@code mu}, the covariance {@code Sigma}, the risk-free rate,
 * target returns and target volatilities are all <b>per period</b> (simple returns), as produced by
 * {@link dev.tyche.risk.covariance.CovarianceEstimators} on a {@code T x n} returns matrix.
 * Annualisation multiplies returns by {@code periodsPerYear} and volatilities by its square root
 * (365 for crypto, 252 for equities); it is a parameter, never assumed.
 */
package dev.tyche.portfolio.optimize;

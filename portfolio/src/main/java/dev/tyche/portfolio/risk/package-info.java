/**
 * Portfolio risk decomposition: volatility and its Euler contributions (marginal, component,
 * percentage), contributions to parametric VaR, the diversification ratio, and long-only
 * risk-budgeting / equal-risk-contribution (risk parity) weights.
 *
 * <p>Conventions: weights are exposures per unit of capital; covariances are per-period covariances
 * of simple returns, square, symmetric, finite and positive semi-definite (checked); nothing is
 * annualised. Entry points: {@link dev.tyche.portfolio.risk.RiskDecomposition} and {@link
 * dev.tyche.portfolio.risk.RiskBudgeting}.
 */
package dev.tyche.portfolio.risk;

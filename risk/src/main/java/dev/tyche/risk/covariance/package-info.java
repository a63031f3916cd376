/**
 * Covariance estimators for a matrix of per-period returns: sample covariance with an explicit
 * divisor, RiskMetrics-style EWMA, Ledoit-Wolf shrinkage towards a scaled identity and towards
 * constant correlation, correlation from covariance, and the repair of a matrix that is not
 * positive definite.
 *
 * <p>Convention throughout: a returns matrix is {@code double[T][N]}, one row per observation
 * (period) and one column per asset; it must be rectangular, finite and have {@code T >= 2}.
 * Matrices returned are fresh arrays owned by the caller.
 */
package dev.tyche.risk.covariance;

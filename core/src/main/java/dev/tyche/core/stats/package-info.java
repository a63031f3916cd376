/**
 * Plain statistics on primitive {@code double} arrays: returns from prices, descriptive moments,
 * sample quantiles, rolling windows and performance metrics (Sharpe, Sortino, drawdown, Calmar).
 *
 * <p>Conventions shared by every class in this package:
 *
 * <ul>
 *   <li>Inputs are never modified; every array result is a fresh array.
 *   <li>Invalid input (null, empty or too short arrays, NaN or infinite values, non-positive
 *       prices, a non-positive number of periods per year) throws {@link
 *       java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for null)
 *       with a message naming the argument, the offending index and value, and what was expected.
 *   <li>Divisors are named: {@code sample...} divides by {@code n - 1} (ddof = 1), {@code
 *       population...} by {@code n} (ddof = 0).
 *   <li>Annualisation always takes the number of periods per year as an explicit argument (for
 *       example 365 for daily crypto bars, 252 for equity trading days, 52 for weeks).
 *   <li>A ratio whose risk denominator is exactly zero is undefined and returned as {@link
 *       java.lang.Double#NaN}; see {@link dev.tyche.core.stats.PerformanceMetrics} for the list.
 * </ul>
 *
 * <p>Only the JDK is used, so the package can live in {@code core} without Commons Math.
 */
package dev.tyche.core.stats;

/**
 * Backtests of VaR forecasts: Kupiec's proportion-of-failures test, Christoffersen's independence
 * and conditional-coverage tests, and a streaming monitor that applies them to a rolling window.
 *
 * <p>An exceedance (failure, violation) at period {@code t} is {@code I_t = 1} when the realised
 * loss {@code -r_t} is strictly greater than the VaR forecast for that period, both as positive
 * loss numbers. The expected exceedance rate is {@code p = 1 - a} for VaR at confidence {@code a}.
 *
 * <p>Entry points: {@link dev.tyche.risk.backtest.VarBacktests} and {@link
 * dev.tyche.risk.backtest.VarHealthMonitor}.
 */
package dev.tyche.risk.backtest;

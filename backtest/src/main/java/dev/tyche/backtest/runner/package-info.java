/**
 * The backtest runner: {@link dev.tyche.backtest.runner.BacktestRunner} replays a historical feed
 * through the same {@code TradingEngine}, risk gate and {@code SimulatedVenue} as paper and live
 * trading, on a {@code SimulatedClock}, configured by a {@link
 * dev.tyche.backtest.runner.BacktestConfig}, and returns a {@code BacktestResult}.
 */
package dev.tyche.backtest.runner;

/**
 * Child-order (execution) algorithms that work a parent order through the engine: TWAP, VWAP, POV,
 * iceberg, an Almgren-Chriss-scheduled algorithm and an adaptive one.
 *
 * <p><b>Design.</b> Each algorithm is a core {@link dev.tyche.core.strategy.Strategy} that owns one
 * {@link dev.tyche.execution.algo.ParentOrder}: register it with the engine under its own strategy
 * id (or forward a host strategy's callbacks to it). It acts only through the {@link
 * dev.tyche.core.strategy.StrategyContext} (submit, cancel, timers, clock, instrument look-up,
 * subscriptions), so it runs identically in backtest, paper and live trading, and its children pass
 * the engine's risk gate like any other order. See {@link
 * dev.tyche.execution.algo.ExecutionAlgorithm} for the shared rules (exact quantities, the step
 * grid, minimum notional, cancellation, progress and slippage control).
 */
package dev.tyche.execution.algo;

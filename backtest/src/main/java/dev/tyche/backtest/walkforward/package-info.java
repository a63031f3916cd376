/**
 * Walk-forward analysis over any time-indexed data set.
 *
 * <p>{@link dev.tyche.backtest.walkforward.WalkForward} lays out rolling or anchored windows
 * ({@link dev.tyche.backtest.walkforward.WindowSpec}: train length, test length, step, purge,
 * embargo), searches a {@link dev.tyche.backtest.sweep.ParameterSpace} in-sample with a {@link
 * dev.tyche.backtest.sweep.ParameterSearch} (grid or seeded random), keeps the parameters that
 * maximise an {@link dev.tyche.backtest.walkforward.Objective} (per-period Sharpe by default, or
 * any function of the returns), and stitches the out-of-sample returns of all windows into one
 * series ({@link dev.tyche.backtest.walkforward.WalkForwardResult}).
 *
 * <p>The engine knows nothing about markets: a strategy is plugged in as an {@link
 * dev.tyche.backtest.walkforward.Evaluator} that returns one return per period of a half-open index
 * range {@code [from, to)}, so any backtest runner (or a closed-form model) can be used.
 *
 * <p>Conventions: periods are indices {@code 0..n-1} (optionally with strictly increasing
 * timestamps); returns are per-period simple returns; ranges are half-open; scores are
 * higher-is-better and NaN ranks last.
 */
package dev.tyche.backtest.walkforward;

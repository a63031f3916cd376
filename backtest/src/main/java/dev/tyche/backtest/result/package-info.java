/**
 * What a backtest produced: {@link dev.tyche.backtest.result.BacktestResult} with its {@link
 * dev.tyche.backtest.result.EquityCurve} (equity, drawdown and exposure at every bar close), fills,
 * funding settlements, separately reported costs, per-strategy and per-regime {@link
 * dev.tyche.backtest.result.Contribution}s and core's performance metrics; {@link
 * dev.tyche.backtest.result.ResultWriter} writes it as JSON and CSV.
 *
 * <p><b>Attribution extension point.</b> Contributions here are simple sums (the PnL of each
 * strategy's own fills and funding; the equity change while each regime was in force). Per-strategy
 * PnL and exposure series aligned with the equity curve ({@link
 * dev.tyche.backtest.result.StrategySeries}) carry the weights and returns a Brinson-Fachler
 * attribution (portfolio module) needs, so it can be computed from a result without re-running.
 */
package dev.tyche.backtest.result;

/**
 * What a backtest produced: {@link dev.tyche.backtest.result.BacktestResult} with its {@link
 * dev.tyche.backtest.result.EquityCurve} (equity, drawdown and exposure at every bar close), fills,
 * funding settlements, separately reported costs, per-strategy and per-regime {@link
 * dev.tyche.backtest.result.Contribution}s and core's performance metrics; {@link
 * dev.tyche.backtest.result.ResultWriter} writes it as JSON and CSV.
 *
 * <p><b>Attribution.</b> Contributions are simple sums (the PnL of each strategy's own fills and
 * funding; the equity change while each regime was in force). {@link
 * dev.tyche.backtest.result.SleeveAttribution} adds the Brinson-Fachler view (portfolio module's
 * {@code dev.tyche.portfolio.attribution}, Carino-linked over periods): allocation, selection and
 * interaction per strategy sleeve and per regime, against the benchmark chosen in {@link
 * dev.tyche.backtest.result.AttributionSettings} (default: the equal-weight portfolio of the
 * sleeves). It is computed from a result without re-running, from the per-strategy PnL series
 * ({@link dev.tyche.backtest.result.StrategySeries}).
 */
package dev.tyche.backtest.result;

/**
 * Self-contained HTML reports of a backtest: {@link dev.tyche.backtest.report.HtmlReport} renders a
 * {@code BacktestResult} as one HTML file with inline SVG charts (equity with regime shading,
 * drawdown, exposure, monthly returns heat map) and tables (summary, costs, contributions, trades),
 * with no external scripts, styles or fonts.
 */
package dev.tyche.backtest.report;

/**
 * Risk examples on the bundled BTCUSDT daily bars: Value at Risk and expected shortfall by several
 * methods with a rolling backtest ({@link dev.tyche.examples.risk.RiskMeasuresExample}), and a
 * GARCH(1,1) fit with its volatility forecast ({@link dev.tyche.examples.risk.GarchExample}).
 */
package dev.tyche.examples.risk;

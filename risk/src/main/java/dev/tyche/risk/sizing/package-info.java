/**
 * Position sizing: one decision ({@link dev.tyche.risk.sizing.PositionSizer}) that takes the
 * smallest of a fractional-Kelly size, a volatility-targeted size, a VaR/expected-shortfall loss
 * budget, a minimum distance to liquidation and the exchange's limits (initial margin within
 * equity, {@code maxQuantity}, the leverage table's notional cap), rounds it down to the step grid
 * and applies {@code minQuantity} and the minimum notional. The {@link
 * dev.tyche.risk.sizing.SizingDecision} keeps every candidate, the binding one and notes.
 *
 * <p>Units: equity, budgets and notionals in the quote asset (USDT); quantities in base units;
 * volatilities as annualised standard deviations of simple returns, annualised by the square root
 * of time with 365 periods a year for daily crypto bars.
 *
 * <p>Sources: Kelly 1956, "A New Interpretation of Information Rate", Bell System Technical Journal
 * 35(4) (through {@code dev.tyche.risk.kelly}); Harvey et al. 2018, "The Impact of Volatility
 * Targeting", Journal of Portfolio Management 45(1), and Moreira and Muir 2017, "Volatility-Managed
 * Portfolios", Journal of Finance 72(4) (volatility scaling); Parkinson 1980, Journal of Business
 * 53(1) (expected high-low range of a Brownian bar, for ATR); Binance USDⓈ-M margin and liquidation
 * rules through {@code dev.tyche.risk.margin}, see its sources.
 */
package dev.tyche.risk.sizing;

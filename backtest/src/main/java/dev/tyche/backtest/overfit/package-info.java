/**
 * Statistics that measure how much of a backtest's performance is due to selection among many
 * trials.
 *
 * <ul>
 *   <li>{@link dev.tyche.backtest.overfit.DeflatedSharpe}: the Probabilistic Sharpe Ratio and the
 *       Deflated Sharpe Ratio of Bailey and López de Prado (2012, 2014), with the expected maximum
 *       Sharpe ratio of {@code N} zero-skill trials.
 *   <li>{@link dev.tyche.backtest.overfit.Cscv}: combinatorially symmetric cross-validation and the
 *       Probability of Backtest Overfitting of Bailey, Borwein, López de Prado and Zhu (2017), with
 *       the performance degradation regression and the probability of loss.
 * </ul>
 *
 * <p>Sharpe ratios are per period (not annualised) throughout. The standard normal distribution
 * function and its inverse are implemented in this package (no Commons Math dependency).
 */
package dev.tyche.backtest.overfit;

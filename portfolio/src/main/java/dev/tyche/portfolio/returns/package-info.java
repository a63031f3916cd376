/**
 * Expected-return inputs for portfolio construction: historical mean, exponentially weighted mean
 * (explicit decay or half-life) and Bayes-Stein / James-Stein shrinkage of the means, which returns
 * the shrinkage intensity it used.
 *
 * <p>Convention: a returns matrix is {@code double[T][N]}, one row per period (oldest first), one
 * column per asset; results are per period, not annualised. Entry point: {@link
 * dev.tyche.portfolio.returns.ExpectedReturns}.
 */
package dev.tyche.portfolio.returns;

/**
 * Volatility models for return series: the RiskMetrics exponentially weighted moving average
 * ({@link dev.tyche.risk.volatility.EwmaVolatility}) and GARCH(1,1) / GJR-GARCH(1,1) fitted by
 * maximum likelihood ({@link dev.tyche.risk.volatility.GarchModel}, {@link
 * dev.tyche.risk.volatility.GarchFit}).
 *
 * <p>Conventions: returns are whatever the caller passes (the reference cases use percent log
 * returns, {@code 100 ln(P_t / P_{t-1})}); variances are in the squared units of the returns and
 * are per period (no annualisation). The GARCH likelihood, start-up recursion and forecast
 * recursion follow R fGarch (Wuertz et al., fGarch 4022.89, {@code garchFit} with {@code init.rec =
 * "mci"}); the tseries start-up ({@code tseries::garch}, Trapletti and Hornik) is available as
 * {@link dev.tyche.risk.volatility.VarianceStartUp#TSERIES}.
 */
package dev.tyche.risk.volatility;

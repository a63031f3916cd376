package dev.tyche.strategy.regime.detector;

/**
 * Which conditional volatility a {@link RegimeDetector} uses as its volatility feature.
 *
 * <p>Immutable and thread-safe.
 */
public enum VolatilityFeature {
  /**
   * GARCH(1,1) (Bollerslev 1986, "Generalized autoregressive conditional heteroskedasticity",
   * Journal of Econometrics 31, eq. 5), fitted by {@link dev.tyche.risk.volatility.GarchModel} on
   * the fit window at every refit and run forward by its own recursion between refits.
   */
  GARCH,
  /**
   * RiskMetrics EWMA variance (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed. 1996,
   * eq. 5.3) by {@link dev.tyche.risk.volatility.EwmaVolatility}; nothing to refit.
   */
  EWMA
}

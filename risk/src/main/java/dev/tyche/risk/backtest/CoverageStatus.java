package dev.tyche.risk.backtest;

/**
 * The verdict of a {@link VarHealthMonitor} on its current window.
 *
 * <p>Immutable and thread-safe.
 */
public enum CoverageStatus {
  /** The window is not full yet; no test has been run. */
  WARMING_UP,
  /** No test rejects at the monitor's significance. */
  OK,
  /** Kupiec rejects and the observed exceedance rate is above the expected one: VaR too low. */
  TOO_MANY,
  /** Kupiec rejects and the observed exceedance rate is below the expected one: VaR too high. */
  TOO_FEW,
  /**
   * The exceedance rate passes Kupiec, but Christoffersen's independence or conditional-coverage
   * test rejects: the exceedances are serially dependent, which for a VaR model almost always means
   * they arrive in clusters (the forecast reacts too slowly to volatility).
   */
  CLUSTERED
}

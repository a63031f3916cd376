package dev.tyche.risk.var;

/**
 * The method that produced a {@link VarEstimate}.
 *
 * <p>Immutable and thread-safe.
 */
public enum VarMethod {
  /** Empirical quantile of the observed returns. */
  HISTORICAL,
  /** Normal distribution with the sample mean and sample standard deviation. */
  GAUSSIAN,
  /** Normal quantile corrected for skewness and kurtosis by the Cornish-Fisher expansion. */
  CORNISH_FISHER,
  /** Zero-mean normal with the RiskMetrics exponentially weighted volatility. */
  EWMA,
  /** Empirical quantile of standardised residuals rescaled by a conditional volatility forecast. */
  FILTERED_HISTORICAL,
  /** Empirical quantile of a seeded Monte Carlo sample. */
  MONTE_CARLO
}

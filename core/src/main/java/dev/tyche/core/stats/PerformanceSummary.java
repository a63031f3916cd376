package dev.tyche.core.stats;

import java.util.Objects;

/**
 * All metrics of {@link PerformanceMetrics} for one price series, as returned by {@link
 * PerformanceMetrics#summarize}. Ratios follow the degenerate-input rules described there (NaN for
 * a zero risk denominator, +Infinity for a profit factor or Omega ratio without losses).
 *
 * <p>Immutable and thread-safe.
 *
 * @param returnCount number of returns {@code n} (one less than the number of prices), {@code >= 2}
 * @param periodsPerYear periods per year used for annualising, {@code > 0}
 * @param rfPerPeriod risk-free return per period used in the Sharpe ratio
 * @param mar minimum acceptable return per period used in Sortino and Omega
 * @param meanReturn mean simple return per period
 * @param sdReturn sample standard deviation of the returns (divisor {@code n - 1})
 * @param annualVolatility {@code sdReturn * sqrt(periodsPerYear)}
 * @param sharpePerPeriod {@code mean(r - rf) / sd(r - rf)}
 * @param sharpeAnnualised {@code sharpePerPeriod * sqrt(periodsPerYear)}
 * @param downsideDeviation downside deviation below {@code mar}, dividing by all {@code n}
 * @param sortinoPerPeriod {@code (meanReturn - mar) / downsideDeviation}
 * @param sortinoAnnualised {@code sortinoPerPeriod * sqrt(periodsPerYear)}
 * @param downsideDeviationNegativeOnly downside deviation dividing by the number of returns below
 *     {@code mar}
 * @param sortinoAnnualisedNegativeOnly the annualised Sortino ratio with that denominator
 * @param drawdown the maximum drawdown with its indices
 * @param totalReturn {@code P_n / P_0 - 1}
 * @param cagr {@code (P_n / P_0)^(periodsPerYear / n) - 1}
 * @param calmar {@code cagr / maxDrawdown}
 * @param arithmeticAnnualReturn {@code meanReturn * periodsPerYear}
 * @param calmarArithmetic {@code arithmeticAnnualReturn / maxDrawdown}
 * @param omega the Omega ratio at threshold {@code mar}
 * @param winRate the fraction of returns {@code > 0}
 * @param profitFactor sum of gains over the absolute sum of losses
 */
public record PerformanceSummary(
    int returnCount,
    double periodsPerYear,
    double rfPerPeriod,
    double mar,
    double meanReturn,
    double sdReturn,
    double annualVolatility,
    double sharpePerPeriod,
    double sharpeAnnualised,
    double downsideDeviation,
    double sortinoPerPeriod,
    double sortinoAnnualised,
    double downsideDeviationNegativeOnly,
    double sortinoAnnualisedNegativeOnly,
    Drawdown drawdown,
    double totalReturn,
    double cagr,
    double calmar,
    double arithmeticAnnualReturn,
    double calmarArithmetic,
    double omega,
    double winRate,
    double profitFactor) {

  /** Checks the counts and conventions; the metric values themselves may be NaN by design. */
  public PerformanceSummary {
    if (returnCount < 2) {
      throw new IllegalArgumentException("returnCount must be >= 2 but was " + returnCount);
    }
    Checks.periodsPerYear(periodsPerYear);
    Checks.finite(rfPerPeriod, "rfPerPeriod");
    Checks.finite(mar, "mar");
    Objects.requireNonNull(drawdown, "drawdown");
  }

  /**
   * The maximum drawdown as a positive fraction, a shortcut for {@code drawdown().maxDrawdown()}.
   *
   * @return the maximum drawdown in {@code [0, 1)}
   */
  public double maxDrawdown() {
    return drawdown.maxDrawdown();
  }
}

package dev.tyche.risk.var;

import java.util.Objects;

/**
 * Every historical (empirical) VaR and CVaR of one sample at one confidence level, under both
 * quantile rules and both CVaR definitions. Built by {@link ValueAtRisk#historicalReport(double[],
 * double)}.
 *
 * <p>Returns are simple returns; quantiles are in return units (negative in the loss tail), VaR and
 * CVaR are positive loss numbers. With {@code p = 1 - confidence}:
 *
 * <ul>
 *   <li>{@code varType7 = -Q7(p)}, {@code varType1 = -Q1(p)} (see {@link QuantileRule});
 *   <li>{@code cvarWorstKMean = -(mean of the k = ceil(n p) smallest returns)};
 *   <li>{@code cvarBelowType7Quantile = -(mean of all returns <= Q7(p))}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param confidence the confidence level {@code a}, in (0, 1)
 * @param n the number of returns, at least 1
 * @param quantileType7 the type-7 sample quantile {@code Q7(p)}
 * @param quantileType1 the type-1 sample quantile {@code Q1(p)}
 * @param kWorst {@code k = ceil(n p)}, clamped to {@code 1..n}
 * @param cvarWorstKMean minus the mean of the {@code k} smallest returns
 * @param cvarBelowType7Quantile minus the mean of the returns at or below {@code Q7(p)}
 */
public record HistoricalVarReport(
    double confidence,
    int n,
    double quantileType7,
    double quantileType1,
    int kWorst,
    double cvarWorstKMean,
    double cvarBelowType7Quantile) {

  /** Validates the fields. */
  public HistoricalVarReport {
    Samples.tailProbability(confidence);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was " + n);
    }
    if (kWorst < 1 || kWorst > n) {
      throw new IllegalArgumentException("kWorst must be in [1, " + n + "] but was " + kWorst);
    }
    Samples.requireFinite("quantileType7", quantileType7);
    Samples.requireFinite("quantileType1", quantileType1);
    Samples.requireFinite("cvarWorstKMean", cvarWorstKMean);
    Samples.requireFinite("cvarBelowType7Quantile", cvarBelowType7Quantile);
  }

  /**
   * Historical VaR with the type-7 (linear interpolation) quantile.
   *
   * @return {@code -Q7(p)}, positive = loss
   */
  public double varType7() {
    return -quantileType7;
  }

  /**
   * Historical VaR with the type-1 (inverse empirical CDF) quantile.
   *
   * @return {@code -Q1(p)}, positive = loss
   */
  public double varType1() {
    return -quantileType1;
  }

  /**
   * Historical VaR under the given quantile rule.
   *
   * @param rule the quantile rule
   * @return the VaR, positive = loss
   */
  public double var(QuantileRule rule) {
    return Objects.requireNonNull(rule, "rule") == QuantileRule.TYPE_7_LINEAR
        ? varType7()
        : varType1();
  }

  /**
   * Historical CVaR under the given definition.
   *
   * @param rule the CVaR definition
   * @return the CVaR, positive = loss
   */
  public double cvar(CvarRule rule) {
    return Objects.requireNonNull(rule, "rule") == CvarRule.WORST_K_MEAN
        ? cvarWorstKMean
        : cvarBelowType7Quantile;
  }

  /**
   * The VaR and CVaR pair for the chosen rules.
   *
   * @param quantileRule the quantile rule for VaR
   * @param cvarRule the CVaR definition
   * @return a {@link VarMethod#HISTORICAL} estimate
   */
  public VarEstimate estimate(QuantileRule quantileRule, CvarRule cvarRule) {
    return new VarEstimate(VarMethod.HISTORICAL, confidence, var(quantileRule), cvar(cvarRule));
  }
}

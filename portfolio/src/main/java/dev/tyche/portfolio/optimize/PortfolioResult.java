package dev.tyche.portfolio.optimize;

import dev.tyche.portfolio.qp.QpResult;
import java.util.Arrays;
import java.util.Objects;

/**
 * An optimised portfolio, or the reason there is none.
 *
 * <p>Per-period figures: {@code expectedReturn = mu'w} (gross of costs), {@code volatility =
 * sqrt(w'Sigma w)}, {@code sharpeRatio = (mu'w - rf * sum w) / volatility} and {@code
 * transactionCost = sum c_i |w_i - w0_i|}. Annualised figures (the {@code annualized*} methods)
 * multiply returns by {@code periodsPerYear} and volatility and Sharpe by {@code
 * sqrt(periodsPerYear)}, the convention of the project's reference files (365 for crypto).
 *
 * <p>Unless {@code status} is {@link PortfolioStatus#OPTIMAL}, the weights and every number are
 * NaN, so that they cannot be used by mistake; {@code message} says why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights portfolio weights, one per asset
 * @param expectedReturn {@code mu'w} per period
 * @param volatility {@code sqrt(w'Sigma w)} per period
 * @param sharpeRatio per-period Sharpe ratio against the optimiser's risk-free rate
 * @param transactionCost linear cost of moving from the current weights, in return units
 * @param periodsPerYear periods per year used by the {@code annualized*} methods, {@code >= 1}
 * @param status outcome
 * @param message explanation (what was solved, or why there is no solution)
 * @param diagnostics the result of the last QP solve (status, iterations, active set, multipliers,
 *     ridge); its variables include any auxiliary ones after the {@code n} weights
 * @param qpSolves number of QP solves used (more than one for searches over the frontier)
 */
public record PortfolioResult(
    double[] weights,
    double expectedReturn,
    double volatility,
    double sharpeRatio,
    double transactionCost,
    int periodsPerYear,
    PortfolioStatus status,
    String message,
    QpResult diagnostics,
    int qpSolves) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code periodsPerYear < 1} or {@code qpSolves < 0}
   */
  public PortfolioResult {
    weights = Objects.requireNonNull(weights, "weights").clone();
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(diagnostics, "diagnostics");
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException("periodsPerYear must be >= 1 but was " + periodsPerYear);
    }
    if (qpSolves < 0) {
      throw new IllegalArgumentException("qpSolves must be >= 0 but was " + qpSolves);
    }
  }

  /**
   * A copy of the weights.
   *
   * @return the weights (NaN unless optimal)
   */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Whether the status is {@link PortfolioStatus#OPTIMAL}.
   *
   * @return true if optimal
   */
  public boolean isOptimal() {
    return status == PortfolioStatus.OPTIMAL;
  }

  /**
   * Annualised expected return {@code expectedReturn * periodsPerYear}.
   *
   * @return the annualised return
   */
  public double annualizedReturn() {
    return expectedReturn * periodsPerYear;
  }

  /**
   * Annualised volatility {@code volatility * sqrt(periodsPerYear)}.
   *
   * @return the annualised volatility
   */
  public double annualizedVolatility() {
    return volatility * Math.sqrt(periodsPerYear);
  }

  /**
   * Annualised Sharpe ratio {@code sharpeRatio * sqrt(periodsPerYear)}.
   *
   * @return the annualised Sharpe ratio
   */
  public double annualizedSharpe() {
    return sharpeRatio * Math.sqrt(periodsPerYear);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortfolioResult r
        && Arrays.equals(weights, r.weights)
        && Double.compare(expectedReturn, r.expectedReturn) == 0
        && Double.compare(volatility, r.volatility) == 0
        && Double.compare(sharpeRatio, r.sharpeRatio) == 0
        && Double.compare(transactionCost, r.transactionCost) == 0
        && periodsPerYear == r.periodsPerYear
        && status == r.status
        && message.equals(r.message)
        && diagnostics.equals(r.diagnostics)
        && qpSolves == r.qpSolves;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(weights),
        expectedReturn,
        volatility,
        sharpeRatio,
        transactionCost,
        periodsPerYear,
        status,
        message,
        diagnostics,
        qpSolves);
  }

  @Override
  public String toString() {
    return "PortfolioResult[status="
        + status
        + ", weights="
        + Arrays.toString(weights)
        + ", expectedReturn="
        + expectedReturn
        + ", volatility="
        + volatility
        + ", sharpeRatio="
        + sharpeRatio
        + ", message="
        + message
        + "]";
  }
}

package dev.tyche.portfolio.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Long-only risk-budgeting portfolios: weights {@code w > 0}, {@code sum w = 1}, whose percentage
 * contributions to volatility {@code w_i (Sigma w)_i / (w' Sigma w)} equal given budgets {@code
 * b_i}. Equal budgets {@code b_i = 1/N} give the equal-risk-contribution (ERC, "risk parity")
 * portfolio of Maillard, Roncalli and Teiletche, "The properties of equally weighted risk
 * contribution portfolios", J. Portfolio Management 36(4), 2010.
 *
 * <p><b>Method.</b> The budgeting problem is solved through the strictly convex log-barrier problem
 * of Spinu, "An algorithm for computing risk parity weights", SSRN 2297383, 2013 (the same
 * log-barrier problem appears in Maillard et al. 2010):
 *
 * <pre>{@code
 * minimise  f(y) = 1/2 y' Sigma y - sum_i b_i ln y_i   over y > 0
 * }</pre>
 *
 * whose first-order condition {@code y_i (Sigma y)_i = b_i} says that the risk contributions of
 * {@code y} are proportional to the budgets; {@code w = y / sum(y)} then has percentage
 * contributions exactly {@code b}. The minimiser is found by cyclical coordinate descent
 * (Griveau-Billion, Richard and Roncalli, "A fast algorithm for computing high-dimensional risk
 * parity portfolios", arXiv:1311.4057, 2013): each coordinate is set to the positive root of its
 * own first-order condition, {@code Sigma_ii y_i^2 + c_i y_i - b_i = 0} with {@code c_i = sum_{j !=
 * i} Sigma_ij y_j}:
 *
 * <pre>{@code
 * y_i = (-c_i + sqrt(c_i^2 + 4 Sigma_ii b_i)) / (2 Sigma_ii)
 * }</pre>
 *
 * Every update lowers {@code f}; the iteration stops when {@code max_i |PRC_i - b_i|} is within
 * {@link RiskBudgetOptions#tolerance()} or after {@link RiskBudgetOptions#maxSweeps()} sweeps,
 * which the result reports as {@link ConvergenceStatus#MAX_ITERATIONS_REACHED}. The start is
 * inverse-volatility weights scaled to unit variance.
 *
 * <p>Requirements: a symmetric positive semi-definite covariance with a strictly positive diagonal
 * (an asset without variance cannot carry a risk budget). For a positive definite covariance the
 * solution exists and is unique (Maillard et al. 2010).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class RiskBudgeting {

  /** Budgets must sum to one within this absolute tolerance. */
  private static final double BUDGET_SUM_TOLERANCE = 1e-9;

  private RiskBudgeting() {}

  /**
   * The equal-risk-contribution portfolio with the default options.
   *
   * @param covariance the per-period covariance, positive semi-definite, positive diagonal
   * @return weights whose percentage contributions are all {@code 1/N}, with the solver status
   * @throws IllegalArgumentException for a bad covariance
   * @throws ArithmeticException if the iterates stop being finite (covariance nearly singular along
   *     a long-only direction)
   */
  public static RiskBudgetResult equalRiskContribution(double[][] covariance) {
    return equalRiskContribution(covariance, RiskBudgetOptions.DEFAULT);
  }

  /**
   * The equal-risk-contribution portfolio.
   *
   * @param covariance the per-period covariance, positive semi-definite, positive diagonal
   * @param options the stopping rule
   * @return weights whose percentage contributions are all {@code 1/N}, with the solver status
   * @throws IllegalArgumentException for a bad covariance
   * @throws ArithmeticException if the iterates stop being finite
   */
  public static RiskBudgetResult equalRiskContribution(
      double[][] covariance, RiskBudgetOptions options) {
    Objects.requireNonNull(covariance, "covariance must not be null");
    if (covariance.length == 0) {
      throw new IllegalArgumentException("covariance must not be empty");
    }
    double[] budgets = new double[covariance.length];
    Arrays.fill(budgets, 1.0 / covariance.length);
    return solve(covariance, budgets, options);
  }

  /**
   * The risk-budgeting portfolio for the given budgets, with the default options.
   *
   * @param covariance the per-period covariance, positive semi-definite, positive diagonal
   * @param budgets the target percentage contributions, each finite and {@code > 0}, summing to 1
   *     (within 1e-9)
   * @return the weights and the solver status
   * @throws IllegalArgumentException for a bad covariance or budgets
   * @throws ArithmeticException if the iterates stop being finite
   */
  public static RiskBudgetResult solve(double[][] covariance, double[] budgets) {
    return solve(covariance, budgets, RiskBudgetOptions.DEFAULT);
  }

  /**
   * The risk-budgeting portfolio for the given budgets.
   *
   * @param covariance the per-period covariance, positive semi-definite, positive diagonal
   * @param budgets the target percentage contributions, each finite and {@code > 0}, summing to 1
   *     (within 1e-9)
   * @param options the stopping rule
   * @return the weights and the solver status
   * @throws IllegalArgumentException for a bad covariance or budgets
   * @throws ArithmeticException if the iterates stop being finite
   */
  public static RiskBudgetResult solve(
      double[][] covariance, double[] budgets, RiskBudgetOptions options) {
    Objects.requireNonNull(options, "options must not be null");
    CovarianceChecks.finiteVector(budgets, "budgets");
    int n = budgets.length;
    double budgetSum = 0.0;
    for (int i = 0; i < n; i++) {
      if (!(budgets[i] > 0.0)) {
        throw new IllegalArgumentException("budgets[" + i + "] must be > 0 but was " + budgets[i]);
      }
      budgetSum += budgets[i];
    }
    if (Math.abs(budgetSum - 1.0) > BUDGET_SUM_TOLERANCE) {
      throw new IllegalArgumentException("budgets must sum to 1 but summed to " + budgetSum);
    }
    CovarianceChecks.covariance(covariance, n);
    for (int i = 0; i < n; i++) {
      if (!(covariance[i][i] > 0.0)) {
        throw new IllegalArgumentException(
            "covariance["
                + i
                + "]["
                + i
                + "] must be > 0 (an asset without variance cannot carry a risk budget) but was "
                + covariance[i][i]);
      }
    }

    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1.0 / Math.sqrt(covariance[i][i]);
    }
    double scale = Math.sqrt(CovarianceChecks.dot(y, CovarianceChecks.times(covariance, y)));
    for (int i = 0; i < n; i++) {
      y[i] /= scale;
    }
    double[] sy = CovarianceChecks.times(covariance, y);

    int sweeps = 0;
    double residual = residual(y, sy, budgets);
    while (residual > options.tolerance() && sweeps < options.maxSweeps()) {
      for (int i = 0; i < n; i++) {
        double sii = covariance[i][i];
        double c = sy[i] - sii * y[i];
        double updated = (-c + Math.sqrt(c * c + 4.0 * sii * budgets[i])) / (2.0 * sii);
        double delta = updated - y[i];
        if (delta != 0.0) {
          for (int k = 0; k < n; k++) {
            sy[k] += delta * covariance[k][i];
          }
          y[i] = updated;
        }
      }
      sweeps++;
      // The incremental Sigma y drifts by rounding; recompute it once per sweep.
      sy = CovarianceChecks.times(covariance, y);
      residual = residual(y, sy, budgets);
      if (!Double.isFinite(residual)) {
        throw new ArithmeticException(
            String.format(
                Locale.ROOT,
                "risk budgeting (cyclical coordinate descent) diverged after %d sweeps: the"
                    + " iterates are not finite (is the covariance singular along a long-only"
                    + " direction?)",
                sweeps));
      }
    }

    double total = 0.0;
    for (double v : y) {
      total += v;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / total;
    }
    double[] sw = CovarianceChecks.times(covariance, w);
    double variance = CovarianceChecks.dot(w, sw);
    double[] prc = new double[n];
    for (int i = 0; i < n; i++) {
      prc[i] = w[i] * sw[i] / variance;
    }
    ConvergenceStatus status =
        residual <= options.tolerance()
            ? ConvergenceStatus.CONVERGED
            : ConvergenceStatus.MAX_ITERATIONS_REACHED;
    return new RiskBudgetResult(
        w, budgets, prc, Math.sqrt(variance), status, sweeps, maxGap(prc, budgets));
  }

  /** {@code max_i |y_i (Sigma y)_i / (y' Sigma y) - b_i|}, invariant to the scale of y. */
  private static double residual(double[] y, double[] sy, double[] budgets) {
    double variance = CovarianceChecks.dot(y, sy);
    double[] prc = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      prc[i] = y[i] * sy[i] / variance;
    }
    return maxGap(prc, budgets);
  }

  private static double maxGap(double[] prc, double[] budgets) {
    double max = 0.0;
    for (int i = 0; i < prc.length; i++) {
      double gap = Math.abs(prc[i] - budgets[i]);
      if (Double.isNaN(gap)) {
        return Double.NaN;
      }
      max = Math.max(max, gap);
    }
    return max;
  }
}

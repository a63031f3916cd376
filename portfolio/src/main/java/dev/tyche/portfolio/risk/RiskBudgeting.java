package dev.tyche.portfolio.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

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
 * contributions exactly {@code b}. Two minimisers are offered ({@link RiskBudgetMethod}):
 *
 * <ul>
 *   <li>{@link RiskBudgetMethod#NEWTON} (default), as Spinu proposes: the Newton direction {@code
 *       H^-1 g} with gradient {@code g = Sigma y - b / y} and Hessian {@code H = Sigma + diag(b /
 *       y^2)} (positive definite even for a singular {@code Sigma}), and a backtracking line search
 *       that halves the step until the iterate stays positive and {@code f} decreases by the Armijo
 *       rule {@code f(y - t d) <= f(y) - 1e-4 t g'd}.
 *   <li>{@link RiskBudgetMethod#COORDINATE_DESCENT}: cyclical coordinate descent (Griveau-Billion,
 *       Richard and Roncalli, "A fast algorithm for computing high-dimensional risk parity
 *       portfolios", arXiv:1311.4057, 2013), each coordinate set to the positive root of its own
 *       first-order condition {@code Sigma_ii y_i^2 + c_i y_i - b_i = 0}, {@code c_i = sum_{j != i}
 *       Sigma_ij y_j}: {@code y_i = (-c_i + sqrt(c_i^2 + 4 Sigma_ii b_i)) / (2 Sigma_ii)}.
 * </ul>
 *
 * Both decrease {@code f} at every step. The iteration stops when {@code max_i |PRC_i - b_i|} is
 * within {@link RiskBudgetOptions#tolerance()}, or after {@link RiskBudgetOptions#maxIterations()}
 * iterations (or when the Newton line search can no longer decrease {@code f} in floating point),
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
    int iterations = 0;
    double residual = residual(y, CovarianceChecks.times(covariance, y), budgets);
    while (residual > options.tolerance() && iterations < options.maxIterations()) {
      boolean moved =
          options.method() == RiskBudgetMethod.NEWTON
              ? newtonStep(covariance, budgets, y)
              : coordinateSweep(covariance, budgets, y);
      iterations++;
      residual = residual(y, CovarianceChecks.times(covariance, y), budgets);
      if (!Double.isFinite(residual)) {
        throw new ArithmeticException(
            String.format(
                Locale.ROOT,
                "risk budgeting (%s) diverged after %d iterations: the iterates are not finite",
                options.method(),
                iterations));
      }
      if (!moved) {
        break;
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
        w, budgets, prc, Math.sqrt(variance), status, iterations, maxGap(prc, budgets));
  }

  /** One sweep of cyclical coordinate descent over y, in place. Always reports a move. */
  private static boolean coordinateSweep(double[][] covariance, double[] budgets, double[] y) {
    int n = y.length;
    double[] sy = CovarianceChecks.times(covariance, y);
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
    return true;
  }

  /**
   * One damped Newton step on y, in place; false if no step size in the line search decreased the
   * objective (the iterate is then left unchanged: rounding has the last word).
   */
  private static boolean newtonStep(double[][] covariance, double[] budgets, double[] y) {
    int n = y.length;
    double[] sy = CovarianceChecks.times(covariance, y);
    DMatrixRMaj hessian = new DMatrixRMaj(covariance);
    DMatrixRMaj gradient = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      gradient.set(i, 0, sy[i] - budgets[i] / y[i]);
      hessian.add(i, i, budgets[i] / (y[i] * y[i]));
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
    if (!solver.setA(hessian)) {
      return false;
    }
    DMatrixRMaj direction = new DMatrixRMaj(n, 1);
    solver.solve(gradient, direction);
    double slope = 0.0;
    for (int i = 0; i < n; i++) {
      slope += gradient.get(i, 0) * direction.get(i, 0);
    }
    double f0 = objective(covariance, budgets, y);
    double[] trial = new double[n];
    // Deep in the quadratic region the decrease g'd is below the rounding of f itself, so the
    // Armijo test would reject a perfectly good full step: take it if it stays positive.
    boolean tiny = slope <= 1e-10 * Math.max(1.0, Math.abs(f0));
    double t = 1.0;
    for (int halving = 0; halving < 60; halving++, t *= 0.5) {
      boolean positive = true;
      for (int i = 0; i < n && positive; i++) {
        trial[i] = y[i] - t * direction.get(i, 0);
        positive = trial[i] > 0.0;
      }
      if (positive && (tiny || objective(covariance, budgets, trial) <= f0 - 1e-4 * t * slope)) {
        System.arraycopy(trial, 0, y, 0, n);
        return true;
      }
    }
    return false;
  }

  /** {@code 1/2 y' Sigma y - sum b_i ln y_i}. */
  private static double objective(double[][] covariance, double[] budgets, double[] y) {
    double f = 0.5 * CovarianceChecks.dot(y, CovarianceChecks.times(covariance, y));
    for (int i = 0; i < y.length; i++) {
      f -= budgets[i] * Math.log(y[i]);
    }
    return f;
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

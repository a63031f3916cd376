package dev.tyche.execution.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Estimates the linear impact coefficients {@code epsilon, eta, gamma} from one's own executed
 * child orders.
 *
 * <p>The regression. In the Almgren-Chriss model (§1.2-§1.5) the {@code k}-th child of a parent
 * executes at {@code S0 + (diffusion) - sgn (gamma Q_k + epsilon + eta v_k)}, where {@code Q_k} is
 * the quantity the parent had traded before the child (the accumulated permanent impact) and {@code
 * v_k = n_k / tau_k} its trade rate. So the slippage per share against the decision price, {@code
 * y_k} ({@link ChildOrderFill#slippagePerShare()}), obeys
 *
 * <pre>
 * y_k = epsilon + eta v_k + gamma Q_k + e_k,   Var(e_k) = sigma_k^2 (t_k + tau_k / 3)
 * </pre>
 *
 * where {@code t_k} is the time since the decision and the variance is that of the average of the
 * price path over the child's interval. The coefficients are estimated by weighted least squares
 * with weights {@code 1 / Var(e_k)}; standard errors are {@code sqrt(diag(s^2 (Z' W Z)^-1))} with
 * {@code s^2 = sum w e^2 / (n - 3)}, so they stay valid if the stated volatilities are off by a
 * common factor. R² is the weighted R² about the weighted mean.
 *
 * <p>Identification needs trade rates and prior quantities that vary independently: parents with
 * several children of different sizes and speeds. One-child parents carry no information on {@code
 * gamma} ({@code Q_k = 0}).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class LinearImpactCalibration {

  private static final String[] NAMES = {
    "intercept (epsilon)", "trade rate (eta)", "prior (gamma)"
  };

  private LinearImpactCalibration() {}

  /**
   * Fits the linear model to the fills.
   *
   * @param fills at least 4 executed child orders, none null
   * @return the estimates, standard errors and R²
   * @throws IllegalArgumentException if there are fewer than 4 fills or the regressors are
   *     collinear (for example all prior quantities 0)
   */
  public static LinearImpactFit fit(List<ChildOrderFill> fills) {
    Objects.requireNonNull(fills, "fills");
    int n = fills.size();
    if (n < 4) {
      throw new IllegalArgumentException("fills must hold at least 4 child orders but had " + n);
    }
    double[][] design = new double[n][];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      ChildOrderFill f = Objects.requireNonNull(fills.get(i), "fills[" + i + "]");
      design[i] = new double[] {1, f.tradeRate(), f.priorQuantity()};
      y[i] = f.slippagePerShare();
      w[i] = 1 / f.diffusionVariance();
    }
    WeightedLeastSquares.Result r = WeightedLeastSquares.fit(design, y, w, true, NAMES);
    double[] b = r.coefficients();
    double[][] c = r.covariance();
    return new LinearImpactFit(
        b[0],
        b[1],
        b[2],
        Math.sqrt(c[0][0]),
        Math.sqrt(c[1][1]),
        Math.sqrt(c[2][2]),
        r.rSquared(),
        r.residualVariance(),
        n);
  }
}

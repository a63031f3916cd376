package dev.tyche.execution.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Fits the square-root impact law {@link SquareRootImpact} to completed parent orders.
 *
 * <p>The regression is {@code cost_bps_i = Y x_i + e_i} with {@code x_i = 10^4 sigma_i (Q_i /
 * V_i)^beta}, through the origin (no fixed cost: a zero-size order costs nothing), by ordinary
 * least squares: {@code Y = sum x y / sum x^2}, classical standard error {@code sqrt(s^2 / sum
 * x^2)} with {@code s^2 = sum e^2 / (n - 1)}, White (HC1) standard error {@code sqrt(n / (n - 1)
 * sum x^2 e^2) / sum x^2}, and the uncentred R².
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class SquareRootImpactCalibration {

  private SquareRootImpactCalibration() {}

  /**
   * Fits {@code Y} with the classic exponent {@code 1/2}.
   *
   * @param orders at least 2 parent orders, none null
   * @return the fit
   */
  public static SquareRootImpactFit fit(List<ParentOrderCost> orders) {
    return fit(orders, 0.5);
  }

  /**
   * Fits {@code Y} for a given exponent.
   *
   * @param orders at least 2 parent orders, none null
   * @param exponent {@code beta}, in {@code (0, 1]}
   * @return the fit
   */
  public static SquareRootImpactFit fit(List<ParentOrderCost> orders, double exponent) {
    Objects.requireNonNull(orders, "orders");
    SquareRootImpact shape = new SquareRootImpact(0, exponent);
    int n = orders.size();
    if (n < 2) {
      throw new IllegalArgumentException("orders must hold at least 2 parent orders but had " + n);
    }
    double[][] design = new double[n][];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      ParentOrderCost o = Objects.requireNonNull(orders.get(i), "orders[" + i + "]");
      design[i] = new double[] {shape.regressor(o.dailyVolatility(), o.volumeFraction())};
      y[i] = o.costBps();
      w[i] = 1;
    }
    WeightedLeastSquares.Result r =
        WeightedLeastSquares.fit(design, y, w, false, new String[] {"sigma (Q/V)^beta"});
    double coefficient = r.coefficients()[0];
    double sxx = 0;
    double sxxee = 0;
    for (int i = 0; i < n; i++) {
      double x = design[i][0];
      double e = y[i] - coefficient * x;
      sxx += x * x;
      sxxee += x * x * e * e;
    }
    double robust = Math.sqrt(n / (n - 1.0) * sxxee) / sxx;
    return new SquareRootImpactFit(
        new SquareRootImpact(coefficient, exponent),
        Math.sqrt(r.covariance()[0][0]),
        robust,
        r.rSquared(),
        Math.sqrt(r.residualVariance()),
        n);
  }
}

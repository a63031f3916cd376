package dev.tyche.execution.slippage;

import dev.tyche.execution.schedule.ParentOrderCost;
import dev.tyche.execution.schedule.SquareRootImpact;
import dev.tyche.execution.schedule.SquareRootImpactCalibration;
import dev.tyche.execution.schedule.SquareRootImpactFit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pre-trade prediction of a parent order's cost with the square-root impact law {@link
 * SquareRootImpact}: {@code cost_bps = Y 10^4 sigma (Q / V)^beta} (Torre 1997; Almgren, Thum,
 * Hauptmann and Li 2005), in basis points of the arrival price with the {@link Slippage} sign
 * (positive = cost). The coefficient is either given (a prior, e.g. {@code Y = 1}) or fitted from
 * completed parent orders with {@link SquareRootImpactCalibration} (least squares through the
 * origin, White standard errors), so that the prediction and the realised slippage the {@link
 * SlippageMonitor} measures use the same benchmark and sign.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the impact law
 * @param fit the calibration it came from, or empty for a prior
 */
public record ImpactEstimator(SquareRootImpact model, Optional<SquareRootImpactFit> fit) {

  // The fit, when present, must be the model's own; otherwise reports would mislead.
  public ImpactEstimator {
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(fit, "fit must not be null (use Optional.empty())");
    if (fit.isPresent() && !fit.get().model().equals(model)) {
      throw new IllegalArgumentException(
          "fit must belong to model " + model + " but was for " + fit.get().model());
    }
  }

  /**
   * A prior with a given coefficient and the classic exponent 1/2.
   *
   * @param coefficient {@code Y}, finite
   * @return the estimator
   */
  public static ImpactEstimator prior(double coefficient) {
    return new ImpactEstimator(new SquareRootImpact(coefficient, 0.5), Optional.empty());
  }

  /**
   * Calibrates {@code Y} (exponent 1/2) from completed parent orders.
   *
   * @param orders at least 2 completed parent orders
   * @return the estimator with its fit
   */
  public static ImpactEstimator calibrate(List<ParentOrderCost> orders) {
    SquareRootImpactFit f = SquareRootImpactCalibration.fit(orders);
    return new ImpactEstimator(f.model(), Optional.of(f));
  }

  /**
   * The predicted cost of a parent order.
   *
   * @param dailyVolatility daily volatility of returns as a fraction, finite and {@code > 0}
   * @param quantity the order size in base units, finite and {@code > 0}
   * @param dailyVolume the typical daily volume in base units, finite and {@code > 0}
   * @return basis points of the arrival price, positive = cost
   */
  public double predictBps(double dailyVolatility, double quantity, double dailyVolume) {
    return model.costBps(dailyVolatility, quantity, dailyVolume);
  }
}

package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import java.util.Locale;

/**
 * The square-root impact law: the expected cost of a parent order, in basis points of the arrival
 * price, is {@code cost_bps = Y sigma_bps (Q / V)^beta} with {@code sigma_bps} the daily volatility
 * in basis points, {@code Q} the order size and {@code V} the daily volume, and {@code beta = 1/2}
 * in the classic law (Torre 1997, the Barra market impact model; Almgren, Thum, Hauptmann and Li
 * 2005, "Direct estimation of equity market impact", Risk 18(7), find an exponent near 3/5).
 *
 * <p>Immutable and thread-safe.
 *
 * @param coefficient {@code Y}, dimensionless (typically of order 1), finite
 * @param exponent {@code beta}, finite, in {@code (0, 1]}
 */
public record SquareRootImpact(double coefficient, double exponent) {

  /** Validates the coefficient and exponent. */
  public SquareRootImpact {
    Require.finite("coefficient", coefficient);
    if (!(exponent > 0 && exponent <= 1)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "exponent must be in (0, 1] but was %s", exponent));
    }
  }

  /**
   * The predicted cost.
   *
   * @param dailyVolatility daily volatility of returns as a fraction, finite and {@code > 0}
   * @param quantity order size, shares, finite and {@code > 0}
   * @param dailyVolume daily volume, shares, finite and {@code > 0}
   * @return {@code Y 10^4 sigma (Q / V)^beta}, basis points of the arrival price
   */
  public double costBps(double dailyVolatility, double quantity, double dailyVolume) {
    Require.positive("dailyVolatility", dailyVolatility);
    Require.positive("quantity", quantity);
    Require.positive("dailyVolume", dailyVolume);
    return coefficient * regressor(dailyVolatility, quantity / dailyVolume);
  }

  double regressor(double dailyVolatility, double volumeFraction) {
    return 1e4 * dailyVolatility * Math.pow(volumeFraction, exponent);
  }
}

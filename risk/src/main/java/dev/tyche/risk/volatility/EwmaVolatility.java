package dev.tyche.risk.volatility;

import java.util.Objects;

/**
 * RiskMetrics exponentially weighted moving-average variance (J.P. Morgan/Reuters, RiskMetrics
 * Technical Document, 4th ed., 1996, section 5.2.1, eq. 5.3): {@code h_{t+1} = lambda h_t + (1 -
 * lambda) r_t^2}, with a zero mean. {@code h_t} is the variance of {@code r_t} given returns up to
 * {@code t-1}; {@link #RISKMETRICS_DAILY_LAMBDA} = 0.94 is the document's daily decay factor (0.97
 * monthly). Multi-step forecasts are flat: {@code h_{N+k} = h_{N+1}} (the model is an IGARCH(1,1)
 * without intercept).
 *
 * <p>Seeding: the recursion needs a variance for the first return, {@code h_1}; it is always given
 * explicitly ({@code initialVariance}), because every data-driven choice either looks ahead or
 * silently drops observations. {@link #meanSquare(double[])} computes the usual choice, the mean of
 * squared returns of a warm-up window that precedes the series.
 *
 * <p>The instance is a streaming estimator: {@link #update(double)} folds in one return in constant
 * time without allocating. The static {@link #varianceSeries(double, double, double[])} gives the
 * same numbers for a whole series.
 *
 * <p>Mutable; confined to one thread.
 */
public final class EwmaVolatility {

  /** The RiskMetrics decay factor for daily data. */
  public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;

  private final double lambda;
  private double variance;
  private long count;

  /**
   * A streaming estimator whose current forecast is {@code initialVariance}.
   *
   * @param lambda decay factor, {@code 0 < lambda < 1}
   * @param initialVariance variance forecast for the first return, in squared return units, finite
   *     and {@code > 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public EwmaVolatility(double lambda, double initialVariance) {
    this.lambda = checkLambda(lambda);
    this.variance = checkVariance(initialVariance);
  }

  /**
   * The decay factor.
   *
   * @return {@code lambda}
   */
  public double lambda() {
    return lambda;
  }

  /**
   * The variance forecast for the next return, {@code h_{t+1}}, in squared return units.
   *
   * @return the current forecast
   */
  public double variance() {
    return variance;
  }

  /**
   * The volatility forecast for the next return, {@code sqrt(h_{t+1})}.
   *
   * @return the square root of {@link #variance()}
   */
  public double volatility() {
    return Math.sqrt(variance);
  }

  /**
   * How many returns were folded in since construction or the last {@link #reset(double)}.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Folds in return {@code r_t} and returns the new forecast {@code h_{t+1} = lambda h_t + (1 -
   * lambda) r_t^2}. Does not allocate.
   *
   * @param r the return, finite
   * @return the new variance forecast
   * @throws IllegalArgumentException if {@code r} is not finite (the state is left unchanged)
   */
  public double update(double r) {
    if (!Double.isFinite(r)) {
      throw new IllegalArgumentException("return must be finite but was " + r);
    }
    variance = lambda * variance + (1 - lambda) * r * r;
    count++;
    return variance;
  }

  /**
   * Restarts the recursion.
   *
   * @param initialVariance the new forecast, finite and {@code > 0}
   * @throws IllegalArgumentException if the variance is out of range
   */
  public void reset(double initialVariance) {
    this.variance = checkVariance(initialVariance);
    this.count = 0;
  }

  /**
   * The variance series {@code h_1..h_N} of {@code returns}: {@code h_1 = initialVariance}, {@code
   * h_{t+1} = lambda h_t + (1 - lambda) r_t^2}.
   *
   * @param lambda decay factor, {@code 0 < lambda < 1}
   * @param initialVariance {@code h_1}, finite and {@code > 0}
   * @param returns {@code r_1..r_N}, finite, {@code N >= 1}
   * @return {@code h_1..h_N}; {@code h_t} uses returns up to {@code t-1} only
   * @throws IllegalArgumentException for bad input
   */
  public static double[] varianceSeries(double lambda, double initialVariance, double[] returns) {
    checkLambda(lambda);
    checkVariance(initialVariance);
    checkReturns(returns);
    double[] h = new double[returns.length];
    double v = initialVariance;
    for (int t = 0; t < returns.length; t++) {
      h[t] = v;
      v = lambda * v + (1 - lambda) * returns[t] * returns[t];
    }
    return h;
  }

  /**
   * The one-step forecast {@code h_{N+1}} after {@code returns}.
   *
   * @param lambda decay factor, {@code 0 < lambda < 1}
   * @param initialVariance {@code h_1}, finite and {@code > 0}
   * @param returns {@code r_1..r_N}, finite, {@code N >= 1}
   * @return {@code h_{N+1}} in squared return units
   * @throws IllegalArgumentException for bad input
   */
  public static double forecast(double lambda, double initialVariance, double[] returns) {
    checkLambda(lambda);
    checkVariance(initialVariance);
    checkReturns(returns);
    double v = initialVariance;
    for (double r : returns) {
      v = lambda * v + (1 - lambda) * r * r;
    }
    return v;
  }

  /**
   * The mean of squared returns (zero-mean variance estimate, RiskMetrics convention), the usual
   * seed computed on a warm-up window that precedes the series being filtered.
   *
   * @param warmUp returns, finite, {@code N >= 1}, not all zero
   * @return {@code sum r^2 / N}
   * @throws IllegalArgumentException for bad input or an all-zero window
   */
  public static double meanSquare(double[] warmUp) {
    checkReturns(warmUp);
    double s = 0.0;
    for (double r : warmUp) {
      s += r * r;
    }
    double v = s / warmUp.length;
    if (!(v > 0)) {
      throw new IllegalArgumentException(
          "warmUp must contain a non-zero return to give a positive variance");
    }
    return v;
  }

  private static double checkLambda(double lambda) {
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1) but was " + lambda);
    }
    return lambda;
  }

  private static double checkVariance(double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("initialVariance must be finite and > 0 but was " + v);
    }
    return v;
  }

  private static void checkReturns(double[] returns) {
    Objects.requireNonNull(returns, "returns");
    if (returns.length == 0) {
      throw new IllegalArgumentException("returns must not be empty");
    }
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException(
            "returns must be finite but returns[" + i + "] was " + returns[i]);
      }
    }
  }
}

package dev.tyche.portfolio.allocation;

import java.util.Objects;

/**
 * A no-trade band rule for rebalancing toward target weights, with a band that widens with the
 * trading cost.
 *
 * <p><b>Rule.</b> With the one-way proportional cost {@code c = costBps / 10 000} (fees plus
 * expected slippage, as a fraction of the traded notional), the band half-width is
 *
 * <pre>{@code
 * h = max(minBand, bandScale * c^(1/3))
 * }</pre>
 *
 * Nothing is traded while every weight is within {@code h} of its target, {@code |w_i - t_i| <= h}.
 * As soon as one weight leaves its band, the whole portfolio is traded back to the target, so the
 * turnover {@code sum_i |t_i - w_i|} (total traded notional over capital; half of it is bought,
 * half sold) is paid once, at an estimated cost of {@code c * turnover}.
 *
 * <p><b>Why the cube root.</b> For a proportional cost {@code c}, the optimal no-trade region
 * around a target weight has a width of order {@code c^(1/3)} as {@code c -> 0} (J. Janecek and S.
 * E. Shreve, "Asymptotic analysis for optimal investment and consumption with transaction costs",
 * Finance and Stochastics 8(2), 2004): the tracking loss inside a band of width {@code h} grows
 * like {@code h^2} while the cost rate of keeping to it falls like {@code c / h}. The theory's
 * constant depends on risk aversion and volatility, which this rule does not know, so it is the
 * caller's {@code bandScale}; {@code minBand} keeps a floor for cost-free tests and for noise in
 * the target itself. For example {@code costBps = 10}, {@code bandScale = 0.5} gives {@code h =
 * 0.05}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param costBps the one-way proportional trading cost in basis points, finite, {@code >= 0}
 * @param bandScale the multiplier of {@code c^(1/3)}, finite, {@code >= 0}
 * @param minBand the smallest band half-width, a weight in [0, 1)
 */
public record RebalanceRule(double costBps, double bandScale, double minBand) {

  /** Validates the fields. */
  public RebalanceRule {
    if (!(costBps >= 0.0) || Double.isInfinite(costBps)) {
      throw new IllegalArgumentException("costBps must be finite and >= 0 but was " + costBps);
    }
    if (!(bandScale >= 0.0) || Double.isInfinite(bandScale)) {
      throw new IllegalArgumentException("bandScale must be finite and >= 0 but was " + bandScale);
    }
    if (!(minBand >= 0.0 && minBand < 1.0)) {
      throw new IllegalArgumentException("minBand must be in [0, 1) but was " + minBand);
    }
  }

  /**
   * The band half-width {@code h = max(minBand, bandScale * (costBps / 10 000)^(1/3))}.
   *
   * @return the half-width, as a weight
   */
  public double band() {
    return Math.max(minBand, bandScale * Math.cbrt(costBps / 10_000.0));
  }

  /**
   * Decides whether to trade from the current weights to the target.
   *
   * @param currentWeights the current (drifted) weights, finite, {@code >= 0}, summing to one
   * @param targetWeights the target weights, same length, finite, {@code >= 0}, summing to one
   * @return the decision, the weights to hold afterwards, the turnover and its estimated cost
   * @throws IllegalArgumentException for mismatched lengths, bad values or sums other than one
   */
  public RebalanceDecision decide(double[] currentWeights, double[] targetWeights) {
    Objects.requireNonNull(currentWeights, "currentWeights must not be null");
    Inputs.weightsSummingToOne(currentWeights, "currentWeights");
    Inputs.weightsSummingToOne(targetWeights, "targetWeights");
    if (currentWeights.length != targetWeights.length) {
      throw new IllegalArgumentException(
          "targetWeights must have the length of currentWeights ("
              + currentWeights.length
              + ") but had length "
              + targetWeights.length);
    }
    double h = band();
    double maxDeviation = 0.0;
    double turnover = 0.0;
    for (int i = 0; i < currentWeights.length; i++) {
      double gap = Math.abs(targetWeights[i] - currentWeights[i]);
      maxDeviation = Math.max(maxDeviation, gap);
      turnover += gap;
    }
    boolean trade = maxDeviation > h;
    double cost = costBps / 10_000.0;
    return new RebalanceDecision(
        targetWeights,
        currentWeights,
        trade ? targetWeights : currentWeights,
        trade,
        h,
        maxDeviation,
        trade ? turnover : 0.0,
        trade ? cost * turnover : 0.0);
  }
}

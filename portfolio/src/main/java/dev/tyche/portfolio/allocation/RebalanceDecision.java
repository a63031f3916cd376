package dev.tyche.portfolio.allocation;

import java.util.Arrays;

/**
 * The outcome of {@link RebalanceRule#decide(double[], double[])}. Arrays are copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targetWeights the target weights
 * @param currentWeights the weights before any trade
 * @param weightsAfter the weights to hold: the target if {@code rebalance}, else the current ones
 * @param rebalance whether some weight left its no-trade band
 * @param band the band half-width {@code h} that was applied
 * @param maxDeviation {@code max_i |target_i - current_i|}
 * @param turnover {@code sum_i |target_i - current_i|} if rebalancing, else 0 (traded notional over
 *     capital)
 * @param estimatedCost {@code costBps / 10 000 * turnover}, as a fraction of capital
 */
public record RebalanceDecision(
    double[] targetWeights,
    double[] currentWeights,
    double[] weightsAfter,
    boolean rebalance,
    double band,
    double maxDeviation,
    double turnover,
    double estimatedCost) {

  /** Validates the fields and copies the arrays. */
  public RebalanceDecision {
    Inputs.weights(targetWeights, "targetWeights");
    Inputs.weights(currentWeights, "currentWeights");
    Inputs.weights(weightsAfter, "weightsAfter");
    if (currentWeights.length != targetWeights.length
        || weightsAfter.length != targetWeights.length) {
      throw new IllegalArgumentException(
          "targetWeights, currentWeights and weightsAfter must have equal lengths");
    }
    for (double v : new double[] {band, maxDeviation, turnover, estimatedCost}) {
      if (!(v >= 0.0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "band, maxDeviation, turnover and estimatedCost must be finite and >= 0 but one was "
                + v);
      }
    }
    targetWeights = targetWeights.clone();
    currentWeights = currentWeights.clone();
    weightsAfter = weightsAfter.clone();
  }

  /**
   * The target weights.
   *
   * @return a copy
   */
  @Override
  public double[] targetWeights() {
    return targetWeights.clone();
  }

  /**
   * The weights before any trade.
   *
   * @return a copy
   */
  @Override
  public double[] currentWeights() {
    return currentWeights.clone();
  }

  /**
   * The weights to hold after the decision.
   *
   * @return a copy
   */
  @Override
  public double[] weightsAfter() {
    return weightsAfter.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RebalanceDecision d
        && Arrays.equals(targetWeights, d.targetWeights)
        && Arrays.equals(currentWeights, d.currentWeights)
        && Arrays.equals(weightsAfter, d.weightsAfter)
        && rebalance == d.rebalance
        && Double.compare(band, d.band) == 0
        && Double.compare(maxDeviation, d.maxDeviation) == 0
        && Double.compare(turnover, d.turnover) == 0
        && Double.compare(estimatedCost, d.estimatedCost) == 0;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(targetWeights);
    h = 31 * h + Arrays.hashCode(currentWeights);
    h = 31 * h + Arrays.hashCode(weightsAfter);
    h = 31 * h + Boolean.hashCode(rebalance);
    h = 31 * h + Double.hashCode(band);
    h = 31 * h + Double.hashCode(maxDeviation);
    h = 31 * h + Double.hashCode(turnover);
    return 31 * h + Double.hashCode(estimatedCost);
  }

  @Override
  public String toString() {
    return "RebalanceDecision[target="
        + Arrays.toString(targetWeights)
        + ", current="
        + Arrays.toString(currentWeights)
        + ", rebalance="
        + rebalance
        + ", band="
        + band
        + ", maxDeviation="
        + maxDeviation
        + ", turnover="
        + turnover
        + ", estimatedCost="
        + estimatedCost
        + "]";
  }
}

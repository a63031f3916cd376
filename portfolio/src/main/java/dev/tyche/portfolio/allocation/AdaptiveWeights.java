package dev.tyche.portfolio.allocation;

import java.util.Arrays;

/**
 * Target weights from {@link AdaptiveAllocation#weights(double[][], AdaptiveAllocationConfig)} with
 * the intermediate steps, for inspection. Arrays are copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scores each strategy's score, floored at zero
 * @param performanceWeights the scores normalised to sum to one (equal weights if all are zero)
 * @param weights the final target weights: shrunk toward equal weights and capped; they sum to one
 */
public record AdaptiveWeights(double[] scores, double[] performanceWeights, double[] weights) {

  /** Validates the lengths and copies the arrays. */
  public AdaptiveWeights {
    Inputs.weights(scores, "scores");
    Inputs.weightsSummingToOne(performanceWeights, "performanceWeights");
    Inputs.weightsSummingToOne(weights, "weights");
    if (performanceWeights.length != scores.length || weights.length != scores.length) {
      throw new IllegalArgumentException(
          "scores, performanceWeights and weights must have equal lengths but had "
              + scores.length
              + ", "
              + performanceWeights.length
              + ", "
              + weights.length);
    }
    scores = scores.clone();
    performanceWeights = performanceWeights.clone();
    weights = weights.clone();
  }

  /**
   * The scores.
   *
   * @return a copy, each {@code >= 0}
   */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /**
   * The performance weights before shrinkage and caps.
   *
   * @return a copy, summing to one
   */
  @Override
  public double[] performanceWeights() {
    return performanceWeights.clone();
  }

  /**
   * The target weights.
   *
   * @return a copy, summing to one
   */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdaptiveWeights a
        && Arrays.equals(scores, a.scores)
        && Arrays.equals(performanceWeights, a.performanceWeights)
        && Arrays.equals(weights, a.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(scores) + Arrays.hashCode(performanceWeights))
        + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "AdaptiveWeights[scores="
        + Arrays.toString(scores)
        + ", performanceWeights="
        + Arrays.toString(performanceWeights)
        + ", weights="
        + Arrays.toString(weights)
        + "]";
  }
}

package dev.tyche.backtest.overfit;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of combinatorially symmetric cross-validation ({@link Cscv}).
 *
 * <p>Per combination {@code c} (in the lexicographic order of the in-sample block sets), the arrays
 * hold the in-sample performance of the in-sample best strategy {@code n*}, its out-of-sample
 * performance, and the logit {@code lambda_c} of its out-of-sample relative rank.
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param partitions the number {@code S} of row blocks
 * @param strategies the number {@code N} of strategies (columns)
 * @param observations the number {@code T} of rows
 * @param pbo the probability of backtest overfitting, {@code #{lambda_c <= 0} / C}
 * @param logits {@code lambda_c} per combination; {@code -Infinity}/{@code +Infinity} never occur
 *     because ranks lie strictly between 0 and {@code N + 1}
 * @param inSampleBest the in-sample performance of {@code n*} per combination
 * @param outOfSampleOfBest the out-of-sample performance of {@code n*} per combination
 * @param bestStrategy {@code n*} per combination (a column index)
 * @param degradationSlope OLS slope {@code beta} of {@code outOfSampleOfBest} on {@code
 *     inSampleBest}; NaN if the in-sample values are all equal or any value is NaN
 * @param degradationIntercept OLS intercept {@code alpha}; NaN when the slope is
 * @param probabilityOfLoss the fraction of combinations with {@code outOfSampleOfBest < 0}
 */
public record CscvResult(
    int partitions,
    int strategies,
    int observations,
    double pbo,
    double[] logits,
    double[] inSampleBest,
    double[] outOfSampleOfBest,
    int[] bestStrategy,
    double degradationSlope,
    double degradationIntercept,
    double probabilityOfLoss) {

  /** Copies the arrays and checks their lengths agree. */
  public CscvResult {
    logits = Objects.requireNonNull(logits, "logits").clone();
    inSampleBest = Objects.requireNonNull(inSampleBest, "inSampleBest").clone();
    outOfSampleOfBest = Objects.requireNonNull(outOfSampleOfBest, "outOfSampleOfBest").clone();
    bestStrategy = Objects.requireNonNull(bestStrategy, "bestStrategy").clone();
    int c = logits.length;
    if (c == 0
        || inSampleBest.length != c
        || outOfSampleOfBest.length != c
        || bestStrategy.length != c) {
      throw new IllegalArgumentException(
          "per-combination arrays must be non-empty and of equal length but had "
              + logits.length
              + ", "
              + inSampleBest.length
              + ", "
              + outOfSampleOfBest.length
              + ", "
              + bestStrategy.length);
    }
    if (!(pbo >= 0.0 && pbo <= 1.0)) {
      throw new IllegalArgumentException("pbo must be in [0, 1] but was " + pbo);
    }
  }

  /**
   * Number of combinations {@code C = binomial(S, S/2)}.
   *
   * @return the number of combinations
   */
  public int combinations() {
    return logits.length;
  }

  /**
   * The logits (a copy).
   *
   * @return {@code lambda_c} per combination
   */
  @Override
  public double[] logits() {
    return logits.clone();
  }

  /**
   * In-sample performance of the in-sample best (a copy).
   *
   * @return one value per combination
   */
  @Override
  public double[] inSampleBest() {
    return inSampleBest.clone();
  }

  /**
   * Out-of-sample performance of the in-sample best (a copy).
   *
   * @return one value per combination
   */
  @Override
  public double[] outOfSampleOfBest() {
    return outOfSampleOfBest.clone();
  }

  /**
   * The in-sample best strategy per combination (a copy).
   *
   * @return column indices
   */
  @Override
  public int[] bestStrategy() {
    return bestStrategy.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CscvResult r
        && partitions == r.partitions
        && strategies == r.strategies
        && observations == r.observations
        && Double.compare(pbo, r.pbo) == 0
        && Arrays.equals(logits, r.logits)
        && Arrays.equals(inSampleBest, r.inSampleBest)
        && Arrays.equals(outOfSampleOfBest, r.outOfSampleOfBest)
        && Arrays.equals(bestStrategy, r.bestStrategy)
        && Double.compare(degradationSlope, r.degradationSlope) == 0
        && Double.compare(degradationIntercept, r.degradationIntercept) == 0
        && Double.compare(probabilityOfLoss, r.probabilityOfLoss) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        partitions,
        strategies,
        observations,
        pbo,
        Arrays.hashCode(logits),
        Arrays.hashCode(inSampleBest),
        Arrays.hashCode(outOfSampleOfBest),
        Arrays.hashCode(bestStrategy),
        degradationSlope,
        degradationIntercept,
        probabilityOfLoss);
  }

  @Override
  public String toString() {
    return "CscvResult[S="
        + partitions
        + ", N="
        + strategies
        + ", T="
        + observations
        + ", C="
        + logits.length
        + ", pbo="
        + pbo
        + ", slope="
        + degradationSlope
        + ", probabilityOfLoss="
        + probabilityOfLoss
        + "]";
  }
}

package dev.tyche.portfolio.allocation;

import java.util.Locale;
import java.util.Objects;

/**
 * Adaptive allocation of capital across strategies from their recent risk-adjusted performance.
 *
 * <p>Given a {@code T x S} matrix of per-period simple returns (rows = periods, oldest first;
 * columns = strategies), only the last {@code L = lookback} rows are used, so the weights never
 * depend on data after the last row. Then:
 *
 * <ol>
 *   <li><b>Score</b> each strategy with {@link PerformanceScore} and floor at zero: {@code s_i =
 *       max(0, score_i)}. A strategy that lost money risk-adjusted gets no performance weight.
 *   <li><b>Normalise</b>: {@code p_i = s_i / sum_j s_j}; if every score is zero, {@code p_i = 1/S}.
 *   <li><b>Shrink</b> toward equal weights with intensity {@code delta}: {@code v_i = (1 - delta)
 *       p_i + delta / S}. The sample scores are noisy, so a positive {@code delta} keeps some
 *       capital in every strategy (the same idea as shrinking estimated means, e.g. Jorion 1986).
 *   <li><b>Cap</b>: weights above {@code cap} are set to it and the excess is handed to the
 *       uncapped strategies in proportion to their weights (equally if those are all zero),
 *       repeatedly, until none exceeds the cap. This keeps the sum at one and needs {@code cap >=
 *       1/S}.
 * </ol>
 *
 * The result is long-only and sums to one. Whether to trade to it is decided by {@link
 * RebalanceRule}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class AdaptiveAllocation {

  private AdaptiveAllocation() {}

  /**
   * Target weights from the most recent {@code lookback} rows.
   *
   * @param returns {@code T x S} per-period simple returns, {@code T >= lookback}, rectangular,
   *     finite, each {@code > -1}
   * @param config lookback, score, shrinkage and cap
   * @return the scores, the performance weights and the final weights
   * @throws IllegalArgumentException for a bad matrix, too few rows, or {@code cap < 1/S}
   */
  public static AdaptiveWeights weights(double[][] returns, AdaptiveAllocationConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(returns, "returns must not be null");
    int lookback = config.lookback();
    if (returns.length < lookback) {
      throw new IllegalArgumentException(
          "returns must have at least lookback = " + lookback + " rows but had " + returns.length);
    }
    int s = requireRectangular(returns);
    if (config.cap() * s < 1.0 - Inputs.WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "cap must be >= 1/S = %s for %d strategies but was %s",
              1.0 / s,
              s,
              config.cap()));
    }
    int first = returns.length - lookback;
    double[] scores = new double[s];
    double scoreSum = 0.0;
    for (int j = 0; j < s; j++) {
      scores[j] = Math.max(0.0, score(returns, j, first, config.score()));
      scoreSum += scores[j];
    }
    double[] perf = new double[s];
    for (int j = 0; j < s; j++) {
      perf[j] = scoreSum > 0.0 ? scores[j] / scoreSum : 1.0 / s;
    }
    double delta = config.shrinkage();
    double[] w = new double[s];
    for (int j = 0; j < s; j++) {
      w[j] = (1.0 - delta) * perf[j] + delta / s;
    }
    applyCap(w, config.cap());
    return new AdaptiveWeights(scores, perf, w);
  }

  /**
   * Caps weights that sum to one, redistributing the excess (see the class description). Package
   * visible for tests.
   */
  static void applyCap(double[] w, double cap) {
    int s = w.length;
    boolean[] capped = new boolean[s];
    for (int round = 0; round < s; round++) {
      double excess = 0.0;
      for (int j = 0; j < s; j++) {
        if (!capped[j] && w[j] > cap) {
          excess += w[j] - cap;
          w[j] = cap;
          capped[j] = true;
        }
      }
      if (excess == 0.0) {
        return;
      }
      double free = 0.0;
      int freeCount = 0;
      for (int j = 0; j < s; j++) {
        if (!capped[j]) {
          free += w[j];
          freeCount++;
        }
      }
      if (freeCount == 0) {
        // Only possible when cap = 1/S: every weight is at the cap and the sum is one.
        return;
      }
      for (int j = 0; j < s; j++) {
        if (!capped[j]) {
          w[j] += free > 0.0 ? excess * w[j] / free : excess / freeCount;
        }
      }
    }
  }

  private static double score(double[][] r, int j, int first, PerformanceScore kind) {
    int n = r.length - first;
    double mean = 0.0;
    double growth = 1.0;
    for (int t = first; t < r.length; t++) {
      mean += r[t][j];
      growth *= 1.0 + r[t][j];
    }
    mean /= n;
    double ss = 0.0;
    for (int t = first; t < r.length; t++) {
      double d = r[t][j] - mean;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / (n - 1));
    if (sd == 0.0) {
      return 0.0;
    }
    return kind == PerformanceScore.SHARPE ? mean / sd : (growth - 1.0) / (sd * Math.sqrt(n));
  }

  private static int requireRectangular(double[][] returns) {
    int s = -1;
    for (int t = 0; t < returns.length; t++) {
      double[] row = Objects.requireNonNull(returns[t], "returns[" + t + "] must not be null");
      if (s < 0) {
        s = row.length;
        if (s == 0) {
          throw new IllegalArgumentException("returns must have at least 1 column but had 0");
        }
      } else if (row.length != s) {
        throw new IllegalArgumentException(
            "returns must be rectangular: row 0 has "
                + s
                + " columns but row "
                + t
                + " has "
                + row.length);
      }
      for (int j = 0; j < s; j++) {
        if (!(row[j] > -1.0) || Double.isInfinite(row[j])) {
          throw new IllegalArgumentException(
              "returns["
                  + t
                  + "]["
                  + j
                  + "] must be a finite simple return > -1 but was "
                  + row[j]);
        }
      }
    }
    return s;
  }

  /**
   * Convenience: the adaptive target and the rebalancing decision from the current weights.
   *
   * @param returns {@code T x S} per-period simple returns (see {@link #weights})
   * @param currentWeights the strategies' current (drifted) weights, {@code >= 0}, summing to one
   * @param config the allocation settings
   * @param rule the no-trade band rule
   * @return the decision; its target is {@link AdaptiveWeights#weights()}
   */
  public static RebalanceDecision decide(
      double[][] returns,
      double[] currentWeights,
      AdaptiveAllocationConfig config,
      RebalanceRule rule) {
    Objects.requireNonNull(rule, "rule must not be null");
    return rule.decide(currentWeights, weights(returns, config).weights());
  }
}

package dev.tyche.portfolio.allocation;

import java.util.Objects;

/**
 * Settings of {@link AdaptiveAllocation}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lookback the number of most recent periods scored, {@code >= 2}
 * @param score the performance measure
 * @param shrinkage the intensity {@code delta} of shrinkage toward equal weights, in [0, 1] (0 =
 *     pure performance weights, 1 = equal weights)
 * @param cap the largest weight of any strategy, in (0, 1]; with {@code S} strategies it must be at
 *     least {@code 1/S} to be feasible, which {@link AdaptiveAllocation} checks
 */
public record AdaptiveAllocationConfig(
    int lookback, PerformanceScore score, double shrinkage, double cap) {

  /** Validates the fields. */
  public AdaptiveAllocationConfig {
    if (lookback < 2) {
      throw new IllegalArgumentException("lookback must be >= 2 but was " + lookback);
    }
    Objects.requireNonNull(score, "score must not be null");
    if (!(shrinkage >= 0.0 && shrinkage <= 1.0)) {
      throw new IllegalArgumentException("shrinkage must be in [0, 1] but was " + shrinkage);
    }
    if (!(cap > 0.0 && cap <= 1.0)) {
      throw new IllegalArgumentException("cap must be in (0, 1] but was " + cap);
    }
  }
}

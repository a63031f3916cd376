package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The netted target exposure of one instrument with each strategy's share of it, for attribution.
 *
 * <p>{@code unclipped} is the weighted sum {@code sum_i w_i s_i}; {@code net} is it clipped to the
 * instrument's limit. Each contribution is {@code w_i s_i} scaled by {@code net / unclipped} (by 1
 * when nothing was clipped or the sum is zero), so the contributions add up to {@code net} and a
 * clip shrinks every strategy's share in proportion. The constructor checks the sum to {@code 1e-9}
 * absolute (the scaled products are rounded separately).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param net the target exposure after clipping, finite
 * @param unclipped the weighted sum before clipping, finite
 * @param contributions each strategy's share of {@code net}, in the aggregator's weight order
 */
public record NetExposure(
    Symbol symbol, double net, double unclipped, Map<StrategyId, Double> contributions) {

  /** Tolerance for the contributions adding up to {@code net}. */
  public static final double SUM_TOLERANCE = 1e-9;

  // Attribution that does not add up is worse than none: refuse it where it is built.
  public NetExposure {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(contributions, "contributions must not be null");
    if (!Double.isFinite(net) || !Double.isFinite(unclipped)) {
      throw new IllegalArgumentException(
          "net and unclipped must be finite but were " + net + " and " + unclipped);
    }
    if (Math.abs(net) > Math.abs(unclipped) + SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "|net| must be <= |unclipped| " + unclipped + " but net was " + net);
    }
    double sum = 0.0;
    for (Map.Entry<StrategyId, Double> e : contributions.entrySet()) {
      Objects.requireNonNull(e.getKey(), "contributions must not contain a null strategy");
      double c = Objects.requireNonNull(e.getValue(), "contribution of " + e.getKey());
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException(
            "contribution of " + e.getKey() + " must be finite but was " + c);
      }
      sum += c;
    }
    if (Math.abs(sum - net) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "contributions must add up to net " + net + " but added up to " + sum);
    }
    contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
  }

  /**
   * Whether the limit cut the weighted sum.
   *
   * @return true if {@code net != unclipped}
   */
  public boolean isClipped() {
    return net != unclipped;
  }
}

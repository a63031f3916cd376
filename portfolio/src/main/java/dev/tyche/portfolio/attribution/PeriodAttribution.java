package dev.tyche.portfolio.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Single-period Brinson-Fachler attribution, built by {@link
 * BrinsonFachler#singlePeriod(java.util.Map)}: the effects of each segment (in the caller's key
 * order) and the portfolio and benchmark returns. The segment effects sum to {@link
 * #activeReturn()} up to rounding.
 *
 * <p>Immutable and thread-safe if the keys are.
 *
 * @param <K> the segment key (a sector, a strategy sleeve, a regime ...)
 * @param segments the effects per segment, in input order; unmodifiable
 * @param portfolioReturn {@code R_p = sum_i w_p,i R_p,i}
 * @param benchmarkReturn {@code R_b = sum_i w_b,i R_b,i}
 */
public record PeriodAttribution<K>(
    Map<K, SegmentEffects> segments, double portfolioReturn, double benchmarkReturn) {

  /** Validates the fields and copies the map, keeping its order. */
  public PeriodAttribution {
    Objects.requireNonNull(segments, "segments must not be null");
    LinkedHashMap<K, SegmentEffects> copy = new LinkedHashMap<>();
    segments.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "segment keys must not be null"),
                Objects.requireNonNull(v, "segment effects must not be null")));
    segments = Collections.unmodifiableMap(copy);
    Inputs.finite(portfolioReturn, "portfolioReturn");
    Inputs.finite(benchmarkReturn, "benchmarkReturn");
  }

  /**
   * The active return of the period.
   *
   * @return {@code R_p - R_b}
   */
  public double activeReturn() {
    return portfolioReturn - benchmarkReturn;
  }

  /**
   * The total allocation effect.
   *
   * @return the sum over segments
   */
  public double allocation() {
    return SegmentEffects.sum(segments.values()).allocation();
  }

  /**
   * The total selection effect.
   *
   * @return the sum over segments
   */
  public double selection() {
    return SegmentEffects.sum(segments.values()).selection();
  }

  /**
   * The total interaction effect.
   *
   * @return the sum over segments
   */
  public double interaction() {
    return SegmentEffects.sum(segments.values()).interaction();
  }
}

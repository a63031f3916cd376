package dev.tyche.portfolio.attribution;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Multi-period Brinson-Fachler attribution linked with Carino's logarithmic coefficients, built by
 * {@link BrinsonFachler#link(java.util.List)}. The linked segment effects sum to {@link
 * #activeReturn()}, the difference of the compounded returns, up to rounding.
 *
 * <p>Immutable and thread-safe if the keys are.
 *
 * @param <K> the segment key
 * @param segments the linked effects per segment, keys in order of first appearance; unmodifiable
 * @param portfolioReturn the compounded portfolio return {@code R_P = prod_t (1 + R_p,t) - 1}
 * @param benchmarkReturn the compounded benchmark return {@code R_B = prod_t (1 + R_b,t) - 1}
 * @param periodCoefficients Carino's {@code k_t}, one per period
 * @param totalCoefficient Carino's {@code K}
 */
public record LinkedAttribution<K>(
    Map<K, SegmentEffects> segments,
    double portfolioReturn,
    double benchmarkReturn,
    double[] periodCoefficients,
    double totalCoefficient) {

  /** Validates the fields and copies the map (keeping its order) and the array. */
  public LinkedAttribution {
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
    Objects.requireNonNull(periodCoefficients, "periodCoefficients must not be null");
    for (int t = 0; t < periodCoefficients.length; t++) {
      Inputs.finite(periodCoefficients[t], "periodCoefficients[" + t + "]");
    }
    periodCoefficients = periodCoefficients.clone();
    Inputs.finite(totalCoefficient, "totalCoefficient");
  }

  /**
   * The active return over the whole horizon, {@code R_P - R_B}: the arithmetic difference of the
   * geometrically compounded returns, which Carino's linked effects add up to.
   *
   * @return {@code portfolioReturn - benchmarkReturn}
   */
  public double activeReturn() {
    return portfolioReturn - benchmarkReturn;
  }

  /**
   * Carino's per-period coefficients.
   *
   * @return a copy, one per period
   */
  @Override
  public double[] periodCoefficients() {
    return periodCoefficients.clone();
  }

  /**
   * The total linked allocation effect.
   *
   * @return the sum over segments
   */
  public double allocation() {
    return SegmentEffects.sum(segments.values()).allocation();
  }

  /**
   * The total linked selection effect.
   *
   * @return the sum over segments
   */
  public double selection() {
    return SegmentEffects.sum(segments.values()).selection();
  }

  /**
   * The total linked interaction effect.
   *
   * @return the sum over segments
   */
  public double interaction() {
    return SegmentEffects.sum(segments.values()).interaction();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkedAttribution<?> r
        && segments.equals(r.segments)
        && Double.compare(portfolioReturn, r.portfolioReturn) == 0
        && Double.compare(benchmarkReturn, r.benchmarkReturn) == 0
        && Arrays.equals(periodCoefficients, r.periodCoefficients)
        && Double.compare(totalCoefficient, r.totalCoefficient) == 0;
  }

  @Override
  public int hashCode() {
    int h = segments.hashCode();
    h = 31 * h + Double.hashCode(portfolioReturn);
    h = 31 * h + Double.hashCode(benchmarkReturn);
    h = 31 * h + Arrays.hashCode(periodCoefficients);
    return 31 * h + Double.hashCode(totalCoefficient);
  }

  @Override
  public String toString() {
    return "LinkedAttribution[segments="
        + segments
        + ", portfolioReturn="
        + portfolioReturn
        + ", benchmarkReturn="
        + benchmarkReturn
        + ", periodCoefficients="
        + Arrays.toString(periodCoefficients)
        + ", totalCoefficient="
        + totalCoefficient
        + "]";
  }
}

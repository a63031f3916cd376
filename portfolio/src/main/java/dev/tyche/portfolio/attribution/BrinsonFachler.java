package dev.tyche.portfolio.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brinson-Fachler performance attribution of a portfolio against a benchmark over segments with
 * arbitrary keys (sectors, strategy sleeves, market regimes ...).
 *
 * <p><b>Single period</b> (G. P. Brinson and N. Fachler, "Measuring non-US equity portfolio
 * performance", J. Portfolio Management 11(3), 1985; the interaction term kept separate as in
 * Brinson, Hood and Beebower, "Determinants of portfolio performance", Financial Analysts J. 42(4),
 * 1986). With weights {@code w_p,i}, {@code w_b,i} that each sum to one, segment returns {@code
 * R_p,i}, {@code R_b,i}, {@code R_p = sum w_p,i R_p,i} and {@code R_b = sum w_b,i R_b,i}:
 *
 * <pre>{@code
 * allocation_i  = (w_p,i - w_b,i) (R_b,i - R_b)
 * selection_i   = w_b,i (R_p,i - R_b,i)
 * interaction_i = (w_p,i - w_b,i) (R_p,i - R_b,i)
 * }</pre>
 *
 * Summed over segments they give {@code R_p - R_b} exactly, because {@code sum (w_p,i - w_b,i) R_b
 * = 0} when both weight vectors sum to one (which is why that is required here).
 *
 * <p><b>Multi-period linking</b> by the logarithmic method of D. Carino, "Combining attribution
 * effects over time", J. Performance Measurement 3(4), 1999. Per period {@code t} and over the
 * horizon (compounded {@code R_P = prod (1 + R_p,t) - 1}, likewise {@code R_B}):
 *
 * <pre>{@code
 * k_t = (ln(1 + R_p,t) - ln(1 + R_b,t)) / (R_p,t - R_b,t)      (= 1 / (1 + R_p,t) if equal)
 * K   = (ln(1 + R_P)  - ln(1 + R_B))  / (R_P - R_B)            (= 1 / (1 + R_P) if equal)
 * linked effect = sum_t (k_t / K) effect_t
 * }</pre>
 *
 * Since {@code sum_t k_t (R_p,t - R_b,t) = ln(1 + R_P) - ln(1 + R_B) = K (R_P - R_B)}, the linked
 * effects sum to the horizon's active return {@code R_P - R_B}, the difference of the geometrically
 * compounded returns. The quotient is evaluated as {@code log1p(x) / x / (1 + R_b)} with {@code x =
 * (R_p - R_b) / (1 + R_b)}, which stays accurate when the two returns are close.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class BrinsonFachler {

  /** Each weight vector must sum to one within this absolute tolerance. */
  static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  private BrinsonFachler() {}

  /**
   * Attributes one period.
   *
   * @param <K> the segment key type
   * @param segments the weights and returns per segment, non-empty, keys non-null; portfolio
   *     weights and benchmark weights each sum to 1 (within 1e-9); iteration order is kept
   * @return the effects per segment and the two returns
   * @throws IllegalArgumentException if there are no segments or a weight vector does not sum to 1
   */
  public static <K> PeriodAttribution<K> singlePeriod(Map<K, SegmentReturns> segments) {
    Objects.requireNonNull(segments, "segments must not be null");
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
    double wp = 0.0;
    double wb = 0.0;
    double rp = 0.0;
    double rb = 0.0;
    for (Map.Entry<K, SegmentReturns> e : segments.entrySet()) {
      Objects.requireNonNull(e.getKey(), "segment keys must not be null");
      SegmentReturns s = Objects.requireNonNull(e.getValue(), "segment " + e.getKey());
      wp += s.portfolioWeight();
      wb += s.benchmarkWeight();
      rp += s.portfolioWeight() * s.portfolioReturn();
      rb += s.benchmarkWeight() * s.benchmarkReturn();
    }
    if (Math.abs(wp - 1.0) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("portfolio weights must sum to 1 but summed to " + wp);
    }
    if (Math.abs(wb - 1.0) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("benchmark weights must sum to 1 but summed to " + wb);
    }
    Map<K, SegmentEffects> effects = new LinkedHashMap<>();
    for (Map.Entry<K, SegmentReturns> e : segments.entrySet()) {
      SegmentReturns s = e.getValue();
      double activeWeight = s.portfolioWeight() - s.benchmarkWeight();
      double selectionReturn = s.portfolioReturn() - s.benchmarkReturn();
      effects.put(
          e.getKey(),
          new SegmentEffects(
              activeWeight * (s.benchmarkReturn() - rb),
              s.benchmarkWeight() * selectionReturn,
              activeWeight * selectionReturn));
    }
    return new PeriodAttribution<>(effects, rp, rb);
  }

  /**
   * Links single-period attributions with Carino's coefficients (see the class description). A
   * segment missing from a period contributes nothing in that period.
   *
   * @param <K> the segment key type
   * @param periods the single-period attributions in time order, non-empty; every period's
   *     portfolio and benchmark returns must exceed -1
   * @return the linked effects per segment, keys in order of first appearance
   * @throws IllegalArgumentException if {@code periods} is empty or a return is {@code <= -1}
   */
  public static <K> LinkedAttribution<K> link(List<PeriodAttribution<K>> periods) {
    Objects.requireNonNull(periods, "periods must not be null");
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("periods must not be empty");
    }
    int n = periods.size();
    double growthP = 1.0;
    double growthB = 1.0;
    double[] k = new double[n];
    for (int t = 0; t < n; t++) {
      PeriodAttribution<K> p = Objects.requireNonNull(periods.get(t), "periods[" + t + "]");
      requireAboveMinusOne(p.portfolioReturn(), "portfolioReturn of period " + t);
      requireAboveMinusOne(p.benchmarkReturn(), "benchmarkReturn of period " + t);
      k[t] = carino(p.portfolioReturn(), p.benchmarkReturn());
      growthP *= 1.0 + p.portfolioReturn();
      growthB *= 1.0 + p.benchmarkReturn();
    }
    double totalP = growthP - 1.0;
    double totalB = growthB - 1.0;
    double bigK = carino(totalP, totalB);
    Map<K, double[]> sums = new LinkedHashMap<>();
    for (int t = 0; t < n; t++) {
      double scale = k[t] / bigK;
      for (Map.Entry<K, SegmentEffects> e : periods.get(t).segments().entrySet()) {
        double[] acc = sums.computeIfAbsent(e.getKey(), key -> new double[3]);
        acc[0] += scale * e.getValue().allocation();
        acc[1] += scale * e.getValue().selection();
        acc[2] += scale * e.getValue().interaction();
      }
    }
    Map<K, SegmentEffects> linked = new LinkedHashMap<>();
    sums.forEach((key, acc) -> linked.put(key, new SegmentEffects(acc[0], acc[1], acc[2])));
    return new LinkedAttribution<>(linked, totalP, totalB, k, bigK);
  }

  /** {@code (ln(1 + rp) - ln(1 + rb)) / (rp - rb)}, continuous at {@code rp = rb}. */
  static double carino(double rp, double rb) {
    double x = (rp - rb) / (1.0 + rb);
    double ratio = x == 0.0 ? 1.0 : Math.log1p(x) / x;
    return ratio / (1.0 + rb);
  }

  private static void requireAboveMinusOne(double r, String name) {
    if (!(r > -1.0)) {
      throw new IllegalArgumentException(name + " must be > -1 for linking but was " + r);
    }
  }
}

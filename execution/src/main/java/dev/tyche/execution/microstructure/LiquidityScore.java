package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;

/**
 * A liquidity score in {@code [0, 1]} that combines tightness (spread), depth and price impact
 * (Kyle's lambda), the three dimensions of liquidity named by Kyle (1985) and surveyed in Sarr and
 * Lybek, "Measuring liquidity in financial markets", IMF Working Paper 02/232 (2002).
 *
 * <p>The formula is this library's own (no paper prescribes one): each dimension is mapped to
 * {@code (0, 1]} by a saturating transform with a reference scale, and the three are averaged with
 * weights {@code w} that sum to 1 after normalisation:
 *
 * <pre>{@code
 * tight  = S0 / (S0 + spreadBps)         1 at zero spread, 1/2 at spreadBps = S0
 * deep   = depth / (depth + D0)          0 with no depth, 1/2 at depth = D0
 * robust = L0 / (L0 + |lambda|)          1 with no impact, 1/2 at |lambda| = L0
 * score  = w_s tight + w_d deep + w_l robust
 * }</pre>
 *
 * Higher is more liquid. Each term is monotone in its input, so the score rises as the spread
 * narrows, depth grows or lambda shrinks. The reference scales carry the units ({@code S0} in bps,
 * {@code D0} in the depth's base units, {@code L0} in lambda's price units per base unit); set them
 * to typical values of the instrument, so that the score reads "better or worse than usual".
 *
 * <p>Immutable and thread-safe.
 *
 * @param spreadScaleBps {@code S0}, finite and positive
 * @param depthScale {@code D0}, finite and positive
 * @param lambdaScale {@code L0}, finite and positive
 * @param spreadWeight {@code w_s} before normalisation, finite and >= 0
 * @param depthWeight {@code w_d} before normalisation, finite and >= 0
 * @param lambdaWeight {@code w_l} before normalisation, finite and >= 0; the three sum to > 0
 */
public record LiquidityScore(
    double spreadScaleBps,
    double depthScale,
    double lambdaScale,
    double spreadWeight,
    double depthWeight,
    double lambdaWeight) {

  public LiquidityScore {
    Require.positive("spreadScaleBps", spreadScaleBps);
    Require.positive("depthScale", depthScale);
    Require.positive("lambdaScale", lambdaScale);
    Require.nonNegative("spreadWeight", spreadWeight);
    Require.nonNegative("depthWeight", depthWeight);
    Require.nonNegative("lambdaWeight", lambdaWeight);
    double sum = spreadWeight + depthWeight + lambdaWeight;
    if (!(sum > 0)) {
      throw new IllegalArgumentException(
          "spreadWeight + depthWeight + lambdaWeight must be > 0 but was " + sum);
    }
  }

  /**
   * Equal weights.
   *
   * @param spreadScaleBps {@code S0}, bps
   * @param depthScale {@code D0}, base units
   * @param lambdaScale {@code L0}, price units per base unit
   * @return the score definition
   */
  public static LiquidityScore equalWeights(
      double spreadScaleBps, double depthScale, double lambdaScale) {
    return new LiquidityScore(spreadScaleBps, depthScale, lambdaScale, 1, 1, 1);
  }

  /**
   * The score.
   *
   * @param spreadBps the quoted (or effective) spread in bps, finite and >= 0
   * @param depth the depth in base units (e.g. {@link BookDepth#totalDepthWithinBand()}), finite
   *     and >= 0
   * @param lambda Kyle's lambda, finite (its sign is ignored)
   * @return a value in {@code [0, 1]}
   * @throws IllegalArgumentException if an input is invalid
   */
  public double score(double spreadBps, double depth, double lambda) {
    Require.nonNegative("spreadBps", spreadBps);
    Require.nonNegative("depth", depth);
    Require.finite("lambda", lambda);
    double tight = spreadScaleBps / (spreadScaleBps + spreadBps);
    double deep = depth / (depth + depthScale);
    double robust = lambdaScale / (lambdaScale + Math.abs(lambda));
    double w = spreadWeight + depthWeight + lambdaWeight;
    double s = (spreadWeight * tight + depthWeight * deep + lambdaWeight * robust) / w;
    return Math.max(0.0, Math.min(1.0, s));
  }
}

package dev.tyche.execution.sim;

/**
 * The cost a taker pays over the reference price when the venue has no book to walk (trade and bar
 * matching): a half-spread plus a square-root market-impact term, both in basis points of the
 * reference price.
 *
 * <p>{@code cost = halfSpreadBps + sqrtImpactBps * sqrt(quantity / volume)}, where {@code volume}
 * is the traded volume of the bar the order fills in (the term is dropped when no volume is known).
 * The square-root law of market impact is the empirical form of Almgren, Thum, Hauptmann and Li,
 * "Direct Estimation of Equity Market Impact" (Risk, 2005) and Bouchaud et al., "Trades, Quotes and
 * Prices" (2018), ch. 12: impact ~ {@code Y * sigma * sqrt(Q / V)}; here {@code Y * sigma} of the
 * bar interval is folded into {@code sqrtImpactBps}, the impact in bps of an order the size of the
 * whole bar's volume.
 *
 * <p>The adjusted price is {@code reference * (1 + side * cost / 10^4)} rounded to the tick grid
 * away from the trader (up for a buy, down for a sell).
 *
 * <p>Immutable and thread-safe.
 *
 * @param halfSpreadBps fixed cost in bps, {@code >= 0}
 * @param sqrtImpactBps square-root impact coefficient in bps at {@code quantity == volume}, {@code
 *     >= 0}
 */
public record SlippageModel(double halfSpreadBps, double sqrtImpactBps) {

  /** No cost: fills at the reference price. */
  public static final SlippageModel NONE = new SlippageModel(0.0, 0.0);

  // A negative cost would make taking liquidity profitable by construction.
  public SlippageModel {
    if (!(halfSpreadBps >= 0.0 && Double.isFinite(halfSpreadBps))) {
      throw new IllegalArgumentException(
          "halfSpreadBps must be finite and >= 0 but was " + halfSpreadBps);
    }
    if (!(sqrtImpactBps >= 0.0 && Double.isFinite(sqrtImpactBps))) {
      throw new IllegalArgumentException(
          "sqrtImpactBps must be finite and >= 0 but was " + sqrtImpactBps);
    }
  }

  /**
   * The cost as a fraction of the reference price.
   *
   * @param quantity the order quantity in base units, {@code >= 0}
   * @param volume the bar's traded volume in base units; {@code <= 0} or NaN means unknown
   * @return {@code cost / 10^4}
   */
  public double costFraction(double quantity, double volume) {
    double bps = halfSpreadBps;
    if (sqrtImpactBps > 0.0 && volume > 0.0 && quantity > 0.0) {
      bps += sqrtImpactBps * Math.sqrt(quantity / volume);
    }
    return bps / 10_000.0;
  }
}

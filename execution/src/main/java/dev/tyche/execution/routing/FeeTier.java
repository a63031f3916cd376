package dev.tyche.execution.routing;

/**
 * Maker and taker commission rates in basis points of notional (Binance USDⓈ-M VIP 0: 2 and 5). A
 * maker rebate is a negative maker rate.
 *
 * <p>Immutable and thread-safe.
 *
 * @param makerBps the maker rate, finite, may be negative (rebate)
 * @param takerBps the taker rate, finite and {@code >= makerBps}
 */
public record FeeTier(double makerBps, double takerBps) {

  /** Binance USDⓈ-M futures VIP 0: maker 2 bps, taker 5 bps. */
  public static final FeeTier BINANCE_VIP0 = new FeeTier(2.0, 5.0);

  // Every venue charges takers at least as much as makers; the reverse is a swapped argument.
  public FeeTier {
    if (!Double.isFinite(makerBps)) {
      throw new IllegalArgumentException("makerBps must be finite but was " + makerBps);
    }
    if (!Double.isFinite(takerBps) || takerBps < makerBps) {
      throw new IllegalArgumentException(
          "takerBps must be finite and >= makerBps " + makerBps + " but was " + takerBps);
    }
  }
}

package dev.tyche.execution.microstructure;

/**
 * How {@link Vpin} splits trade volume into buys and sells.
 *
 * <p>Immutable and thread-safe.
 */
public enum VpinClassification {
  /**
   * The venue's aggressor flag (Binance {@code m}): exact, and available on crypto venues. Easley,
   * López de Prado and O'Hara (2012) had no such flag and had to estimate it.
   */
  AGGRESSOR,
  /**
   * The tick rule (Lee and Ready, "Inferring trade direction from intraday data", Journal of
   * Finance 46(2), 1991): a trade above the previous trade price is a buy, below is a sell, at the
   * same price it takes the previous trade's class. Trades before the first price change are split
   * half and half.
   */
  TICK_RULE
}

package dev.tyche.backtest.result;

import java.util.Objects;

/**
 * The part of the backtest's PnL that one segment (a strategy, or a market regime) accounts for.
 *
 * <p>For a strategy: the equity of a private ledger that books only that strategy's fills and the
 * funding on its own position, marked at the same prices as the account (so the strategies' PnLs
 * add up to the account's PnL, up to funding rounding of 10^-8 per settlement and strategy). For a
 * regime: the sum of the equity changes over the sampling periods that began in that regime (the
 * regime in force at a period's start, so the label is known before the period's PnL).
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the strategy id or regime label
 * @param pnl net PnL in the valuation asset (after fees, funding and slippage)
 * @param fees fees paid (0 for regimes when not attributable)
 * @param funding funding received (negative = paid)
 * @param slippage slippage cost
 * @param fills number of fills
 * @param periods number of sampling periods (for regimes; for strategies the curve length)
 */
public record Contribution(
    String key, double pnl, double fees, double funding, double slippage, int fills, int periods) {

  /** Checks the key and counts. */
  public Contribution {
    Objects.requireNonNull(key, "key must not be null");
    if (fills < 0) {
      throw new IllegalArgumentException("fills must be >= 0 but was " + fills);
    }
    if (periods < 0) {
      throw new IllegalArgumentException("periods must be >= 0 but was " + periods);
    }
  }
}

package dev.tyche.backtest.result;

import dev.tyche.core.num.Money;
import java.util.Objects;

/**
 * The costs of a backtest, each reported on its own, in the valuation asset.
 *
 * <p>Fees and funding are exact sums of what the ledger booked. Slippage is the sum of the fills'
 * implementation shortfall (see {@link FillRecord}); it is already part of the PnL through the fill
 * prices, so {@code PnL = trading PnL at decision prices - slippage - fees + funding}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param makerFees fees of maker fills, positive = paid
 * @param takerFees fees of taker fills, positive = paid
 * @param funding net funding, positive = received
 * @param slippage total slippage, positive = cost
 */
public record CostSummary(Money makerFees, Money takerFees, Money funding, Money slippage) {

  /** Checks for nulls. */
  public CostSummary {
    Objects.requireNonNull(makerFees, "makerFees must not be null");
    Objects.requireNonNull(takerFees, "takerFees must not be null");
    Objects.requireNonNull(funding, "funding must not be null");
    Objects.requireNonNull(slippage, "slippage must not be null");
  }

  /**
   * Maker plus taker fees.
   *
   * @return the total fees, positive = paid
   */
  public Money totalFees() {
    return makerFees.plus(takerFees);
  }
}

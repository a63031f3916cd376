package dev.tyche.core.order;

import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * One execution (trade) of an order: what filled this time and the order's running totals.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venueOrderId the venue's id of the order
 * @param tradeId the venue's id of this trade
 * @param side the order's side
 * @param lastPrice the price of this execution
 * @param lastQuantity the quantity of this execution, positive
 * @param cumulativeQuantity the order's filled quantity including this execution
 * @param leavesQuantity the quantity still open after this execution
 * @param fee the commission charged for this execution (positive = paid), in the asset the venue
 *     charged it in
 * @param liquidity maker or taker
 */
public record Execution(
    VenueOrderId venueOrderId,
    TradeId tradeId,
    Side side,
    Price lastPrice,
    Quantity lastQuantity,
    Quantity cumulativeQuantity,
    Quantity leavesQuantity,
    Money fee,
    Liquidity liquidity) {

  // Fills aggregate into the ledger exactly; inconsistent totals would corrupt it silently.
  public Execution {
    Objects.requireNonNull(venueOrderId, "venueOrderId must not be null");
    Objects.requireNonNull(tradeId, "tradeId must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(lastPrice, "lastPrice must not be null");
    Objects.requireNonNull(lastQuantity, "lastQuantity must not be null");
    Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity must not be null");
    Objects.requireNonNull(leavesQuantity, "leavesQuantity must not be null");
    Objects.requireNonNull(fee, "fee must not be null");
    Objects.requireNonNull(liquidity, "liquidity must not be null");
    if (lastQuantity.isZero()) {
      throw new IllegalArgumentException("lastQuantity must be > 0 but was " + lastQuantity);
    }
    if (cumulativeQuantity.compareTo(lastQuantity) < 0) {
      throw new IllegalArgumentException(
          "cumulativeQuantity must be >= lastQuantity "
              + lastQuantity
              + " but was "
              + cumulativeQuantity);
    }
  }

  /**
   * The order's total quantity, filled plus open.
   *
   * @return cumulative plus leaves quantity
   */
  public Quantity orderQuantity() {
    return cumulativeQuantity.plus(leavesQuantity);
  }
}

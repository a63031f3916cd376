package dev.tyche.execution.sim;

import dev.tyche.core.account.Fill;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Price;
import java.util.Objects;

/**
 * The venue liquidated an isolated position: the mark price crossed the liquidation price and the
 * whole position was closed at the bankruptcy price by {@link #fill()}, which the engine applies to
 * its {@code Ledger}. The fill has no client order id (the venue's own order) and zero fee: the
 * trader loses the isolated margin, and whatever margin was left at the liquidation price is the
 * venue's clearance fee.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fill the closing fill at the bankruptcy price
 * @param liquidationPrice the mark price at which margin balance met maintenance margin
 * @param markPrice the mark price that crossed it
 */
public record PositionLiquidated(Fill fill, double liquidationPrice, Price markPrice)
    implements VenueAccountEvent {

  /** Checks the fields. */
  public PositionLiquidated {
    Objects.requireNonNull(fill, "fill must not be null");
    Objects.requireNonNull(markPrice, "markPrice must not be null");
    if (!(liquidationPrice > 0.0 && Double.isFinite(liquidationPrice))) {
      throw new IllegalArgumentException(
          "liquidationPrice must be finite and > 0 but was " + liquidationPrice);
    }
  }

  @Override
  public Symbol symbol() {
    return fill.symbol();
  }

  @Override
  public long eventTime() {
    return fill.eventTime();
  }
}

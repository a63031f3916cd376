package dev.tyche.portfolio.allocation;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * The quantity {@link DiscreteAllocation} chose for one instrument. A zero quantity means the
 * instrument is not bought (its target was too small for the minimum lot, or the capital ran out).
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument
 * @param price the price the notional was valued at
 * @param quantity the quantity to buy, on the instrument's step grid, zero or within its quantity
 *     bounds and minimum notional
 * @param notional {@code price * quantity} exactly, in the quote asset
 * @param targetWeight the requested fraction of capital
 * @param achievedWeight {@code notional / capital}
 */
public record AllocatedOrder(
    Instrument instrument,
    Price price,
    Quantity quantity,
    Decimal notional,
    double targetWeight,
    double achievedWeight) {

  /** Validates the fields. */
  public AllocatedOrder {
    Objects.requireNonNull(instrument, "instrument must not be null");
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(notional, "notional must not be null");
    if (quantity.signum() < 0) {
      throw new IllegalArgumentException("quantity must be >= 0 but was " + quantity);
    }
    if (!Double.isFinite(targetWeight) || !Double.isFinite(achievedWeight)) {
      throw new IllegalArgumentException(
          "targetWeight and achievedWeight must be finite but were "
              + targetWeight
              + " and "
              + achievedWeight);
    }
  }

  /**
   * Whether anything is bought.
   *
   * @return {@code quantity > 0}
   */
  public boolean isEmpty() {
    return quantity.isZero();
  }
}

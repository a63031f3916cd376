package dev.tyche.portfolio.allocation;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import java.util.Objects;

/**
 * One instrument to buy in {@link DiscreteAllocation}: its filters, the price to value it at and
 * its target weight in the capital.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument, whose step size, quantity bounds and minimum notional apply
 * @param price the price per unit of base asset, in the quote asset, {@code > 0} (a reference or
 *     limit price; a market order may fill elsewhere)
 * @param weight the target fraction of capital, finite, {@code >= 0}
 */
public record AllocationTarget(Instrument instrument, Price price, double weight) {

  /** Validates the fields. */
  public AllocationTarget {
    Objects.requireNonNull(instrument, "instrument must not be null");
    // Price is positive by construction (core.num.Price rejects zero and negative prices).
    Objects.requireNonNull(price, "price must not be null");
    if (!(weight >= 0.0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "weight of " + instrument.symbol() + " must be finite and >= 0 but was " + weight);
    }
  }
}

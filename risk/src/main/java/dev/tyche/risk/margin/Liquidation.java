package dev.tyche.risk.margin;

import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import java.util.Objects;

/**
 * A computed liquidation price of one position and the leverage tier it was computed with (the tier
 * that holds the position's notional at that price).
 *
 * <p>The price is a {@code double}: the formula's numerator and denominator are computed exactly
 * from the exact inputs and divided once, so the relative error is a few units in the last place
 * (below {@code 1e-15}), far finer than any tick. It is not on the tick grid; {@link
 * #conservativePrice(Instrument)} puts it there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param direction the position's direction
 * @param price the mark price at which margin balance equals maintenance margin, quote per base
 *     unit, finite and {@code > 0}
 * @param bracket the tier holding the notional {@code quantity * price} (the last tier if that
 *     notional lies beyond the table)
 */
public record Liquidation(PositionDirection direction, double price, LeverageBracket bracket) {

  /** Validates the fields. */
  public Liquidation {
    Objects.requireNonNull(direction, "direction must not be null");
    Objects.requireNonNull(bracket, "bracket must not be null");
    if (!(Double.isFinite(price) && price > 0)) {
      throw new IllegalArgumentException("price must be finite and > 0 but was " + price);
    }
  }

  /**
   * The liquidation price on the instrument's tick grid, rounded toward the entry side so that a
   * stop or alarm placed there fires no later than the venue liquidates: up for a long, down for a
   * short.
   *
   * @param instrument the instrument whose tick grid to use
   * @return the rounded price
   */
  public Price conservativePrice(Instrument instrument) {
    return instrument.roundPrice(
        price, direction == PositionDirection.LONG ? GridRounding.UP : GridRounding.DOWN);
  }
}

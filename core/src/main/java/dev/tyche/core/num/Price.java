package dev.tyche.core.num;

import java.math.RoundingMode;

/**
 * An exact, strictly positive price in quote-asset units per base unit (USDT per BTC for BTCUSDT),
 * held as {@code units * 10^-scale}. The scale is normally the instrument's price scale.
 *
 * <p>Zero and negative prices are rejected: a price difference is not a price (use {@link Decimal}
 * or a {@code double}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param units the count of {@code 10^-scale} units, positive
 * @param scale the number of decimal places, in [0, 18]
 */
public record Price(long units, int scale) implements Fixed, Comparable<Price> {

  // A zero or negative price from an exchange means a corrupt message; fail at the boundary.
  public Price {
    FixedPoint.checkScale(scale, "price");
    if (units <= 0) {
      throw new IllegalArgumentException(
          "price must be > 0 but was " + FixedPoint.format(units, scale));
    }
  }

  /**
   * The price {@code units * 10^-scale}.
   *
   * @param units the count of units, positive
   * @param scale the number of decimal places
   * @return the price
   */
  public static Price of(long units, int scale) {
    return new Price(units, scale);
  }

  /**
   * Parses exchange text, keeping the scale it is written with ({@code "61800.20"} has scale 2).
   *
   * @param text decimal text such as {@code 61800.20} or {@code 1.5e3}
   * @return the price
   * @throws IllegalArgumentException if the text is not a positive decimal number
   */
  public static Price parse(CharSequence text) {
    int scale = FixedPoint.scaleOf(text, "price");
    return new Price(FixedPoint.parse(text, scale, "price"), scale);
  }

  /**
   * Parses exchange text at a given scale, rejecting text with more (non-zero) decimal places.
   *
   * @param text decimal text
   * @param scale the scale to hold the price at, usually the instrument's price scale
   * @return the price
   * @throws IllegalArgumentException if the text is not a positive decimal number that fits {@code
   *     scale}
   */
  public static Price parse(CharSequence text, int scale) {
    FixedPoint.checkScale(scale, "price");
    return new Price(FixedPoint.parse(text, scale, "price"), scale);
  }

  /**
   * Converts an analytic double, rounding to {@code scale} decimal places. Values within
   * representation noise of a grid point (1e-9 of a unit, or 1e-12 relative for counts above 1000
   * units) are taken as that point, so that {@code 100.29999999999998} does not round down a whole
   * unit, while a genuine fraction of a unit is never absorbed.
   *
   * @param value the price, finite and positive after rounding
   * @param scale the number of decimal places
   * @param mode how to round
   * @return the price
   */
  public static Price fromDouble(double value, int scale, RoundingMode mode) {
    FixedPoint.checkScale(scale, "price");
    return new Price(FixedPoint.fromDouble(value, scale, mode, "price"), scale);
  }

  /**
   * This price held at another scale, exactly.
   *
   * @param newScale the scale
   * @return the same value at {@code newScale}
   * @throws ArithmeticException if digits would be lost or the units overflow
   */
  public Price withScale(int newScale) {
    FixedPoint.checkScale(newScale, "price");
    return new Price(FixedPoint.rescaleExact(units, scale, newScale, "price"), newScale);
  }

  /**
   * The sum, at the larger scale of the two.
   *
   * @param other the price to add
   * @return the sum
   */
  public Price plus(Price other) {
    int s = Math.max(scale, other.scale);
    return new Price(FixedPoint.addAtScale(units, scale, other.units, other.scale, s), s);
  }

  /**
   * The difference, at the larger scale of the two.
   *
   * @param other the price to subtract
   * @return the difference as a signed decimal (a price difference is not a price)
   */
  public Decimal minus(Price other) {
    int s = Math.max(scale, other.scale);
    return Decimal.of(FixedPoint.addAtScale(units, scale, -other.units, other.scale, s), s);
  }

  /**
   * This price moved by a whole number of ticks.
   *
   * @param ticks the number of ticks, may be negative
   * @param tick the tick size
   * @return the new price
   * @throws IllegalArgumentException if the result is not positive
   */
  public Price plusTicks(long ticks, Price tick) {
    int s = Math.max(scale, tick.scale);
    long step = FixedPoint.rescaleExact(tick.units, tick.scale, s, "tick");
    long base = FixedPoint.rescaleExact(units, scale, s, "price");
    return new Price(Math.addExact(base, Math.multiplyExact(ticks, step)), s);
  }

  /**
   * The notional value of {@code quantity} at this price, exact, at scale {@code scale() +
   * quantity.scale()}.
   *
   * @param quantity the quantity in base units
   * @return the notional in quote units
   * @throws ArithmeticException on overflow
   */
  public Decimal times(Quantity quantity) {
    int s = scale + quantity.scale();
    FixedPoint.checkScale(s, "notional");
    return Decimal.of(Math.multiplyExact(units, quantity.units()), s);
  }

  @Override
  public int compareTo(Price other) {
    return compareValue(other);
  }

  @Override
  public String toString() {
    return toPlainString();
  }
}

package dev.tyche.core.num;

import java.math.RoundingMode;

/**
 * An exact, non-negative quantity in base-asset units (BTC for BTCUSDT; for USDT-M contracts one
 * contract is one base unit), held as {@code units * 10^-scale}. The scale is normally the
 * instrument's quantity scale. Direction lives elsewhere (an order side, a position's sign).
 *
 * <p>Immutable and thread-safe.
 *
 * @param units the count of {@code 10^-scale} units, zero or positive
 * @param scale the number of decimal places, in [0, 18]
 */
public record Quantity(long units, int scale) implements Fixed, Comparable<Quantity> {

  // Negative sizes are a sign bug somewhere upstream; reject them where they enter.
  public Quantity {
    FixedPoint.checkScale(scale, "quantity");
    if (units < 0) {
      throw new IllegalArgumentException(
          "quantity must be >= 0 but was " + FixedPoint.format(units, scale));
    }
  }

  /**
   * The quantity {@code units * 10^-scale}.
   *
   * @param units the count of units, zero or positive
   * @param scale the number of decimal places
   * @return the quantity
   */
  public static Quantity of(long units, int scale) {
    return new Quantity(units, scale);
  }

  /**
   * Zero at the given scale.
   *
   * @param scale the number of decimal places
   * @return zero
   */
  public static Quantity zero(int scale) {
    return new Quantity(0, scale);
  }

  /**
   * Parses exchange text, keeping the scale it is written with ({@code "0.010"} has scale 3).
   *
   * @param text decimal text
   * @return the quantity
   * @throws IllegalArgumentException if the text is not a non-negative decimal number
   */
  public static Quantity parse(CharSequence text) {
    int scale = FixedPoint.scaleOf(text, "quantity");
    return new Quantity(FixedPoint.parse(text, scale, "quantity"), scale);
  }

  /**
   * Parses exchange text at a given scale, rejecting text with more (non-zero) decimal places.
   *
   * @param text decimal text
   * @param scale the scale to hold the quantity at, usually the instrument's quantity scale
   * @return the quantity
   */
  public static Quantity parse(CharSequence text, int scale) {
    FixedPoint.checkScale(scale, "quantity");
    return new Quantity(FixedPoint.parse(text, scale, "quantity"), scale);
  }

  /**
   * Converts an analytic double, rounding to {@code scale} decimal places (see {@link
   * Price#fromDouble(double, int, RoundingMode)} for the treatment of representation noise).
   *
   * @param value the quantity, finite and non-negative after rounding
   * @param scale the number of decimal places
   * @param mode how to round
   * @return the quantity
   */
  public static Quantity fromDouble(double value, int scale, RoundingMode mode) {
    FixedPoint.checkScale(scale, "quantity");
    return new Quantity(FixedPoint.fromDouble(value, scale, mode, "quantity"), scale);
  }

  /**
   * Whether this quantity is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return units == 0;
  }

  /**
   * This quantity held at another scale, exactly.
   *
   * @param newScale the scale
   * @return the same value at {@code newScale}
   * @throws ArithmeticException if digits would be lost or the units overflow
   */
  public Quantity withScale(int newScale) {
    FixedPoint.checkScale(newScale, "quantity");
    return new Quantity(FixedPoint.rescaleExact(units, scale, newScale, "quantity"), newScale);
  }

  /**
   * The sum, at the larger scale of the two.
   *
   * @param other the quantity to add
   * @return the sum
   */
  public Quantity plus(Quantity other) {
    int s = Math.max(scale, other.scale);
    return new Quantity(FixedPoint.addAtScale(units, scale, other.units, other.scale, s), s);
  }

  /**
   * The difference, at the larger scale of the two.
   *
   * @param other the quantity to subtract, not larger than this one
   * @return the difference
   * @throws IllegalArgumentException if {@code other} is larger
   */
  public Quantity minus(Quantity other) {
    int s = Math.max(scale, other.scale);
    return new Quantity(FixedPoint.addAtScale(units, scale, -other.units, other.scale, s), s);
  }

  /**
   * The smaller of the two.
   *
   * @param other the other quantity
   * @return the smaller value (this one on a tie)
   */
  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * This quantity multiplied by a whole number.
   *
   * @param factor the factor, non-negative
   * @return the product
   */
  public Quantity times(long factor) {
    return new Quantity(Math.multiplyExact(units, factor), scale);
  }

  @Override
  public int compareTo(Quantity other) {
    return compareValue(other);
  }

  @Override
  public String toString() {
    return toPlainString();
  }
}

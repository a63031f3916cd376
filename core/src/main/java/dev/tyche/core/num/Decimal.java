package dev.tyche.core.num;

import java.math.RoundingMode;

/**
 * An exact signed decimal {@code units * 10^-scale}: funding rates, fee rates, notionals and price
 * differences, wherever a value must settle exactly but is not a price, quantity or balance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param units the count of {@code 10^-scale} units
 * @param scale the number of decimal places, in [0, 18]
 */
public record Decimal(long units, int scale) implements Fixed, Comparable<Decimal> {

  /** Zero at scale 0. */
  public static final Decimal ZERO = new Decimal(0, 0);

  // The range is kept symmetric (no Long.MIN_VALUE) so that negation is always exact.
  public Decimal {
    FixedPoint.checkScale(scale, "decimal");
    FixedPoint.checkUnits(units, "decimal");
  }

  /**
   * The decimal {@code units * 10^-scale}.
   *
   * @param units the count of units
   * @param scale the number of decimal places
   * @return the decimal
   */
  public static Decimal of(long units, int scale) {
    return new Decimal(units, scale);
  }

  /**
   * Parses decimal text (exponent notation such as {@code -3.33e-06} accepted), keeping the scale
   * the text needs.
   *
   * @param text decimal text
   * @return the decimal
   */
  public static Decimal parse(CharSequence text) {
    int scale = FixedPoint.scaleOf(text, "decimal");
    return new Decimal(FixedPoint.parse(text, scale, "decimal"), scale);
  }

  /**
   * Parses decimal text at a given scale.
   *
   * @param text decimal text
   * @param scale the scale
   * @return the decimal
   */
  public static Decimal parse(CharSequence text, int scale) {
    FixedPoint.checkScale(scale, "decimal");
    return new Decimal(FixedPoint.parse(text, scale, "decimal"), scale);
  }

  /**
   * Converts an analytic double, rounding to {@code scale} decimal places.
   *
   * @param value the value, finite
   * @param scale the number of decimal places
   * @param mode how to round
   * @return the decimal
   */
  public static Decimal fromDouble(double value, int scale, RoundingMode mode) {
    FixedPoint.checkScale(scale, "decimal");
    return new Decimal(FixedPoint.fromDouble(value, scale, mode, "decimal"), scale);
  }

  /**
   * The same value at another scale, exactly.
   *
   * @param newScale the scale
   * @return the rescaled value
   * @throws ArithmeticException if digits would be lost
   */
  public Decimal withScale(int newScale) {
    FixedPoint.checkScale(newScale, "decimal");
    return new Decimal(FixedPoint.rescaleExact(units, scale, newScale, "decimal"), newScale);
  }

  /**
   * The value rounded to fewer (or padded to more) decimal places.
   *
   * @param newScale the scale
   * @param mode how to round when digits are dropped
   * @return the rounded value
   */
  public Decimal round(int newScale, RoundingMode mode) {
    FixedPoint.checkScale(newScale, "decimal");
    return new Decimal(FixedPoint.rescale(units, scale, newScale, mode), newScale);
  }

  /**
   * The sum at the larger scale.
   *
   * @param other the addend
   * @return the sum
   */
  public Decimal plus(Decimal other) {
    int s = Math.max(scale, other.scale);
    return new Decimal(FixedPoint.addAtScale(units, scale, other.units, other.scale, s), s);
  }

  /**
   * The difference at the larger scale.
   *
   * @param other the subtrahend
   * @return the difference
   */
  public Decimal minus(Decimal other) {
    return plus(other.negate());
  }

  /**
   * The exact product, at scale {@code scale() + other.scale()}.
   *
   * @param other the factor
   * @return the product
   * @throws ArithmeticException on overflow or if the scales add up to more than 18
   */
  public Decimal times(Fixed other) {
    int s = scale + other.scale();
    FixedPoint.checkScale(s, "product");
    return new Decimal(Math.multiplyExact(units, other.units()), s);
  }

  /**
   * The negated value.
   *
   * @return {@code -this}
   */
  public Decimal negate() {
    return new Decimal(Math.negateExact(units), scale);
  }

  @Override
  public int compareTo(Decimal other) {
    return compareValue(other);
  }

  @Override
  public String toString() {
    return toPlainString();
  }
}

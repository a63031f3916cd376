package dev.tyche.core.num;

import dev.tyche.core.id.Asset;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact signed amount of one asset, such as a USDT balance, a realised PnL, a fee or a funding
 * payment, held as {@code units * 10^-scale}. Amounts of different assets never mix: adding USDT to
 * BTC throws.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset the amount is in
 * @param units the count of {@code 10^-scale} units, signed
 * @param scale the number of decimal places, in [0, 18]
 */
public record Money(Asset asset, long units, int scale) implements Fixed, Comparable<Money> {

  // The asset is part of the value: an amount without a currency cannot be settled.
  public Money {
    Objects.requireNonNull(asset, "asset must not be null");
    FixedPoint.checkScale(scale, "money");
    FixedPoint.checkUnits(units, "money");
  }

  /**
   * The amount {@code units * 10^-scale} of {@code asset}.
   *
   * @param asset the asset
   * @param units the count of units
   * @param scale the number of decimal places
   * @return the amount
   */
  public static Money of(Asset asset, long units, int scale) {
    return new Money(asset, units, scale);
  }

  /**
   * Zero of {@code asset} at {@code scale}.
   *
   * @param asset the asset
   * @param scale the number of decimal places
   * @return zero
   */
  public static Money zero(Asset asset, int scale) {
    return new Money(asset, 0, scale);
  }

  /**
   * The amount {@code value} of {@code asset}, exactly.
   *
   * @param asset the asset
   * @param value the exact amount
   * @return the amount
   */
  public static Money of(Asset asset, Decimal value) {
    return new Money(asset, value.units(), value.scale());
  }

  /**
   * Parses decimal text such as Binance's {@code "1234.56789012"}.
   *
   * @param asset the asset
   * @param text decimal text
   * @return the amount
   */
  public static Money parse(Asset asset, CharSequence text) {
    int scale = FixedPoint.scaleOf(text, "money");
    return new Money(asset, FixedPoint.parse(text, scale, "money"), scale);
  }

  /**
   * The amount as a plain decimal, without its asset.
   *
   * @return the value
   */
  public Decimal amount() {
    return Decimal.of(units, scale);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return units == 0;
  }

  /**
   * The sum, at the larger scale.
   *
   * @param other an amount of the same asset
   * @return the sum
   * @throws IllegalArgumentException if the assets differ
   */
  public Money plus(Money other) {
    requireSameAsset(other);
    int s = Math.max(scale, other.scale);
    return new Money(asset, FixedPoint.addAtScale(units, scale, other.units, other.scale, s), s);
  }

  /**
   * The difference, at the larger scale.
   *
   * @param other an amount of the same asset
   * @return the difference
   * @throws IllegalArgumentException if the assets differ
   */
  public Money minus(Money other) {
    return plus(other.negate());
  }

  /**
   * The sum with a plain decimal in this amount's asset.
   *
   * @param value the amount to add
   * @return the sum
   */
  public Money plus(Decimal value) {
    return plus(of(asset, value));
  }

  /**
   * The negated amount.
   *
   * @return {@code -this}
   */
  public Money negate() {
    return new Money(asset, Math.negateExact(units), scale);
  }

  /**
   * The amount rounded to {@code newScale} decimal places (e.g. the 8 decimals of a Binance USDT
   * balance).
   *
   * @param newScale the scale
   * @param mode how to round when digits are dropped
   * @return the rounded amount
   */
  public Money round(int newScale, RoundingMode mode) {
    FixedPoint.checkScale(newScale, "money");
    return new Money(asset, FixedPoint.rescale(units, scale, newScale, mode), newScale);
  }

  private void requireSameAsset(Money other) {
    if (!asset.equals(other.asset)) {
      throw new IllegalArgumentException(
          "cannot combine " + asset + " with " + other.asset + " (" + other + ")");
    }
  }

  /**
   * Orders amounts of the same asset by value.
   *
   * @throws IllegalArgumentException if the assets differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameAsset(other);
    return compareValue(other);
  }

  @Override
  public String toString() {
    return toPlainString() + " " + asset;
  }
}

package dev.tyche.binance.mapping;

import dev.tyche.core.num.Decimal;
import java.util.Objects;

/**
 * One notional tier of Binance's leverage brackets, exact. Maintenance margin of a position whose
 * notional {@code N} falls in the tier is {@code N * maintMarginRate - maintAmount} (reference
 * section 9, Binance "Leverage and Margin of USDⓈ-M Futures").
 *
 * <p>Immutable and thread-safe.
 *
 * @param bracket the tier number, from 1
 * @param maxLeverage the largest leverage in the tier, 1 to 125
 * @param notionalFloor the tier's lower notional bound, quote asset
 * @param notionalCap the tier's upper notional bound, above the floor
 * @param maintMarginRate the maintenance margin rate, in [0, 1)
 * @param maintAmount Binance's {@code cum}, the maintenance amount, zero or positive
 */
public record LeverageTier(
    int bracket,
    int maxLeverage,
    Decimal notionalFloor,
    Decimal notionalCap,
    Decimal maintMarginRate,
    Decimal maintAmount) {

  // A tier that breaks these would give negative or unbounded maintenance margin.
  public LeverageTier {
    Objects.requireNonNull(notionalFloor, "notionalFloor must not be null");
    Objects.requireNonNull(notionalCap, "notionalCap must not be null");
    Objects.requireNonNull(maintMarginRate, "maintMarginRate must not be null");
    Objects.requireNonNull(maintAmount, "maintAmount must not be null");
    if (bracket < 1) {
      throw new IllegalArgumentException("bracket must be >= 1 but was " + bracket);
    }
    if (maxLeverage < 1 || maxLeverage > 125) {
      throw new IllegalArgumentException("maxLeverage must be in [1, 125] but was " + maxLeverage);
    }
    if (notionalFloor.signum() < 0 || notionalCap.compareTo(notionalFloor) <= 0) {
      throw new IllegalArgumentException(
          "need 0 <= notionalFloor < notionalCap but were " + notionalFloor + ", " + notionalCap);
    }
    if (maintMarginRate.signum() < 0 || maintMarginRate.compareValue(Decimal.of(1, 0)) >= 0) {
      throw new IllegalArgumentException(
          "maintMarginRate must be in [0, 1) but was " + maintMarginRate);
    }
    if (maintAmount.signum() < 0) {
      throw new IllegalArgumentException("maintAmount must be >= 0 but was " + maintAmount);
    }
  }
}

package dev.tyche.execution.sim;

import dev.tyche.core.num.Decimal;
import java.util.Objects;

/**
 * Binance's {@code PERCENT_PRICE} filter: a buy limit may not exceed {@code mark * multiplierUp}
 * (error -4016) and a sell limit may not be below {@code mark * multiplierDown} (error -4024); a
 * market order whose best opposite price lies outside the band is rejected with -4131 (project
 * reference notes, sections 3.1 and 5). BTCUSDT uses 1.05 / 0.95.
 *
 * <p>Immutable and thread-safe.
 *
 * @param multiplierUp the upper multiplier, {@code >= 1}
 * @param multiplierDown the lower multiplier, in {@code (0, 1]}
 */
public record PercentPriceBand(Decimal multiplierUp, Decimal multiplierDown) {

  // A band that excludes the mark itself would reject every order.
  public PercentPriceBand {
    Objects.requireNonNull(multiplierUp, "multiplierUp must not be null");
    Objects.requireNonNull(multiplierDown, "multiplierDown must not be null");
    if (multiplierUp.compareValue(Decimal.of(1, 0)) < 0) {
      throw new IllegalArgumentException("multiplierUp must be >= 1 but was " + multiplierUp);
    }
    if (multiplierDown.signum() <= 0 || multiplierDown.compareValue(Decimal.of(1, 0)) > 0) {
      throw new IllegalArgumentException(
          "multiplierDown must be in (0, 1] but was " + multiplierDown);
    }
  }

  /**
   * A band from text multipliers.
   *
   * @param up e.g. {@code "1.05"}
   * @param down e.g. {@code "0.95"}
   * @return the band
   */
  public static PercentPriceBand of(String up, String down) {
    return new PercentPriceBand(Decimal.parse(up), Decimal.parse(down));
  }
}

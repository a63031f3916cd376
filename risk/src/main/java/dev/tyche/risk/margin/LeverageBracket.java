package dev.tyche.risk.margin;

import dev.tyche.core.num.Decimal;
import java.util.Objects;

/**
 * One notional tier of a Binance USDT-M symbol's leverage table, as returned by {@code GET
 * /fapi/v1/leverageBracket}: positions whose notional lies in {@code [notionalFloor, notionalCap]}
 * may use at most {@code initialLeverage} and pay maintenance margin {@code notional *
 * maintMarginRatio - cum}.
 *
 * <p>Source: Binance USDⓈ-M Futures API, "Notional and Leverage Brackets (USER_DATA)",
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets
 * (field names), and the Binance FAQ on maintenance margin (the formula).
 *
 * <p>Immutable and thread-safe.
 *
 * @param bracket the tier number, from 1
 * @param initialLeverage the largest leverage allowed in this tier, {@code >= 1}
 * @param notionalFloor the lower notional bound in the quote asset, {@code >= 0}
 * @param notionalCap the upper notional bound in the quote asset, {@code > notionalFloor}
 * @param maintMarginRatio the maintenance margin rate, in {@code [0, 1)} (0.004 = 0.4 %)
 * @param cum the maintenance amount ("cum", quick deduction) in the quote asset, {@code >= 0}
 */
public record LeverageBracket(
    int bracket,
    int initialLeverage,
    Decimal notionalFloor,
    Decimal notionalCap,
    Decimal maintMarginRatio,
    Decimal cum) {

  private static final Decimal ONE = Decimal.of(1, 0);

  /** Validates each field on its own; the table checks how tiers fit together. */
  public LeverageBracket {
    Objects.requireNonNull(notionalFloor, "notionalFloor must not be null");
    Objects.requireNonNull(notionalCap, "notionalCap must not be null");
    Objects.requireNonNull(maintMarginRatio, "maintMarginRatio must not be null");
    Objects.requireNonNull(cum, "cum must not be null");
    if (bracket < 1) {
      throw new IllegalArgumentException("bracket must be >= 1 but was " + bracket);
    }
    if (initialLeverage < 1) {
      throw new IllegalArgumentException(
          "initialLeverage must be >= 1 but was " + initialLeverage + " (bracket " + bracket + ")");
    }
    if (notionalFloor.signum() < 0) {
      throw new IllegalArgumentException(
          "notionalFloor must be >= 0 but was " + notionalFloor + " (bracket " + bracket + ")");
    }
    if (notionalCap.compareTo(notionalFloor) <= 0) {
      throw new IllegalArgumentException(
          "notionalCap must be > notionalFloor "
              + notionalFloor
              + " but was "
              + notionalCap
              + " (bracket "
              + bracket
              + ")");
    }
    // A rate of 1 or more would make a long's liquidation formula divide by zero or flip sign.
    if (maintMarginRatio.signum() < 0 || maintMarginRatio.compareTo(ONE) >= 0) {
      throw new IllegalArgumentException(
          "maintMarginRatio must be in [0, 1) but was "
              + maintMarginRatio
              + " (bracket "
              + bracket
              + ")");
    }
    if (cum.signum() < 0) {
      throw new IllegalArgumentException(
          "cum must be >= 0 but was " + cum + " (bracket " + bracket + ")");
    }
  }

  /**
   * Whether the notional lies in this tier's closed range {@code [notionalFloor, notionalCap]}.
   *
   * @param notional the position notional in the quote asset
   * @return true if {@code notionalFloor <= notional <= notionalCap}
   */
  public boolean contains(Decimal notional) {
    return notional.compareTo(notionalFloor) >= 0 && notional.compareTo(notionalCap) <= 0;
  }

  /**
   * The maintenance margin {@code notional * maintMarginRatio - cum} with this tier's rate, exact.
   * The caller is responsible for picking the tier that holds the notional (see {@link
   * LeverageBrackets#maintenanceMargin(Decimal)}).
   *
   * @param notional the position notional at the mark price, in the quote asset, {@code >= 0}
   * @return the maintenance margin in the quote asset
   * @throws ArithmeticException if the exact product does not fit 18 decimals or a long
   */
  public Decimal maintenanceMargin(Decimal notional) {
    return notional.times(maintMarginRatio).minus(cum);
  }
}

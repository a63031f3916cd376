package dev.tyche.strategy.funding;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.FundingSchedule;
import java.util.Objects;

/**
 * Parameters of {@link FundingCarrySignal}. Rates are plain fractions ({@code 0.10} = 10 %).
 *
 * <p>Immutable and thread-safe.
 *
 * @param spot the spot instrument held long
 * @param perpetual the perpetual held short, on the same underlying; a different symbol
 * @param priceInterval the bar interval subscribed for both legs' reference prices; fixed-length
 * @param schedule the perpetual's funding schedule, for annualising: {@code fundingsPerDay * 365}
 *     intervals a year
 * @param ewmaAlpha the smoothing constant of the funding average, in {@code (0, 1]} (1 = the latest
 *     rate only)
 * @param minObservations fundings seen before the first decision, {@code >= 1}
 * @param roundTripCost the cost of opening and later closing both legs, as a fraction of one leg's
 *     notional (fees on four fills plus expected slippage), in {@code [0, 0.1]}
 * @param holdingDays the expected holding period over which {@code roundTripCost} is amortised,
 *     finite and {@code > 0}
 * @param basisBuffer the extra annualised carry demanded for basis risk (the spot-perpetual spread
 *     moving against the position before it is closed), finite and {@code >= 0}
 * @param exitCarry the annualised expected carry below which an open position is closed; finite and
 *     at most the entry threshold, so entry and exit do not chatter
 * @param exposure the target exposure of each leg, in {@code (0, 1]}: spot {@code +exposure},
 *     perpetual {@code -exposure}
 */
public record FundingCarryParameters(
    Symbol spot,
    Symbol perpetual,
    BarInterval priceInterval,
    FundingSchedule schedule,
    double ewmaAlpha,
    int minObservations,
    double roundTripCost,
    double holdingDays,
    double basisBuffer,
    double exitCarry,
    double exposure) {

  /** Days a year used for annualising: crypto perpetuals fund every day of the year. */
  public static final double DAYS_PER_YEAR = 365.0;

  // An exit threshold above the entry threshold would close a position the moment it opened.
  public FundingCarryParameters {
    Objects.requireNonNull(spot, "spot must not be null");
    Objects.requireNonNull(perpetual, "perpetual must not be null");
    Objects.requireNonNull(priceInterval, "priceInterval must not be null");
    Objects.requireNonNull(schedule, "schedule must not be null");
    if (spot.equals(perpetual)) {
      throw new IllegalArgumentException("spot and perpetual must differ but both were " + spot);
    }
    if (!priceInterval.isFixedLength()) {
      throw new IllegalArgumentException(
          "priceInterval must have a fixed length but was " + priceInterval.code());
    }
    if (!(ewmaAlpha > 0.0 && ewmaAlpha <= 1.0)) {
      throw new IllegalArgumentException("ewmaAlpha must be in (0, 1] but was " + ewmaAlpha);
    }
    if (minObservations < 1) {
      throw new IllegalArgumentException("minObservations must be >= 1 but was " + minObservations);
    }
    if (!(roundTripCost >= 0.0 && roundTripCost <= 0.1)) {
      throw new IllegalArgumentException(
          "roundTripCost must be in [0, 0.1] but was " + roundTripCost);
    }
    if (!(holdingDays > 0.0 && holdingDays < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "holdingDays must be finite and > 0 but was " + holdingDays);
    }
    if (!(basisBuffer >= 0.0 && basisBuffer < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "basisBuffer must be finite and >= 0 but was " + basisBuffer);
    }
    if (!Double.isFinite(exitCarry)
        || exitCarry > entryThreshold(roundTripCost, holdingDays, basisBuffer)) {
      throw new IllegalArgumentException(
          "exitCarry must be finite and <= the entry threshold "
              + entryThreshold(roundTripCost, holdingDays, basisBuffer)
              + " but was "
              + exitCarry);
    }
    if (!(exposure > 0.0 && exposure <= 1.0)) {
      throw new IllegalArgumentException("exposure must be in (0, 1] but was " + exposure);
    }
  }

  private static double entryThreshold(double cost, double days, double buffer) {
    return cost * DAYS_PER_YEAR / days + buffer;
  }

  /**
   * The annualised expected carry an entry requires: {@code roundTripCost * 365 / holdingDays +
   * basisBuffer}.
   *
   * @return the threshold, a fraction per year
   */
  public double entryThreshold() {
    return entryThreshold(roundTripCost, holdingDays, basisBuffer);
  }

  /**
   * Annualises a per-interval funding rate: {@code rate * fundingsPerDay * 365}.
   *
   * @param ratePerInterval a rate per funding interval
   * @return the rate per year (simple, not compounded)
   */
  public double annualise(double ratePerInterval) {
    return ratePerInterval * schedule.fundingsPerDay() * DAYS_PER_YEAR;
  }

  /**
   * A common setting for Binance: 8-hourly funding, {@code alpha = 0.1} (about 3 days of memory), 9
   * fundings before the first decision, 0.4 % round trip amortised over 30 days, 5 % basis buffer,
   * exit below 2 % a year, each leg at half the capital.
   *
   * @param spot the spot instrument
   * @param perpetual the perpetual
   * @param priceInterval the bar interval for reference prices
   * @return the parameters
   */
  public static FundingCarryParameters defaults(
      Symbol spot, Symbol perpetual, BarInterval priceInterval) {
    return new FundingCarryParameters(
        spot,
        perpetual,
        priceInterval,
        FundingSchedule.EVERY_8_HOURS,
        0.1,
        9,
        0.004,
        30.0,
        0.05,
        0.02,
        0.5);
  }
}

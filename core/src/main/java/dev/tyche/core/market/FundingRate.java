package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import java.util.Objects;
import java.util.Optional;

/**
 * One perpetual-futures funding settlement.
 *
 * <p><b>Sign convention.</b> {@code rate} is the rate for one funding interval (8 h on Binance
 * USDⓈ-M until 2023 for most symbols; some symbols now settle every 4 h or 1 h) as a plain
 * fraction: {@code 0.0001} is 0.01 % of the position's notional per interval. A positive rate means
 * longs pay shorts; a negative rate means shorts pay longs. Binance computes a position's payment
 * as {@code notional at the mark price × rate}.
 *
 * <p>{@code fundingTime} is the settlement time as the exchange recorded it, in UTC epoch
 * milliseconds. Binance records it with a few milliseconds of jitter ({@code 1568476800001});
 * {@link #nominalTime()} rounds it to the hour.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the perpetual's symbol
 * @param fundingTime the settlement time, UTC epoch milliseconds, as recorded
 * @param rate the funding rate per interval as a plain fraction; positive = longs pay shorts
 * @param markPrice the mark price at settlement, if the source carries it
 */
public record FundingRate(Symbol symbol, long fundingTime, Decimal rate, Optional<Price> markPrice)
    implements MarketEvent {

  private static final long HOUR_MILLIS = 3_600_000L;

  // Validate at the boundary: a funding record with no time or rate cannot be settled.
  public FundingRate {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(markPrice, "markPrice");
    if (fundingTime < 0) {
      throw new IllegalArgumentException("fundingTime must be >= 0 but was " + fundingTime);
    }
  }

  /**
   * A funding record without a mark price.
   *
   * @param symbol the symbol
   * @param fundingTime the settlement time, UTC epoch milliseconds
   * @param rate the rate per interval as a plain fraction; positive = longs pay shorts
   * @return the record
   */
  public static FundingRate of(Symbol symbol, long fundingTime, Decimal rate) {
    return new FundingRate(symbol, fundingTime, rate, Optional.empty());
  }

  /**
   * The same instant as {@link #fundingTime()}: when the settlement becomes known.
   *
   * @return the event time, UTC epoch milliseconds
   */
  public long eventTime() {
    return fundingTime;
  }

  /**
   * The settlement time rounded to the nearest whole hour (half up), removing the exchange's
   * millisecond jitter. Every funding interval Binance uses is a whole number of hours.
   *
   * @return the nominal settlement time, UTC epoch milliseconds
   */
  public long nominalTime() {
    return Math.floorDiv(fundingTime + HOUR_MILLIS / 2, HOUR_MILLIS) * HOUR_MILLIS;
  }
}

package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A mark-price observation of a perpetual future, as Binance's {@code markPrice} stream and
 * premium-index endpoint publish it. The mark price is what unrealised PnL, margin and liquidation
 * use; it is not a traded price.
 *
 * <p>{@code fundingRate} follows {@link FundingRate}'s convention (per interval, plain fraction,
 * positive = longs pay shorts) and is the rate currently estimated for the next settlement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the perpetual's symbol
 * @param eventTime when the exchange published the value, UTC epoch milliseconds
 * @param markPrice the mark price, quote units per base unit
 * @param indexPrice the underlying index price, if known
 * @param fundingRate the estimated funding rate for the next settlement, if known
 * @param nextFundingTime the next settlement time in UTC epoch milliseconds, if known
 */
public record MarkPrice(
    Symbol symbol,
    long eventTime,
    Price markPrice,
    Optional<Price> indexPrice,
    Optional<Decimal> fundingRate,
    OptionalLong nextFundingTime)
    implements MarketEvent {

  // Optional fields are never null: absence is Optional.empty(), so readers need no null checks.
  public MarkPrice {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(markPrice, "markPrice");
    Objects.requireNonNull(indexPrice, "indexPrice");
    Objects.requireNonNull(fundingRate, "fundingRate");
    Objects.requireNonNull(nextFundingTime, "nextFundingTime");
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 but was " + eventTime);
    }
    if (nextFundingTime.isPresent() && nextFundingTime.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "nextFundingTime must be >= 0 but was " + nextFundingTime.getAsLong());
    }
  }

  /**
   * A mark price with nothing else known.
   *
   * @param symbol the symbol
   * @param eventTime UTC epoch milliseconds
   * @param markPrice the mark price
   * @return the observation
   */
  public static MarkPrice of(Symbol symbol, long eventTime, Price markPrice) {
    return new MarkPrice(
        symbol, eventTime, markPrice, Optional.empty(), Optional.empty(), OptionalLong.empty());
  }
}

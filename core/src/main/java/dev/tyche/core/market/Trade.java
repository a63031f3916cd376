package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.Objects;

/**
 * One public trade (execution) on the venue, as in Binance's {@code <symbol>@trade} stream.
 *
 * <p>The {@code aggressor} is the taker's side: {@link Side#BUY} when a buy order lifted a resting
 * ask, {@link Side#SELL} when a sell order hit a resting bid. Binance reports the opposite fact,
 * {@code m} = "the buyer is the maker", so {@code m = true} means the seller took liquidity and the
 * aggressor is {@link Side#SELL}; see {@link #aggressorFromBuyerIsMaker(boolean)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument traded
 * @param tradeId the venue's trade id
 * @param price the execution price, in quote units per base unit
 * @param quantity the executed quantity in base units, strictly positive
 * @param aggressor the taker's side
 * @param tradeTime when the venue matched the trade, UTC epoch milliseconds (Binance {@code T})
 * @param eventTime when the venue published the event, UTC epoch milliseconds (Binance {@code E})
 */
public record Trade(
    Symbol symbol,
    TradeId tradeId,
    Price price,
    Quantity quantity,
    Side aggressor,
    long tradeTime,
    long eventTime)
    implements MarketEvent {

  // A zero-size trade or a negative timestamp means a corrupt message; reject at the boundary.
  public Trade {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(tradeId, "tradeId must not be null");
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(aggressor, "aggressor must not be null");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("quantity must be > 0 but was " + quantity);
    }
    if (tradeTime < 0) {
      throw new IllegalArgumentException("tradeTime must be >= 0 (epoch ms) but was " + tradeTime);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 (epoch ms) but was " + eventTime);
    }
  }

  /**
   * The aggressor (taker) side from Binance's {@code m} flag.
   *
   * @param buyerIsMaker Binance's {@code m}: true if the buyer's order was resting on the book
   * @return {@link Side#SELL} if the buyer was the maker, otherwise {@link Side#BUY}
   */
  public static Side aggressorFromBuyerIsMaker(boolean buyerIsMaker) {
    return buyerIsMaker ? Side.SELL : Side.BUY;
  }
}

package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * The best bid and best ask of one instrument (top of book), as in Binance's {@code
 * <symbol>@bookTicker} stream.
 *
 * <p>A quote is never crossed or locked: {@code bidPrice < askPrice}. Both quantities are strictly
 * positive (a level with nothing on it is not a best level).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param bidPrice the best bid price, in quote units per base unit
 * @param bidQuantity the quantity at the best bid, in base units, positive
 * @param askPrice the best ask price, strictly above {@code bidPrice}
 * @param askQuantity the quantity at the best ask, in base units, positive
 * @param updateId the venue's order-book update id this quote reflects (Binance {@code u}), zero or
 *     positive
 * @param eventTime when the venue published it, UTC epoch milliseconds (Binance {@code E})
 */
public record Quote(
    Symbol symbol,
    Price bidPrice,
    Quantity bidQuantity,
    Price askPrice,
    Quantity askQuantity,
    long updateId,
    long eventTime)
    implements MarketEvent {

  // A crossed quote cannot be a venue's top of book; it signals a parsing or sequencing bug.
  public Quote {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(bidPrice, "bidPrice must not be null");
    Objects.requireNonNull(bidQuantity, "bidQuantity must not be null");
    Objects.requireNonNull(askPrice, "askPrice must not be null");
    Objects.requireNonNull(askQuantity, "askQuantity must not be null");
    if (bidQuantity.isZero()) {
      throw new IllegalArgumentException("bidQuantity must be > 0 but was " + bidQuantity);
    }
    if (askQuantity.isZero()) {
      throw new IllegalArgumentException("askQuantity must be > 0 but was " + askQuantity);
    }
    if (bidPrice.compareTo(askPrice) >= 0) {
      throw new IllegalArgumentException(
          "bidPrice must be < askPrice " + askPrice + " but was " + bidPrice + " (crossed quote)");
    }
    if (updateId < 0) {
      throw new IllegalArgumentException("updateId must be >= 0 but was " + updateId);
    }
    if (eventTime < 0) {
      throw new IllegalArgumentException("eventTime must be >= 0 (epoch ms) but was " + eventTime);
    }
  }

  /**
   * The mid price {@code (bid + ask) / 2}, as an analytic double.
   *
   * @return the mid price in quote units per base unit
   */
  public double mid() {
    return (bidPrice.toDouble() + askPrice.toDouble()) / 2.0;
  }

  /**
   * The quoted spread {@code ask - bid}, exactly.
   *
   * @return the spread in quote units per base unit, positive
   */
  public Decimal spread() {
    return askPrice.minus(bidPrice);
  }
}

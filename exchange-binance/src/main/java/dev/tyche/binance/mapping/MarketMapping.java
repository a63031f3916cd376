package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.AggTrade;
import dev.tyche.binance.dto.DepthLevel;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.dto.FundingRateEntry;
import dev.tyche.binance.dto.Kline;
import dev.tyche.binance.dto.PremiumIndex;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Side;
import dev.tyche.core.time.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Binance market-data DTOs to core market events. Binance's timestamps are already UTC epoch
 * milliseconds; each is read once here and carried unchanged. Prices and quantities keep the scale
 * Binance writes them with (exact; {@code "65000.10"} has scale 2).
 *
 * <p>Immutable and thread-safe.
 */
public final class MarketMapping {

  private MarketMapping() {}

  /**
   * A kline to a bar. For fixed-length intervals the kline's close time must be {@code openTime +
   * interval - 1} (Binance's convention); for {@code 1M} the bar's length is taken from the kline.
   *
   * @param k the kline
   * @param symbol the symbol it belongs to
   * @param interval the requested interval
   * @return the bar
   * @throws IllegalArgumentException naming the field on a malformed kline
   */
  public static Bar toBar(Kline k, Symbol symbol, BarInterval interval) {
    long length = k.closeTime() - k.openTime() + 1;
    if (interval.isFixedLength() && length != interval.durationMillis()) {
      throw new IllegalArgumentException(
          "field 'closeTime' must be openTime + "
              + interval.durationMillis()
              + " - 1 for "
              + interval.code()
              + " but was "
              + k.closeTime()
              + " with openTime "
              + k.openTime());
    }
    Price open = Fields.price(k.open(), "open");
    Price high = Fields.price(k.high(), "high");
    Price low = Fields.price(k.low(), "low");
    Price close = Fields.price(k.close(), "close");
    try {
      return new Bar(
          symbol,
          length,
          k.openTime(),
          open,
          high,
          low,
          close,
          Fields.quantity(k.volume(), "volume"));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("field '")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "kline at openTime " + k.openTime() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Klines to bars, in order.
   *
   * @param klines the klines
   * @param symbol the symbol
   * @param interval the interval
   * @return the bars
   */
  public static List<Bar> toBars(List<Kline> klines, Symbol symbol, BarInterval interval) {
    List<Bar> out = new ArrayList<>(klines.size());
    for (Kline k : klines) {
      out.add(toBar(k, symbol, interval));
    }
    return List.copyOf(out);
  }

  /**
   * A funding-history row to a funding rate. A missing, empty or zero mark price is absent.
   *
   * @param f the row
   * @return the funding rate
   */
  public static FundingRate toFundingRate(FundingRateEntry f) {
    Optional<Price> mark =
        f.markPrice().isEmpty() || Fields.decimal(f.markPrice(), "markPrice").signum() == 0
            ? Optional.empty()
            : Optional.of(Fields.price(f.markPrice(), "markPrice"));
    return new FundingRate(
        Fields.symbol(f.symbol(), "symbol"),
        f.fundingTime(),
        Fields.decimal(f.fundingRate(), "fundingRate"),
        mark);
  }

  /**
   * A premium index to a mark price event (event time = its {@code time}).
   *
   * @param p the premium index
   * @return the mark price
   */
  public static MarkPrice toMarkPrice(PremiumIndex p) {
    Optional<Price> index =
        Fields.decimal(p.indexPrice(), "indexPrice").signum() == 0
            ? Optional.empty()
            : Optional.of(Fields.price(p.indexPrice(), "indexPrice"));
    return new MarkPrice(
        Fields.symbol(p.symbol(), "symbol"),
        p.time(),
        Fields.price(p.markPrice(), "markPrice"),
        index,
        Optional.of(Fields.decimal(p.lastFundingRate(), "lastFundingRate")),
        p.nextFundingTime() == 0 ? OptionalLong.empty() : OptionalLong.of(p.nextFundingTime()));
  }

  /**
   * An aggregate trade to a trade. The aggressor is the taker: a buyer-maker trade was a sell.
   *
   * @param t the aggregate trade
   * @param symbol its symbol
   * @return the trade (event time = trade time)
   */
  public static Trade toTrade(AggTrade t, Symbol symbol) {
    Side aggressor = t.buyerMaker() ? Side.SELL : Side.BUY;
    return new Trade(
        symbol,
        TradeId.of(Long.toString(t.aggregateId())),
        Fields.price(t.price(), "p"),
        Fields.quantity(t.quantity(), "q"),
        aggressor,
        t.time(),
        t.time());
  }

  /**
   * A depth snapshot to a book snapshot (event time = the snapshot's {@code E}).
   *
   * @param d the snapshot
   * @param symbol its symbol
   * @return the book snapshot
   */
  public static BookSnapshot toBookSnapshot(DepthSnapshot d, Symbol symbol) {
    return new BookSnapshot(
        symbol,
        d.lastUpdateId(),
        d.eventTime(),
        levels(d.bids(), "bids"),
        levels(d.asks(), "asks"));
  }

  private static List<BookLevel> levels(List<DepthLevel> in, String field) {
    List<BookLevel> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      DepthLevel l = in.get(i);
      out.add(
          new BookLevel(
              Fields.price(l.price(), field + "[" + i + "].price"),
              Fields.quantity(l.quantity(), field + "[" + i + "].quantity")));
    }
    return out;
  }
}

package dev.tyche.binance.ws;

import dev.tyche.binance.mapping.MarketMapping;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fetches trades a stream missed, by id range, in id order.
 *
 * <p>Implementations state their own thread safety; {@link #NONE} is thread-safe.
 */
@FunctionalInterface
public interface TradeBackfill {

  /** No backfill: missed trades are counted as lost. */
  TradeBackfill NONE = (symbol, from, to) -> List.of();

  /**
   * The trades with ids {@code from..to} (inclusive), in id order; may return fewer.
   *
   * @param symbol the symbol
   * @param fromId the first missing id
   * @param toId the last missing id
   * @return the trades found
   */
  List<Trade> fetch(Symbol symbol, long fromId, long toId);

  /**
   * Backfill of {@code @aggTrade} streams from {@code GET /fapi/v1/aggTrades?fromId=} (weight 20
   * per page of up to 1000).
   *
   * @param rest the REST client
   * @return the backfill
   */
  static TradeBackfill aggTrades(BinanceRestClient rest) {
    Objects.requireNonNull(rest, "rest must not be null");
    return (symbol, from, to) -> {
      List<Trade> out = new ArrayList<>();
      long cursor = from;
      for (int page = 0; page < 100 && cursor <= to; page++) {
        int limit = (int) Math.min(1000, to - cursor + 1);
        var rows = rest.aggTrades(symbol.value(), cursor, null, null, limit);
        if (rows.isEmpty()) {
          break;
        }
        for (var r : rows) {
          if (r.aggregateId() >= cursor && r.aggregateId() <= to) {
            out.add(MarketMapping.toTrade(r, symbol));
            cursor = r.aggregateId() + 1;
          }
        }
      }
      return out;
    };
  }

  /**
   * The numeric id of a trade decoded by this adapter.
   *
   * @param trade the trade
   * @return its id as a number
   * @throws IllegalArgumentException if the id is not numeric
   */
  static long idOf(Trade trade) {
    try {
      return Long.parseLong(trade.tradeId().value());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "trade id must be numeric but was '" + trade.tradeId().value() + "'", e);
    }
  }
}

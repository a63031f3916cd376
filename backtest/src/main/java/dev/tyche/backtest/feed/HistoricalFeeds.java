package dev.tyche.backtest.feed;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link HistoricalFeed}s from decoded historical data, checking what each kind of data
 * promises. Every feed orders its events by the time they became known ({@link
 * MarketEvent#eventTime()}), so a strategy driven by it sees nothing before its clock reaches it:
 *
 * <ul>
 *   <li>bars of any interval at their <em>close</em> time ({@code openTime + interval - 1}), never
 *       their open time (see {@link Bar});
 *   <li>trades, quotes and depth snapshots/updates at their exchange event time;
 *   <li>funding rates at their funding (settlement) time, optionally carrying the mark price of
 *       that moment;
 *   <li>mark prices at their event time; a mark-price kline series becomes one {@link MarkPrice}
 *       per kline at its close time, with its close.
 * </ul>
 *
 * <p>Files are read with core's readers ({@code KlineCsvReader.readBars}, {@code
 * FundingRateCsvReader.read}); raw exchange captures are decoded by the caller (the backtest module
 * carries no JSON parser: Jackson stays inside {@code exchange-binance}).
 *
 * <p>Immutable and thread-safe (a static utility; the feeds it returns are not).
 */
public final class HistoricalFeeds {

  private HistoricalFeeds() {}

  /**
   * A feed of one instrument's bars of one interval.
   *
   * @param name a name for messages
   * @param bars the bars, all of one symbol and interval, with strictly increasing open times
   * @return the feed, events at each bar's close time
   * @throws IllegalArgumentException if symbols or intervals differ, or open times are not strictly
   *     increasing (unsorted or duplicated bars)
   */
  public static EventFeed bars(String name, List<Bar> bars) {
    Objects.requireNonNull(bars, "bars must not be null");
    for (int i = 1; i < bars.size(); i++) {
      Bar prev = bars.get(i - 1);
      Bar b = bars.get(i);
      if (prev == null || b == null) {
        // Messages are built only on failure: one string per bar would dominate a long feed.
        throw new NullPointerException("bars[" + (prev == null ? i - 1 : i) + "] must not be null");
      }
      if (!b.symbol().equals(prev.symbol())) {
        throw new IllegalArgumentException(
            "bars must all be of one symbol but bars["
                + i
                + "] is "
                + b.symbol()
                + ", not "
                + prev.symbol());
      }
      if (b.intervalMillis() != prev.intervalMillis()) {
        throw new IllegalArgumentException(
            "bars must all have one interval but bars["
                + i
                + "] has "
                + b.intervalMillis()
                + " ms, not "
                + prev.intervalMillis());
      }
      if (b.openTime() <= prev.openTime()) {
        throw new IllegalArgumentException(
            "bars must have strictly increasing open times but bars["
                + i
                + "] opens at "
                + b.openTime()
                + " <= "
                + prev.openTime());
      }
    }
    return new EventFeed(name, bars);
  }

  /**
   * A feed of one instrument's trades.
   *
   * @param name a name for messages
   * @param trades the trades, in non-decreasing event time
   * @return the feed
   */
  public static EventFeed trades(String name, List<Trade> trades) {
    return new EventFeed(name, trades);
  }

  /**
   * A feed of order-book data and best quotes (a depth capture): {@link BookSnapshot}, {@link
   * BookDelta} and {@link Quote} events, already decoded and in the order they were received.
   *
   * @param name a name for messages
   * @param events the events, in non-decreasing event time
   * @return the feed
   * @throws IllegalArgumentException if an event is not a book snapshot, delta, quote or trade
   */
  public static EventFeed depth(String name, List<? extends MarketEvent> events) {
    Objects.requireNonNull(events, "events must not be null");
    for (int i = 0; i < events.size(); i++) {
      MarketEvent e = events.get(i);
      if (!(e instanceof BookSnapshot
          || e instanceof BookDelta
          || e instanceof Quote
          || e instanceof Trade)) {
        throw new IllegalArgumentException(
            "a depth capture holds book snapshots, deltas, quotes and trades but events["
                + i
                + "] is "
                + (e == null ? "null" : e.getClass().getSimpleName()));
      }
    }
    return new EventFeed(name, events);
  }

  /**
   * A feed of one instrument's funding settlements, each at its funding time. The rates are those
   * of the data: the backtest never assumes a constant rate.
   *
   * @param name a name for messages
   * @param rates the settlements, one symbol, strictly increasing funding times
   * @return the feed
   * @throws IllegalArgumentException if symbols differ or times are not strictly increasing
   */
  public static EventFeed fundingRates(String name, List<FundingRate> rates) {
    checkFunding(rates);
    return new EventFeed(name, rates);
  }

  /**
   * A feed of funding settlements that carry the mark price at their funding time, taken from a
   * mark-price kline series: the <em>open</em> of the kline whose interval contains the funding
   * time (the first mark of that interval, known at its open time, which is not after the funding
   * time, so no look-ahead). A settlement no kline covers keeps its own mark price, or none (the
   * engine then uses its latest mark).
   *
   * @param name a name for messages
   * @param rates the settlements, one symbol, strictly increasing funding times
   * @param markKlines mark-price klines of the same symbol with strictly increasing open times
   * @return the feed
   * @throws IllegalArgumentException if the inputs are unsorted or of another symbol
   */
  public static EventFeed fundingRates(String name, List<FundingRate> rates, List<Bar> markKlines) {
    checkFunding(rates);
    bars(name + "/marks", markKlines); // validates order, symbol and interval
    if (!rates.isEmpty() && !markKlines.isEmpty()) {
      Symbol s = rates.get(0).symbol();
      if (!markKlines.get(0).symbol().equals(s)) {
        throw new IllegalArgumentException(
            "markKlines must be of " + s + " but are of " + markKlines.get(0).symbol());
      }
    }
    List<FundingRate> out = new ArrayList<>(rates.size());
    int k = 0;
    for (FundingRate r : rates) {
      long t = r.fundingTime();
      while (k < markKlines.size() && markKlines.get(k).closeTime() < t) {
        k++;
      }
      Optional<Price> mark = r.markPrice();
      if (k < markKlines.size() && markKlines.get(k).openTime() <= t) {
        mark = Optional.of(markKlines.get(k).open());
      }
      out.add(new FundingRate(r.symbol(), t, r.rate(), mark));
    }
    return new EventFeed(name, out);
  }

  /**
   * A feed of mark prices.
   *
   * @param name a name for messages
   * @param marks the mark prices, in non-decreasing event time
   * @return the feed
   */
  public static EventFeed markPrices(String name, List<MarkPrice> marks) {
    return new EventFeed(name, marks);
  }

  /**
   * A feed of mark prices from a mark-price kline series: one {@link MarkPrice} per kline at its
   * close time, carrying its close (the mark known at that moment).
   *
   * @param name a name for messages
   * @param markKlines mark-price klines of one symbol, strictly increasing open times
   * @return the feed
   */
  public static EventFeed markPriceKlines(String name, List<Bar> markKlines) {
    bars(name, markKlines);
    List<MarkPrice> out = new ArrayList<>(markKlines.size());
    for (Bar b : markKlines) {
      out.add(MarkPrice.of(b.symbol(), b.closeTime(), b.close()));
    }
    return new EventFeed(name, out);
  }

  /**
   * Keeps the events of a list whose event time lies in {@code [fromInclusive, toExclusive)}.
   *
   * @param <E> the event type
   * @param events the events
   * @param fromInclusive the first time kept, UTC epoch ms
   * @param toExclusive the first time no longer kept, UTC epoch ms
   * @return a new list, in the same order
   * @throws IllegalArgumentException if {@code toExclusive < fromInclusive}
   */
  public static <E extends MarketEvent> List<E> window(
      List<E> events, long fromInclusive, long toExclusive) {
    Objects.requireNonNull(events, "events must not be null");
    if (toExclusive < fromInclusive) {
      throw new IllegalArgumentException(
          "toExclusive must be >= fromInclusive " + fromInclusive + " but was " + toExclusive);
    }
    List<E> out = new ArrayList<>();
    for (E e : events) {
      long t = e.eventTime();
      if (t >= fromInclusive && t < toExclusive) {
        out.add(e);
      }
    }
    return out;
  }

  private static void checkFunding(List<FundingRate> rates) {
    Objects.requireNonNull(rates, "rates must not be null");
    for (int i = 1; i < rates.size(); i++) {
      FundingRate prev = Objects.requireNonNull(rates.get(i - 1), "rates[" + (i - 1) + "]");
      FundingRate r = Objects.requireNonNull(rates.get(i), "rates[" + i + "]");
      if (!r.symbol().equals(prev.symbol())) {
        throw new IllegalArgumentException(
            "rates must all be of one symbol but rates["
                + i
                + "] is "
                + r.symbol()
                + ", not "
                + prev.symbol());
      }
      if (r.fundingTime() <= prev.fundingTime()) {
        throw new IllegalArgumentException(
            "rates must have strictly increasing funding times but rates["
                + i
                + "] is at "
                + r.fundingTime()
                + " <= "
                + prev.fundingTime());
      }
    }
  }
}

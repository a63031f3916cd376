package dev.tyche.execution.sim;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test fixtures: a BTCUSDT-like instrument, a started venue with an event recorder, builders. */
final class Sim {
  static final Symbol BTC = Symbol.of("BTCUSDT");
  static final Instrument INSTRUMENT =
      Instrument.builder(BTC)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .quantityBounds("0.001", "1000")
          .minNotional("5")
          .build();
  static final long T0 = 1_723_161_256_000L;

  final SimulatedClock clock = SimulatedClock.startingAt(T0);
  final List<OrderEvent> events = new ArrayList<>();
  final List<VenueAccountEvent> accountEvents = new ArrayList<>();
  final SimulatedVenue venue;
  private long tradeId = 1;

  Sim(SimulatedVenueConfig config) {
    venue = new SimulatedVenue(config, clock, List.of(INSTRUMENT));
    venue.start(events::add);
    venue.setAccountListener(accountEvents::add);
  }

  static Sim book() {
    return new Sim(SimulatedVenueConfig.of(FillModel.book()));
  }

  static ClientOrderId id(String s) {
    return ClientOrderId.of(s);
  }

  static Price px(String s) {
    return Price.parse(s);
  }

  static Quantity qty(String s) {
    return Quantity.parse(s);
  }

  static SubmitOrder market(String id, Side side, String q) {
    return SubmitOrder.market(id(id), BTC, side, qty(q));
  }

  static SubmitOrder limit(String id, Side side, String q, String price, TimeInForce tif) {
    return SubmitOrder.limit(id(id), BTC, side, qty(q), px(price), tif);
  }

  static SubmitOrder stop(
      String id, OrderType type, Side side, String q, String trigger, String limit) {
    return new SubmitOrder(
        id(id),
        BTC,
        side,
        type,
        qty(q),
        limit == null ? Optional.empty() : Optional.of(px(limit)),
        Optional.of(px(trigger)),
        type.hasLimitPrice() ? TimeInForce.GTC : TimeInForce.IOC,
        false);
  }

  /** Levels from "price:qty" pairs. */
  static List<BookLevel> levels(String... pairs) {
    List<BookLevel> out = new ArrayList<>();
    for (String p : pairs) {
      String[] a = p.split(":");
      out.add(BookLevel.parse(a[0], a[1]));
    }
    return out;
  }

  void snapshot(long time, List<BookLevel> bids, List<BookLevel> asks) {
    clock.advanceTo(time);
    venue.onMarketEvent(new BookSnapshot(BTC, 100, time, bids, asks));
  }

  private long updateId = 200;

  void delta(long time, List<BookLevel> bids, List<BookLevel> asks) {
    clock.advanceTo(time);
    long u = updateId;
    updateId += 10;
    venue.onMarketEvent(new BookDelta(BTC, u + 1, u + 5, u, time, bids, asks));
  }

  void trade(long time, String price, String q, Side aggressor) {
    clock.advanceTo(time);
    venue.onMarketEvent(
        new Trade(BTC, TradeId.of("x" + tradeId++), px(price), qty(q), aggressor, time, time));
  }

  void quote(long time, String bid, String bidQty, String ask, String askQty) {
    clock.advanceTo(time);
    venue.onMarketEvent(new Quote(BTC, px(bid), qty(bidQty), px(ask), qty(askQty), 1, time));
  }

  /** A 1-minute bar opening at {@code open}; the clock moves to its close. */
  void bar(long openTime, String o, String h, String l, String c, String v) {
    Bar bar = new Bar(BTC, 60_000, openTime, px(o), px(h), px(l), px(c), qty(v));
    clock.advanceTo(bar.eventTime());
    venue.onMarketEvent(bar);
  }

  void submit(SubmitOrder order) {
    venue.submit(order);
  }

  List<OrderFillEvent> fills() {
    List<OrderFillEvent> out = new ArrayList<>();
    for (OrderEvent e : events) {
      if (e instanceof OrderFillEvent) {
        out.add((OrderFillEvent) e);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  <T extends OrderEvent> List<T> eventsOf(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (OrderEvent e : events) {
      if (type.isInstance(e)) {
        out.add((T) e);
      }
    }
    return out;
  }

  OrderEvent last() {
    return events.get(events.size() - 1);
  }
}

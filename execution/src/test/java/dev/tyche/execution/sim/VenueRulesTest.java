package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.BTC;
import static dev.tyche.execution.sim.Sim.T0;
import static dev.tyche.execution.sim.Sim.id;
import static dev.tyche.execution.sim.Sim.levels;
import static dev.tyche.execution.sim.Sim.limit;
import static dev.tyche.execution.sim.Sim.market;
import static dev.tyche.execution.sim.Sim.px;
import static dev.tyche.execution.sim.Sim.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Filters, Binance error codes, order semantics and latency. */
class VenueRulesTest {

  private static Sim bookSim(SimulatedVenueConfig config) {
    Sim sim = new Sim(config);
    sim.snapshot(T0, levels("100.0:1.000", "99.9:2.000"), levels("100.1:0.500", "100.2:1.000"));
    return sim;
  }

  private static int code(Sim sim) {
    return ((OrderRejected) sim.last()).venueCode();
  }

  @Test
  void filtersRejectWithBinanceCodes() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    sim.submit(limit("a", Side.BUY, "0.0015", "100.0", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.QUANTITY_NOT_ON_STEP);
    sim.submit(limit("b", Side.BUY, "2000", "100.0", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.QUANTITY_ABOVE_MAX);
    sim.submit(limit("c", Side.BUY, "0.100", "100.05", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.PRICE_NOT_ON_TICK);
    // 0.010 * 100.0 = 1.0 < minNotional 5
    sim.submit(limit("d", Side.BUY, "0.010", "100.0", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.NOTIONAL_BELOW_MIN);
    sim.submit(market("e", Side.BUY, "0.010"));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.NOTIONAL_BELOW_MIN);
    sim.submit(SubmitOrder.market(id("f"), Symbol.of("ETHUSDT"), Side.BUY, qty("1")));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.INVALID_SYMBOL);
    sim.submit(
        new SubmitOrder(
            id("g"),
            BTC,
            Side.SELL,
            OrderType.TRAILING_STOP_MARKET,
            qty("1"),
            Optional.empty(),
            Optional.empty(),
            TimeInForce.IOC,
            false));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.INVALID_ORDER_TYPE);
    assertThat(sim.eventsOf(OrderAccepted.class)).isEmpty();
  }

  @Test
  void quantityBelowMinimumIsRejected() {
    Sim sim = Sim.book();
    dev.tyche.core.instrument.Instrument big =
        dev.tyche.core.instrument.Instrument.builder(BTC)
            .assets(dev.tyche.core.id.Asset.of("BTC"), dev.tyche.core.id.Asset.USDT)
            .tickSize("0.10")
            .stepSize("0.001")
            .quantityBounds("0.010", "10")
            .build();
    SimulatedVenue venue =
        new SimulatedVenue(SimulatedVenueConfig.of(FillModel.book()), sim.clock, List.of(big));
    venue.start(sim.events::add);
    venue.submit(limit("a", Side.BUY, "0.005", "100.0", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.QUANTITY_BELOW_MIN);
  }

  @Test
  void percentPriceBandAgainstTheMark() {
    Sim sim =
        bookSim(
            SimulatedVenueConfig.of(FillModel.book())
                .withPercentPrice(PercentPriceBand.of("1.05", "0.95")));
    sim.venue.onMarketEvent(MarkPrice.of(BTC, T0, px("100.0")));
    sim.submit(limit("a", Side.BUY, "0.100", "105.1", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.PRICE_ABOVE_BAND);
    sim.submit(limit("b", Side.SELL, "0.100", "94.9", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.PRICE_BELOW_BAND);
    sim.submit(limit("c", Side.BUY, "0.100", "95.0", TimeInForce.GTC));
    assertThat(sim.last()).isInstanceOf(OrderAccepted.class);
    // the mark moves away: the book's best ask 100.1 is above 90 * 1.05 = 94.5
    sim.venue.onMarketEvent(MarkPrice.of(BTC, T0, px("90.0")));
    sim.submit(market("d", Side.BUY, "0.100"));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.MARKET_PRICE_OUTSIDE_BAND);
  }

  @Test
  void duplicateClientOrderIdAmongOpenOrdersIsRejectedButMayBeReusedLater() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    sim.submit(limit("x", Side.BUY, "0.100", "99.0", TimeInForce.GTC));
    sim.submit(limit("x", Side.BUY, "0.100", "99.0", TimeInForce.GTC));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.DUPLICATE_CLIENT_ORDER_ID);
    assertThat(sim.venue.isOpen(id("x"))).isTrue();
    // the status of the open order is still its own
    sim.venue.requestStatus(id("x"), BTC);
    assertThat(sim.last()).isInstanceOf(OrderAccepted.class);
    sim.venue.cancel(new CancelOrder(id("x"), BTC));
    sim.submit(limit("x", Side.BUY, "0.100", "99.0", TimeInForce.GTC));
    assertThat(sim.last()).isInstanceOf(OrderAccepted.class);
  }

  @Test
  void cancelOfAnUnknownOrderOrOfAnEndedOrderProducesNoEvent() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    int start = sim.events.size();
    sim.venue.cancel(new CancelOrder(id("nope"), BTC));
    assertThat(sim.events).hasSize(start);

    sim.submit(market("m", Side.BUY, "0.100"));
    int before = sim.events.size();
    sim.venue.cancel(new CancelOrder(id("m"), BTC));
    assertThat(sim.events).hasSize(before);

    sim.venue.requestStatus(id("m"), BTC);
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
    sim.venue.requestStatus(id("nope2"), BTC);
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.NO_SUCH_ORDER);
  }

  @Test
  void reduceOnlyIsRejectedWhenItWouldIncreaseAndTrimmedToThePosition() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    sim.submit(market("r0", Side.SELL, "0.100").withReduceOnly());
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.REDUCE_ONLY_REJECTED);

    sim.submit(market("open", Side.BUY, "0.300"));
    sim.submit(market("r1", Side.BUY, "0.100").withReduceOnly());
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.REDUCE_ONLY_REJECTED);

    // a reduce-only sell of 0.5 against a long of 0.3 fills 0.3 and expires the rest
    sim.submit(market("r2", Side.SELL, "0.500").withReduceOnly());
    assertThat(sim.fills().get(sim.fills().size() - 1).execution().lastQuantity())
        .isEqualTo(qty("0.300"));
    assertThat(sim.last()).isInstanceOf(OrderExpired.class);
    assertThat(sim.venue.position(BTC).orElseThrow().isFlat()).isTrue();
    // reduce-only is exempt from MIN_NOTIONAL
    sim.submit(market("open2", Side.BUY, "0.100"));
    sim.submit(market("r3", Side.SELL, "0.010").withReduceOnly());
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
  }

  @Test
  void ordersBecomeActiveOnlyAfterTheirLatencyAndCancelsCanArriveAfterAFill() {
    Sim sim =
        bookSim(SimulatedVenueConfig.of(FillModel.book()).withOrderLatency(LatencyModel.fixed(5)));
    sim.submit(limit("b", Side.BUY, "0.100", "100.0", TimeInForce.GTC));
    assertThat(sim.events).isEmpty();
    assertThat(sim.venue.commandsInFlight()).isEqualTo(1);
    // a trade before the arrival cannot touch the order
    sim.trade(T0 + 3, "99.0", "1.000", Side.SELL);
    assertThat(sim.events).isEmpty();
    sim.clock.advanceTo(T0 + 5);
    sim.venue.advance();
    assertThat(sim.last()).isInstanceOf(OrderAccepted.class);
    assertThat(sim.last().eventTime()).isEqualTo(T0 + 5);

    sim.venue.cancel(new CancelOrder(id("b"), BTC)); // arrives at T0 + 10
    sim.trade(T0 + 8, "99.0", "1.000", Side.SELL); // fills first
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
    sim.clock.advanceTo(T0 + 10);
    sim.venue.advance();
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
    assertThat(sim.eventsOf(OrderCancelled.class)).isEmpty();
  }

  @Test
  void aCommandSeesEventsBeforeItsArrivalButNotAfter() {
    Sim sim =
        bookSim(SimulatedVenueConfig.of(FillModel.book()).withOrderLatency(LatencyModel.fixed(5)));
    sim.submit(market("m", Side.BUY, "0.100"));
    // the ask moves at T0 + 4 (before arrival) and at T0 + 6 (after)
    sim.delta(T0 + 4, List.of(), levels("100.1:0", "100.3:1.000"));
    sim.delta(T0 + 6, List.of(), levels("100.2:0", "100.3:0", "100.4:1.000"));
    assertThat(sim.fills().get(0).execution().lastPrice()).isEqualTo(px("100.20"));
    assertThat(sim.fills().get(0).eventTime()).isEqualTo(T0 + 5);
  }

  @Test
  void jitteredLatencyNeverReordersCommands() {
    Sim sim =
        bookSim(
            SimulatedVenueConfig.of(FillModel.book())
                .withOrderLatency(new LatencyModel(1, 50))
                .withSeed(7));
    for (int i = 0; i < 20; i++) {
      sim.submit(limit("o" + i, Side.BUY, "0.100", "99.0", TimeInForce.GTC));
    }
    sim.clock.advanceTo(T0 + 100);
    sim.venue.advance();
    List<OrderAccepted> acks = sim.eventsOf(OrderAccepted.class);
    assertThat(acks).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(acks.get(i).clientOrderId()).isEqualTo(id("o" + i));
      if (i > 0) {
        assertThat(acks.get(i).eventTime()).isGreaterThanOrEqualTo(acks.get(i - 1).eventTime());
      }
      assertThat(acks.get(i).eventTime()).isBetween(T0 + 1, T0 + 51);
    }
  }

  @Test
  void stopMarketOnTradesTriggersOnTheLastPriceAndWalksTheBook() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    sim.submit(Sim.stop("s", OrderType.STOP_MARKET, Side.BUY, "0.200", "100.2", null));
    sim.trade(T0 + 1, "100.1", "0.010", Side.BUY);
    assertThat(sim.fills()).isEmpty();
    sim.trade(T0 + 2, "100.2", "0.010", Side.BUY);
    assertThat(sim.fills().get(0).execution().lastPrice()).isEqualTo(px("100.10"));
    sim.submit(Sim.stop("t", OrderType.STOP_LIMIT, Side.SELL, "0.200", "100.3", "100.0"));
    assertThat(code(sim)).isEqualTo(VenueErrorCodes.WOULD_IMMEDIATELY_TRIGGER);
  }

  @Test
  void listenerCallbacksIntoTheVenueAreQueuedNotReentrant() {
    Sim sim = bookSim(SimulatedVenueConfig.of(FillModel.book()));
    List<dev.tyche.core.order.OrderEvent> seen = new java.util.ArrayList<>();
    SimulatedVenue venue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.book()), sim.clock, List.of(Sim.INSTRUMENT));
    venue.start(
        e -> {
          seen.add(e);
          if (e instanceof OrderFilled && e.clientOrderId().equals(id("first"))) {
            venue.submit(market("second", Side.SELL, "0.100"));
          }
        });
    venue.onMarketEvent(
        new dev.tyche.core.market.BookSnapshot(
            BTC, 1, T0, levels("100.0:1.000"), levels("100.1:1.000")));
    venue.submit(market("first", Side.BUY, "0.100"));
    assertThat(seen)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.clientOrderId().value())
        .containsExactly(
            "OrderAccepted first",
            "OrderFilled first",
            "OrderAccepted second",
            "OrderFilled second");
  }

  @Test
  void lifecycleMisuseFailsClearly() {
    SimulatedVenue venue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.book()),
            dev.tyche.core.time.SimulatedClock.startingAt(T0),
            List.of(Sim.INSTRUMENT));
    assertThatThrownBy(() -> venue.submit(market("a", Side.BUY, "1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start");
    venue.start(e -> {});
    assertThatThrownBy(() -> venue.onMarketEvent(MarkPrice.of(Symbol.of("X"), T0, px("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not listed");
    venue.close();
    assertThatThrownBy(() -> venue.submit(market("a", Side.BUY, "1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () ->
                new SimulatedVenue(
                    SimulatedVenueConfig.of(FillModel.book()),
                    dev.tyche.core.time.SimulatedClock.startingAt(T0),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SimulatedVenue(
                    SimulatedVenueConfig.of(FillModel.book()),
                    dev.tyche.core.time.SimulatedClock.startingAt(T0),
                    List.of(Sim.INSTRUMENT, Sim.INSTRUMENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats");
  }
}

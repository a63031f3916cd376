package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.id;
import static dev.tyche.execution.sim.Sim.limit;
import static dev.tyche.execution.sim.Sim.market;
import static dev.tyche.execution.sim.Sim.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

/** Bar matching: pessimistic limit fills, next-open market fills, stops with gaps. */
class BarsMatchingTest {
  private static final long B1 = 1_723_161_300_000L; // a minute boundary after Sim.T0
  private static final long B2 = B1 + 60_000;
  private static final long B3 = B2 + 60_000;

  private static Sim bars(FillModel.BarFillPrice price, SlippageModel slippage) {
    return new Sim(SimulatedVenueConfig.of(new FillModel.Bars(price, slippage)));
  }

  private static Sim bars() {
    return bars(FillModel.BarFillPrice.NEXT_OPEN, SlippageModel.NONE);
  }

  private static String fill(OrderFillEvent e) {
    return e.clientOrderId().value()
        + " "
        + e.execution().lastQuantity()
        + "@"
        + e.execution().lastPrice()
        + " "
        + e.execution().liquidity()
        + " t="
        + (e.eventTime() - B1);
  }

  @Test
  void marketOrderFillsAtTheNextOpenReportedAtThatBarsClose() {
    Sim sim = bars();
    sim.submit(market("m1", Side.BUY, "1.000"));
    assertThat(sim.fills()).isEmpty();
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("m1 1.000@100.00 TAKER t=59999");
  }

  @Test
  void slippageAndSquareRootImpactAreAddedAgainstTheTrader() {
    // 10 bps + 40 bps * sqrt(2.5 / 10) = 30 bps: 100 * 1.003 = 100.3; sell 100 * 0.997 = 99.7
    Sim sim = bars(FillModel.BarFillPrice.NEXT_OPEN, new SlippageModel(10.0, 40.0));
    sim.submit(market("m1", Side.BUY, "2.500"));
    sim.submit(market("m2", Side.SELL, "2.500"));
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("m1 2.500@100.30 TAKER t=59999", "m2 2.500@99.70 TAKER t=59999");
  }

  @Test
  void anOrderArrivingInsideABarWaitsForTheNextBar() {
    Sim sim = bars();
    sim.clock.advanceTo(B1 + 30_000);
    sim.submit(market("m1", Side.BUY, "1.000"));
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills()).isEmpty();
    sim.bar(B2, "100.6", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("m1 1.000@100.60 TAKER t=119999");
  }

  @Test
  void lastCloseFillsAtTheCloseOnlyForAZeroLatencyDecisionOnThatBar() {
    Sim sim = bars(FillModel.BarFillPrice.LAST_CLOSE, SlippageModel.NONE);
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    sim.submit(market("m1", Side.BUY, "1.000"));
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("m1 1.000@100.50 TAKER t=59999");
    sim.clock.advanceTo(B2 + 10);
    sim.submit(market("m2", Side.BUY, "1.000"));
    assertThat(sim.fills()).hasSize(1);
    sim.bar(B2, "100.6", "101.0", "99.0", "100.5", "10");
    sim.bar(B3, "100.7", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills().get(1).execution().lastPrice()).isEqualTo(Sim.px("100.70"));
  }

  @Test
  void restingLimitNeverFillsAtTheTouchOnlyThrough() {
    Sim sim = bars();
    sim.submit(limit("b1", Side.BUY, "1.000", "99.0", TimeInForce.GTC));
    sim.submit(limit("s1", Side.SELL, "1.000", "101.0", TimeInForce.GTC));
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills()).isEmpty();
    sim.bar(B2, "100.0", "101.1", "98.9", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("b1 1.000@99.00 MAKER t=119999", "s1 1.000@101.00 MAKER t=119999");
  }

  @Test
  void limitMarketableAtTheOpenTakesAtTheOpenAndPostOnlyExpires() {
    Sim sim = bars();
    sim.submit(limit("b1", Side.BUY, "1.000", "100.5", TimeInForce.GTC));
    sim.submit(limit("p1", Side.BUY, "1.000", "100.5", TimeInForce.POST_ONLY));
    sim.submit(limit("f1", Side.BUY, "1.000", "99.5", TimeInForce.FOK));
    sim.submit(limit("i1", Side.BUY, "1.000", "99.5", TimeInForce.IOC));
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("b1 1.000@100.00 TAKER t=59999");
    assertThat(sim.eventsOf(OrderExpired.class))
        .extracting(e -> e.clientOrderId().value())
        .containsExactly("p1", "f1");
    assertThat(sim.venue.isOpen(id("i1"))).isFalse();
  }

  @Test
  void stopMarketFillsAtTheTriggerOrAtTheWorseOpenAfterAGap() {
    Sim sim = bars();
    sim.submit(stop("up", OrderType.STOP_MARKET, Side.BUY, "1.000", "100.8", null));
    sim.submit(stop("gap", OrderType.STOP_MARKET, Side.SELL, "1.000", "99.5", null));
    sim.bar(B1, "100.0", "101.0", "99.6", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("up 1.000@100.80 TAKER t=59999");
    sim.bar(B2, "99.0", "99.2", "98.0", "98.5", "10");
    assertThat(sim.fills().get(1).execution().lastPrice()).isEqualTo(Sim.px("99.00"));
  }

  @Test
  void takeProfitFillsAtItsTriggerEvenAfterAFavourableGap() {
    Sim sim = bars();
    sim.bar(B1, "100.0", "100.5", "99.5", "100.0", "10");
    sim.submit(stop("tp", OrderType.TAKE_PROFIT_MARKET, Side.SELL, "1.000", "101.0", null));
    sim.bar(B2, "102.0", "102.5", "101.5", "102.0", "10");
    assertThat(sim.fills().get(0).execution().lastPrice()).isEqualTo(Sim.px("101.00"));
  }

  @Test
  void stopThatWouldTriggerAtOnceIsRejected() {
    Sim sim = bars();
    sim.bar(B1, "100.0", "100.5", "99.5", "100.0", "10");
    sim.submit(stop("s", OrderType.STOP_MARKET, Side.BUY, "1.000", "99.0", null));
    assertThat(((OrderRejected) sim.last()).venueCode())
        .isEqualTo(VenueErrorCodes.WOULD_IMMEDIATELY_TRIGGER);
  }

  @Test
  void triggeredStopLimitWorksFromTheNextBar() {
    Sim sim = bars();
    sim.submit(stop("sl", OrderType.STOP_LIMIT, Side.BUY, "1.000", "100.8", "100.9"));
    sim.bar(B1, "100.0", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills()).isEmpty();
    // next open 100.7 <= limit 100.9: takes at the open
    sim.bar(B2, "100.7", "101.0", "99.0", "100.5", "10");
    assertThat(sim.fills())
        .extracting(BarsMatchingTest::fill)
        .containsExactly("sl 1.000@100.70 TAKER t=119999");
  }
}

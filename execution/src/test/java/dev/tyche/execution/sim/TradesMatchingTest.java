package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.T0;
import static dev.tyche.execution.sim.Sim.id;
import static dev.tyche.execution.sim.Sim.limit;
import static dev.tyche.execution.sim.Sim.market;
import static dev.tyche.execution.sim.Sim.qty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

/** Trade matching: queue from the quote, through-trades, takers at the quote plus slippage. */
class TradesMatchingTest {

  private static Sim trades(SlippageModel slippage) {
    return new Sim(SimulatedVenueConfig.of(new FillModel.Trades(slippage)));
  }

  private static String fill(OrderFillEvent e) {
    return e.clientOrderId().value()
        + " "
        + e.execution().lastQuantity()
        + "@"
        + e.execution().lastPrice()
        + " "
        + e.execution().liquidity();
  }

  @Test
  void restingBuyAtTheBestBidWaitsForTheQuotedQueue() {
    Sim sim = trades(SlippageModel.NONE);
    sim.quote(T0, "100.0", "1.000", "100.1", "0.500");
    sim.submit(limit("b1", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    assertThat(sim.venue.queueAhead(id("b1"))).contains(qty("1.000"));

    sim.trade(T0 + 1, "100.0", "0.600", Side.SELL);
    assertThat(sim.fills()).isEmpty();
    sim.trade(T0 + 2, "100.0", "0.500", Side.SELL);
    sim.trade(T0 + 3, "99.9", "0.050", Side.SELL);

    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("b1 0.100@100.00 MAKER", "b1 0.050@100.00 MAKER");
  }

  @Test
  void restingBuyBehindTheBestFillsOnlyOnTradesThroughIt() {
    Sim sim = trades(SlippageModel.NONE);
    sim.quote(T0, "100.0", "1.000", "100.1", "0.500");
    sim.submit(limit("b1", Side.BUY, "0.300", "99.5", TimeInForce.GTC));
    assertThat(sim.venue.queueAhead(id("b1"))).isEmpty();

    sim.trade(T0 + 1, "99.5", "50.000", Side.SELL);
    assertThat(sim.fills()).isEmpty();
    sim.trade(T0 + 2, "99.4", "1.000", Side.SELL);
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("b1 0.300@99.50 MAKER");
  }

  @Test
  void restingBuyThatImprovesTheBidHasNobodyAhead() {
    Sim sim = trades(SlippageModel.NONE);
    sim.quote(T0, "100.0", "1.000", "100.3", "0.500");
    sim.submit(limit("b1", Side.BUY, "0.300", "100.1", TimeInForce.GTC));
    assertThat(sim.venue.queueAhead(id("b1"))).contains(qty("0.000"));
    sim.trade(T0 + 1, "100.1", "0.200", Side.SELL);
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("b1 0.200@100.10 MAKER");
  }

  @Test
  void withoutAQuoteTheQueueIsUnknownAndOnlyThroughTradesFill() {
    Sim sim = trades(SlippageModel.NONE);
    sim.submit(limit("s1", Side.SELL, "0.300", "100.0", TimeInForce.GTC));
    sim.trade(T0 + 1, "100.0", "9.000", Side.BUY);
    assertThat(sim.fills()).isEmpty();
    sim.trade(T0 + 2, "100.1", "0.100", Side.BUY);
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("s1 0.100@100.00 MAKER");
  }

  @Test
  void marketOrdersTakeAtTheQuotePlusSlippageRoundedAgainstTheTrader() {
    Sim sim = trades(new SlippageModel(10.0, 0.0));
    sim.quote(T0, "100.0", "1.000", "100.1", "0.500");
    // buy: 100.1 * 1.001 = 100.2001 -> up to 100.30; sell: 100.0 * 0.999 = 99.9 exactly
    sim.submit(market("m1", Side.BUY, "2.000"));
    sim.submit(market("m2", Side.SELL, "2.000"));
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("m1 2.000@100.30 TAKER", "m2 2.000@99.90 TAKER");
  }

  @Test
  void marketableLimitIsCappedAtItsLimit() {
    Sim sim = trades(new SlippageModel(10.0, 0.0));
    sim.quote(T0, "100.0", "1.000", "100.1", "0.500");
    sim.submit(limit("l1", Side.BUY, "1.000", "100.2", TimeInForce.GTC));
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("l1 1.000@100.20 TAKER");
  }

  @Test
  void withoutQuoteTheLastTradeIsTheReference() {
    Sim sim = trades(SlippageModel.NONE);
    sim.trade(T0, "100.5", "0.010", Side.BUY);
    sim.submit(market("m1", Side.BUY, "0.100"));
    assertThat(sim.fills())
        .extracting(TradesMatchingTest::fill)
        .containsExactly("m1 0.100@100.50 TAKER");
  }

  @Test
  void marketOrderWithNoPriceAtAllIsCancelledUnfilled() {
    Sim sim = trades(SlippageModel.NONE);
    sim.submit(market("m1", Side.BUY, "0.100"));
    assertThat(sim.last()).isInstanceOf(OrderCancelled.class);
    assertThat(sim.fills()).isEmpty();
  }

  @Test
  void iocAndFokThatDoNotCrossEndImmediately() {
    Sim sim = trades(SlippageModel.NONE);
    sim.quote(T0, "100.0", "1.000", "100.1", "0.500");
    sim.submit(limit("i1", Side.BUY, "0.100", "100.0", TimeInForce.IOC));
    assertThat(sim.last()).isInstanceOf(OrderCancelled.class);
    sim.submit(limit("f1", Side.BUY, "0.100", "100.0", TimeInForce.FOK));
    assertThat(sim.last()).isInstanceOf(dev.tyche.core.order.OrderExpired.class);
    sim.submit(limit("p1", Side.SELL, "0.100", "100.0", TimeInForce.POST_ONLY));
    assertThat(sim.last()).isInstanceOf(dev.tyche.core.order.OrderExpired.class);
    assertThat(sim.fills()).isEmpty();
    assertThat(sim.venue.openOrderCount()).isZero();
  }
}

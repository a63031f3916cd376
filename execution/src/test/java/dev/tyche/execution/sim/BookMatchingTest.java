package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.T0;
import static dev.tyche.execution.sim.Sim.id;
import static dev.tyche.execution.sim.Sim.levels;
import static dev.tyche.execution.sim.Sim.limit;
import static dev.tyche.execution.sim.Sim.market;
import static dev.tyche.execution.sim.Sim.qty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Book matching: hand-computed walks, queue positions and fills. */
class BookMatchingTest {

  private Sim sim;

  @BeforeEach
  void setUp() {
    sim = Sim.book();
    sim.venue.deposit(Money.parse(Asset.USDT, "1000"));
    sim.snapshot(
        T0,
        levels("100.0:1.000", "99.9:2.000"),
        levels("100.1:0.500", "100.2:1.000", "100.3:2.000"));
  }

  private static String fill(OrderFillEvent e) {
    return e.execution().lastQuantity()
        + "@"
        + e.execution().lastPrice()
        + " "
        + e.execution().liquidity()
        + " fee "
        + e.execution().fee().toPlainString();
  }

  @Test
  void marketBuyWalksTheAskLevelsWithOneExecutionPerLevelAndTakerFees() {
    sim.submit(market("m1", Side.BUY, "1.200"));

    assertThat(sim.events.get(0)).isInstanceOf(OrderAccepted.class);
    List<OrderFillEvent> fills = sim.fills();
    // 0.5 * 100.1 * 0.0005 = 0.025025; 0.7 * 100.2 * 0.0005 = 0.03507
    assertThat(fills)
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.500@100.10 TAKER fee 0.02502500", "0.700@100.20 TAKER fee 0.03507000");
    assertThat(fills.get(0)).isInstanceOf(OrderPartiallyFilled.class);
    assertThat(fills.get(1)).isInstanceOf(OrderFilled.class);
    assertThat(fills.get(1).execution().cumulativeQuantity()).isEqualTo(qty("1.200"));
    // VWAP (50.05 + 70.14) / 1.2 = 100.158333...
    assertThat(sim.venue.position(Sim.BTC).orElseThrow().averageEntryPrice())
        .isCloseTo(100.158333333, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(sim.venue.balance(Asset.USDT).toPlainString()).isEqualTo("999.93990500");
    assertThat(sim.events.get(0).eventTime()).isEqualTo(T0);
  }

  @Test
  void marketOrderLargerThanTheBookFillsWhatIsThereAndCancelsTheRest() {
    sim.submit(market("m1", Side.BUY, "5.000"));

    assertThat(sim.fills())
        .extracting(e -> e.execution().lastQuantity().toPlainString())
        .containsExactly("0.500", "1.000", "2.000");
    OrderCancelled cancelled = (OrderCancelled) sim.last();
    assertThat(cancelled.filledQuantity()).isEqualTo(qty("3.500"));
  }

  @Test
  void marketSellWalksTheBids() {
    sim.submit(market("m1", Side.SELL, "1.500"));

    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("1.000@100.00 TAKER fee 0.05000000", "0.500@99.90 TAKER fee 0.02497500");
  }

  @Test
  void ownTakerOrdersDoNotConsumeTheReplayedBook() {
    sim.submit(market("m1", Side.BUY, "0.500"));
    sim.submit(market("m2", Side.BUY, "0.500"));

    assertThat(sim.fills())
        .extracting(e -> e.execution().lastPrice().toPlainString())
        .containsExactly("100.10", "100.10");
  }

  @Test
  void marketableLimitTakesUpToItsPriceAndRestsTheRest() {
    sim.submit(limit("l1", Side.BUY, "2.000", "100.2", TimeInForce.GTC));

    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.500@100.10 TAKER fee 0.02502500", "1.000@100.20 TAKER fee 0.05010000");
    assertThat(sim.venue.isOpen(id("l1"))).isTrue();
    assertThat(sim.venue.queueAhead(id("l1"))).contains(qty("0.000"));
  }

  @Test
  void iocFillsWhatItCanAndCancelsTheRest() {
    sim.submit(limit("i1", Side.BUY, "1.000", "100.1", TimeInForce.IOC));

    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.500@100.10 TAKER fee 0.02502500");
    assertThat(((OrderCancelled) sim.last()).filledQuantity()).isEqualTo(qty("0.500"));
    assertThat(sim.venue.isOpen(id("i1"))).isFalse();
  }

  @Test
  void fokExpiresWithoutAnyFillWhenTheBookCannotCoverIt() {
    sim.submit(limit("f1", Side.BUY, "4.000", "100.3", TimeInForce.FOK));

    assertThat(sim.fills()).isEmpty();
    OrderExpired expired = (OrderExpired) sim.last();
    assertThat(expired.filledQuantity().isZero()).isTrue();
    assertThat(expired.reason()).contains("-5021");
  }

  @Test
  void fokFillsCompletelyWhenTheBookCoversIt() {
    sim.submit(limit("f1", Side.BUY, "1.500", "100.2", TimeInForce.FOK));

    assertThat(sim.fills())
        .extracting(e -> e.execution().lastQuantity() + "@" + e.execution().lastPrice())
        .containsExactly("0.500@100.10", "1.000@100.20");
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
  }

  @Test
  void postOnlyThatWouldTakeIsExpiredAndOneThatWouldNotRests() {
    sim.submit(limit("p1", Side.BUY, "0.100", "100.1", TimeInForce.POST_ONLY));
    assertThat(sim.last()).isInstanceOf(OrderExpired.class);
    assertThat(((OrderExpired) sim.last()).reason()).contains("-5022");

    sim.submit(limit("p2", Side.BUY, "0.100", "100.0", TimeInForce.POST_ONLY));
    assertThat(sim.last()).isInstanceOf(OrderAccepted.class);
    assertThat(sim.venue.queueAhead(id("p2"))).contains(qty("1.000"));
    assertThat(sim.fills()).isEmpty();
  }

  /** The worked queue example; proportional attribution gives 0.437 ahead after the update. */
  private void queueScenario(Sim s) {
    s.venue.deposit(Money.parse(Asset.USDT, "1000"));
    s.snapshot(T0, levels("100.0:1.000", "99.9:2.000"), levels("100.1:0.500"));
    s.submit(limit("q1", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    assertThat(s.venue.queueAhead(id("q1"))).contains(qty("1.000"));
    // 0.5 joins behind us: the queue ahead stays 1.0
    s.delta(T0 + 10, levels("100.0:1.500"), List.of());
    assertThat(s.venue.queueAhead(id("q1"))).contains(qty("1.000"));
    // a buyer-initiated trade at our price does not touch the bid queue
    s.trade(T0 + 15, "100.0", "0.200", Side.BUY);
    assertThat(s.venue.queueAhead(id("q1"))).contains(qty("1.000"));
    // a sell-initiated trade of 0.4 at our price takes 0.4 from the front
    s.trade(T0 + 20, "100.0", "0.400", Side.SELL);
    assertThat(s.venue.queueAhead(id("q1"))).contains(qty("0.600"));
    // the level shows 0.8: 0.7 less, of which 0.4 was the trade and 0.3 cancellations,
    // out of 1.1 = 0.6 ahead + 0.5 behind
    s.delta(T0 + 30, levels("100.0:0.800"), List.of());
  }

  @Test
  void proportionalQueueModelAttributesCancellationsByQuantityAheadAndBehind() {
    queueScenario(sim = new Sim(SimulatedVenueConfig.of(FillModel.book())));
    // 0.3 * 0.6 / 1.1 = 0.16363 -> 0.163 ahead (floored to the step), queue 0.600 - 0.163 = 0.437
    assertThat(sim.venue.queueAhead(id("q1"))).contains(qty("0.437"));
    assertThat(sim.fills()).isEmpty();

    sim.trade(T0 + 40, "100.0", "0.500", Side.SELL);
    // 0.5 - 0.437 = 0.063 reaches us, as maker at our price: fee 0.063 * 100 * 0.0002 = 0.00126
    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.063@100.00 MAKER fee 0.00126000");
    assertThat(sim.venue.queueAhead(id("q1"))).contains(qty("0.000"));

    sim.trade(T0 + 50, "100.0", "0.500", Side.SELL);
    assertThat(sim.last()).isInstanceOf(OrderFilled.class);
    assertThat(sim.fills().get(1).execution().lastQuantity()).isEqualTo(qty("0.237"));
    assertThat(sim.fills().get(1).execution().liquidity()).isEqualTo(Liquidity.MAKER);
    assertThat(sim.fills().get(1).eventTime()).isEqualTo(T0 + 50);
  }

  @Test
  void fixedShareQueueModelTakesItsShareOfCancellations() {
    for (String[] c : new String[][] {{"0", "0.600"}, {"0.5", "0.450"}, {"1", "0.300"}}) {
      Sim s =
          new Sim(
              SimulatedVenueConfig.of(
                  new FillModel.Book(QueueModel.fixedShare(Double.parseDouble(c[0])))));
      queueScenario(s);
      assertThat(s.venue.queueAhead(id("q1"))).as("share " + c[0]).contains(qty(c[1]));
    }
  }

  @Test
  void queueAheadNeverExceedsTheVisibleLevel() {
    sim.submit(limit("q1", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    sim.delta(T0 + 10, levels("100.0:0"), List.of());
    assertThat(sim.venue.queueAhead(id("q1"))).contains(qty("0.000"));
    // removing the level does not fill us; only a trade does
    assertThat(sim.fills()).isEmpty();
    sim.trade(T0 + 20, "100.0", "0.100", Side.SELL);
    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.100@100.00 MAKER fee 0.00200000");
  }

  @Test
  void aTradeThroughOurPriceFillsUsAtOurPriceUpToTheTradeQuantity() {
    sim.submit(limit("q1", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    sim.submit(limit("q2", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    sim.trade(T0 + 10, "99.9", "0.400", Side.SELL);

    // one trade of 0.4 fills at most 0.4 of our orders, in time priority
    assertThat(sim.fills())
        .extracting(e -> e.clientOrderId().value() + " " + fill(e))
        .containsExactly(
            "q1 0.300@100.00 MAKER fee 0.00600000", "q2 0.100@100.00 MAKER fee 0.00200000");
  }

  @Test
  void aTradeAboveOurBidDoesNotFillIt() {
    sim.submit(limit("q1", Side.BUY, "0.300", "99.9", TimeInForce.GTC));
    sim.trade(T0 + 10, "100.0", "5.000", Side.SELL);
    assertThat(sim.fills()).isEmpty();
  }

  @Test
  void restingSellFillsFromBuyerInitiatedTradesThroughIt() {
    sim.submit(limit("s1", Side.SELL, "0.200", "100.2", TimeInForce.GTC));
    assertThat(sim.venue.queueAhead(id("s1"))).contains(qty("1.000"));
    sim.trade(T0 + 10, "100.3", "0.500", Side.BUY);
    assertThat(sim.fills())
        .extracting(BookMatchingTest::fill)
        .containsExactly("0.200@100.20 MAKER fee 0.00400800");
  }

  @Test
  void cancelRemovesARestingOrder() {
    sim.submit(limit("q1", Side.BUY, "0.300", "100.0", TimeInForce.GTC));
    sim.venue.cancel(new dev.tyche.core.order.CancelOrder(id("q1"), Sim.BTC));
    assertThat(sim.last()).isInstanceOf(OrderCancelled.class);
    sim.trade(T0 + 10, "99.0", "1.000", Side.SELL);
    assertThat(sim.fills()).isEmpty();
    assertThat(sim.venue.openOrderCount()).isZero();
  }
}

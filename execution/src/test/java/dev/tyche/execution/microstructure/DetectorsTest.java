package dev.tyche.execution.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each detector on synthetic sequences that should and should not trigger it. */
class DetectorsTest {

  // ------------------------------------------------------------------ quote stuffing

  private static List<QuoteStuffingAlert> stuffing(int tradesFirst, int deltas, int levelsEach) {
    QuoteStuffingDetector d = new QuoteStuffingDetector(1000, 500, 50);
    for (int i = 0; i < tradesFirst; i++) {
      d.onTrade(i);
    }
    List<QuoteStuffingAlert> alerts = new ArrayList<>();
    for (int i = 0; i < deltas; i++) {
      d.onBookUpdate(100 + 10L * i, levelsEach).ifPresent(alerts::add);
    }
    return alerts;
  }

  @Test
  void quoteStuffingFiresOnceWhenMessagesSwampTrades() {
    List<QuoteStuffingAlert> alerts = stuffing(5, 20, 40);
    assertThat(alerts).hasSize(1);
    QuoteStuffingAlert a = alerts.get(0);
    // The 13th message (t = 220) brings 13 * 40 = 520 >= 500 updates against 5 trades.
    assertThat(a.time()).isEqualTo(220);
    assertThat(a.bookMessages()).isEqualTo(520);
    assertThat(a.trades()).isEqualTo(5);
    assertThat(a.messagesPerTrade()).isCloseTo(104, within(1e-12));
    assertThat(a.windowMillis()).isEqualTo(1000);
    assertThat(a.kind()).isEqualTo(ManipulationKind.QUOTE_STUFFING);
  }

  @Test
  void quoteStuffingIgnoresBusyBooksWithMatchingTrades() {
    assertThat(stuffing(20, 20, 40)).isEmpty(); // at most 800 / 20 = 40 per trade < 50
    assertThat(stuffing(0, 10, 40)).isEmpty(); // 400 < 500 messages
  }

  @Test
  void quoteStuffingStaysSilentForAWindowThenFiresAgain() {
    QuoteStuffingDetector d = new QuoteStuffingDetector(1000, 100, 10);
    int alerts = 0;
    for (long t = 0; t < 2500; t += 10) {
      if (d.onBookUpdate(t, 20).isPresent()) {
        alerts++;
      }
    }
    assertThat(alerts).isEqualTo(3); // t = 40, 1040, 2040
    d.onTrade(2500);
    assertThat(d.tradesInWindow()).isEqualTo(1);
    assertThat(d.messagesInWindow()).isEqualTo(20L * 99); // (1500, 2500]: t = 1510..2490
  }

  @Test
  void quoteStuffingCountsTheLevelsOfADelta() {
    QuoteStuffingDetector d = new QuoteStuffingDetector(1000, 3, 3);
    BookDeltaBuffer buffer = new BookDeltaBuffer(Fixtures.BTCUSDT, 4);
    buffer.reset(10, 11, 9, 5).addBid(9990, 1).addBid(9980, 0).addAsk(10010, 2);
    Optional<QuoteStuffingAlert> a = d.onBookUpdate(buffer);
    assertThat(a).isPresent();
    assertThat(a.get().bookMessages()).isEqualTo(3);
    assertThat(a.get().time()).isEqualTo(5);
    assertThat(d.onBookUpdate(buffer.toBookDelta(2, 3))).isEmpty(); // silenced for the window
    assertThat(d.messagesInWindow()).isEqualTo(6);
  }

  // ------------------------------------------------------------------ layering

  private static final LayeringDetector.Rule LAYERING =
      new LayeringDetector.Rule(5, 10, 0.8, 2000, 3, 3000, 1.0);
  private static final double[] LAYERS = {99.98, 99.96, 99.94};

  private static void addLayers(LayeringDetector d, long time) {
    for (double p : LAYERS) {
      assertThat(d.onLevelChange(time, Side.BUY, p, 0, 10, 100.0)).isEmpty();
    }
  }

  private static List<LayeringAlert> cancelLayers(LayeringDetector d, long time) {
    List<LayeringAlert> alerts = new ArrayList<>();
    for (double p : LAYERS) {
      d.onLevelChange(time, Side.BUY, p, 10, 0, 100.0).ifPresent(alerts::add);
    }
    return alerts;
  }

  @Test
  void layeringBidsCancelledAfterBuysLiftTheAsk() {
    LayeringDetector d = new LayeringDetector(LAYERING);
    addLayers(d, 0);
    assertThat(d.onTrade(100, Side.BUY, 100.05, 1.2)).isEmpty();
    assertThat(d.onTrade(200, Side.BUY, 100.05, 0.8)).isEmpty();
    List<LayeringAlert> alerts = cancelLayers(d, 500);
    assertThat(alerts).hasSize(1); // on the third cancel
    LayeringAlert a = alerts.get(0);
    assertThat(a.time()).isEqualTo(500);
    assertThat(a.side()).isEqualTo(Side.BUY);
    assertThat(a.cancelledLevels()).isEqualTo(3);
    assertThat(a.cancelledQuantity()).isCloseTo(30, within(1e-12));
    assertThat(a.oppositeTradeQuantity()).isCloseTo(2.0, within(1e-12));
    assertThat(a.kind()).isEqualTo(ManipulationKind.LAYERING);
    assertThat(d.rule()).isEqualTo(LAYERING);
  }

  @Test
  void layeringCancelsShortlyBeforeTheTrades() {
    LayeringDetector d = new LayeringDetector(LAYERING);
    addLayers(d, 0);
    assertThat(cancelLayers(d, 300)).isEmpty(); // no opposite volume yet
    assertThat(d.onTrade(400, Side.SELL, 99.9, 5)).isEmpty(); // wrong side for bid layering
    Optional<LayeringAlert> a = d.onTrade(500, Side.BUY, 100.05, 1.5);
    assertThat(a).isPresent();
    assertThat(a.get().time()).isEqualTo(500);
    assertThat(a.get().oppositeTradeQuantity()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void askLayeringMirrors() {
    LayeringDetector d = new LayeringDetector(LAYERING);
    for (double p : new double[] {100.02, 100.04, 100.06}) {
      d.onLevelChange(0, Side.SELL, p, 1, 12, 100.0);
    }
    d.onTrade(50, Side.SELL, 99.95, 3);
    List<LayeringAlert> alerts = new ArrayList<>();
    for (double p : new double[] {100.02, 100.04, 100.06}) {
      d.onLevelChange(90, Side.SELL, p, 12, 1, 100.0).ifPresent(alerts::add);
    }
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).side()).isEqualTo(Side.SELL);
    assertThat(alerts.get(0).cancelledQuantity()).isCloseTo(33, within(1e-12));
  }

  @Test
  void layeringNegatives() {
    // No opposite volume at all.
    LayeringDetector none = new LayeringDetector(LAYERING);
    addLayers(none, 0);
    none.onTrade(100, Side.SELL, 99.9, 10);
    assertThat(cancelLayers(none, 500)).isEmpty();

    // Cancelled after the lifetime: resting liquidity, not spoofing.
    LayeringDetector slow = new LayeringDetector(LAYERING);
    addLayers(slow, 0);
    slow.onTrade(2100, Side.BUY, 100.05, 5);
    assertThat(cancelLayers(slow, 2500)).isEmpty();

    // The layers were executed (sells hit them), not cancelled.
    LayeringDetector filled = new LayeringDetector(LAYERING);
    addLayers(filled, 0);
    filled.onTrade(100, Side.BUY, 100.05, 5);
    for (double p : LAYERS) {
      filled.onTrade(200, Side.SELL, p, 10);
    }
    assertThat(cancelLayers(filled, 300)).isEmpty();

    // Only two levels.
    LayeringDetector two = new LayeringDetector(LAYERING);
    two.onLevelChange(0, Side.BUY, 99.98, 0, 10, 100.0);
    two.onLevelChange(0, Side.BUY, 99.96, 0, 10, 100.0);
    two.onTrade(100, Side.BUY, 100.05, 5);
    assertThat(two.onLevelChange(200, Side.BUY, 99.98, 10, 0, 100.0)).isEmpty();
    assertThat(two.onLevelChange(200, Side.BUY, 99.96, 10, 0, 100.0)).isEmpty();

    // Far from the touch (50 bps): not a layer that moves the visible book.
    LayeringDetector far = new LayeringDetector(LAYERING);
    for (double p : new double[] {99.5, 99.4, 99.3}) {
      far.onLevelChange(0, Side.BUY, p, 0, 10, 100.0);
    }
    far.onTrade(100, Side.BUY, 100.05, 5);
    for (double p : new double[] {99.5, 99.4, 99.3}) {
      assertThat(far.onLevelChange(200, Side.BUY, p, 10, 0, 100.0)).isEmpty();
    }

    // Small additions.
    LayeringDetector small = new LayeringDetector(LAYERING);
    for (double p : LAYERS) {
      small.onLevelChange(0, Side.BUY, p, 0, 4, 100.0);
    }
    small.onTrade(100, Side.BUY, 100.05, 5);
    for (double p : LAYERS) {
      assertThat(small.onLevelChange(200, Side.BUY, p, 4, 0, 100.0)).isEmpty();
    }
  }

  @Test
  void layeringFromBookDeltas() {
    OrderBook book = Fixtures.book(new String[] {"100.0", "1"}, new String[] {"100.1", "1"});
    // Layers at 10, 20 and 30 bps below the best bid.
    LayeringDetector d =
        new LayeringDetector(new LayeringDetector.Rule(5, 50, 0.8, 2000, 3, 3000, 1));
    List<LayeringAlert> alerts = new ArrayList<>();
    BookDeltaBuffer add = new BookDeltaBuffer(Fixtures.BTCUSDT, 4);
    add.reset(2, 2, 1, 10).addBid(9990, 8000).addBid(9980, 8000).addBid(9970, 8000);
    add.addAsk(10010, 1000); // unchanged: skipped
    assertThat(d.onDelta(10, add, book, alerts::add)).isZero();
    book.apply(add);
    d.onTrade(20, Side.BUY, 100.1, 2);
    BookDeltaBuffer cancel = new BookDeltaBuffer(Fixtures.BTCUSDT, 4);
    cancel.reset(3, 3, 2, 30).addBid(9990, 0).addBid(9980, 500).addBid(9970, 0);
    assertThat(d.onDelta(30, cancel, book, alerts::add)).isEqualTo(1);
    assertThat(alerts.get(0).cancelledLevels()).isEqualTo(3);
    assertThat(alerts.get(0).cancelledQuantity()).isCloseTo(8 + 7.5 + 8, within(1e-9));
  }

  @Test
  void layeringTracksAtMostSixtyFourAddsPerSide() {
    LayeringDetector d =
        new LayeringDetector(new LayeringDetector.Rule(1, 1000, 1, 10_000, 2, 10_000, 1));
    for (int i = 0; i < 100; i++) {
      d.onLevelChange(i, Side.BUY, 100 - 0.01 * i, 0, 2, 100);
    }
    d.onTrade(200, Side.BUY, 100.1, 1);
    // Adds 0..35 were pushed out by adds 64..99; cancelling them reports nothing.
    assertThat(d.onLevelChange(300, Side.BUY, 100, 2, 0, 100)).isEmpty();
    assertThat(d.onLevelChange(300, Side.BUY, 100 - 0.01 * 35, 2, 0, 100)).isEmpty();
    assertThat(d.onLevelChange(300, Side.BUY, 100 - 0.01 * 99, 2, 0, 100)).isEmpty();
    assertThat(d.onLevelChange(300, Side.BUY, 100 - 0.01 * 98, 2, 0, 100)).isPresent();
  }

  // ------------------------------------------------------------------ momentum ignition

  private static final MomentumIgnitionDetector.Rule MOMENTUM =
      new MomentumIgnitionDetector.Rule(1000, 5, 0.8, 20, 0.5, 2000);

  private static List<MomentumIgnitionAlert> burstUp(MomentumIgnitionDetector d) {
    List<MomentumIgnitionAlert> alerts = new ArrayList<>();
    double[] prices = {100.00, 100.05, 100.10, 100.15, 100.25, 100.30};
    for (int i = 0; i < prices.length; i++) {
      d.onTrade(100L * i, Side.BUY, prices[i], 1).ifPresent(alerts::add);
    }
    return alerts;
  }

  @Test
  void momentumIgnitionBurstThenReversal() {
    MomentumIgnitionDetector d = new MomentumIgnitionDetector(MOMENTUM);
    assertThat(burstUp(d)).isEmpty();
    assertThat(d.inBurst()).isTrue();
    assertThat(d.onTrade(700, Side.SELL, 100.20, 1)).isEmpty(); // 1/3 of the move back
    Optional<MomentumIgnitionAlert> a = d.onTrade(900, Side.SELL, 100.10, 1); // 2/3 back
    assertThat(a).isPresent();
    MomentumIgnitionAlert m = a.get();
    assertThat(m.side()).isEqualTo(Side.BUY);
    assertThat(m.time()).isEqualTo(900);
    assertThat(m.burstStart()).isZero();
    assertThat(m.peakTime()).isEqualTo(500);
    assertThat(m.burstTrades()).isEqualTo(6);
    assertThat(m.moveBps()).isCloseTo(30, within(1e-9));
    assertThat(m.reversalBps()).isCloseTo(20, within(1e-9));
    assertThat(m.kind()).isEqualTo(ManipulationKind.MOMENTUM_IGNITION);
    assertThat(d.inBurst()).isFalse();
    assertThat(d.rule()).isEqualTo(MOMENTUM);
  }

  @Test
  void momentumIgnitionDownward() {
    MomentumIgnitionDetector d = new MomentumIgnitionDetector(MOMENTUM);
    double[] prices = {100.0, 99.9, 99.8, 99.7, 99.6};
    for (int i = 0; i < prices.length; i++) {
      assertThat(d.onTrade(10L * i, Side.SELL, prices[i], 2)).isEmpty();
    }
    Optional<MomentumIgnitionAlert> a = d.onTrade(100, Side.BUY, 99.85, 1);
    assertThat(a).isPresent();
    assertThat(a.get().side()).isEqualTo(Side.SELL);
    assertThat(a.get().moveBps()).isCloseTo(40, within(1e-9));
    assertThat(a.get().reversalBps()).isCloseTo(25, within(1e-9));
  }

  @Test
  void momentumIgnitionNegatives() {
    // The move sticks: the reversal comes after maxReversalMillis.
    MomentumIgnitionDetector sticks = new MomentumIgnitionDetector(MOMENTUM);
    burstUp(sticks);
    assertThat(sticks.onTrade(3000, Side.SELL, 100.0, 1)).isEmpty();
    assertThat(sticks.inBurst()).isFalse();

    // Mixed flow: 3 of 5 trades are buys (60 % < 80 %) although the price rises.
    MomentumIgnitionDetector mixed = new MomentumIgnitionDetector(MOMENTUM);
    double[] prices = {100.00, 100.05, 100.10, 100.15, 100.30};
    for (int i = 0; i < prices.length; i++) {
      mixed.onTrade(100L * i, i % 2 == 0 ? Side.BUY : Side.SELL, prices[i], 1);
    }
    assertThat(mixed.inBurst()).isFalse();
    assertThat(mixed.onTrade(600, Side.SELL, 100.0, 1)).isEmpty();

    // A small move (10 bps) is not a burst.
    MomentumIgnitionDetector small = new MomentumIgnitionDetector(MOMENTUM);
    for (int i = 0; i < 6; i++) {
      small.onTrade(100L * i, Side.BUY, 100.0 + 0.02 * i, 1);
    }
    assertThat(small.inBurst()).isFalse();
    assertThat(small.onTrade(700, Side.SELL, 99.9, 1)).isEmpty();

    // A burst spread over more than the window is not a burst.
    MomentumIgnitionDetector slow = new MomentumIgnitionDetector(MOMENTUM);
    for (int i = 0; i < 6; i++) {
      slow.onTrade(400L * i, Side.BUY, 100.0 + 0.06 * i, 1);
    }
    assertThat(slow.inBurst()).isFalse();
  }

  // ------------------------------------------------------------------ ping-pong

  @Test
  void pingPongAlternatingSmallTradesAtTheTouch() {
    PingPongDetector d = new PingPongDetector(0.01, 500, 6);
    List<PingPongAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean buy = i % 2 == 0;
      d.onTrade(1000 + 100L * i, buy ? Side.BUY : Side.SELL, buy ? 100.1 : 100.0, 0.005)
          .ifPresent(alerts::add);
    }
    assertThat(alerts).hasSize(1);
    PingPongAlert a = alerts.get(0);
    assertThat(a.time()).isEqualTo(1500);
    assertThat(a.startTime()).isEqualTo(1000);
    assertThat(a.trades()).isEqualTo(6);
    assertThat(a.maxQuantity()).isEqualTo(0.005);
    assertThat(a.buyPrice()).isEqualTo(100.1);
    assertThat(a.sellPrice()).isEqualTo(100.0);
    assertThat(a.kind()).isEqualTo(ManipulationKind.PING_PONG);
    assertThat(d.runLength()).isEqualTo(10);
  }

  private static int pingPong(long gap, double bigAt, boolean drift, boolean sameSide) {
    PingPongDetector d = new PingPongDetector(0.01, 500, 6);
    int alerts = 0;
    for (int i = 0; i < 10; i++) {
      boolean buy = sameSide || i % 2 == 0;
      double price = (buy ? 100.1 : 100.0) + (drift ? 0.1 * i : 0);
      double q = i == bigAt ? 0.5 : 0.005;
      if (d.onTrade(gap * i, buy ? Side.BUY : Side.SELL, price, q).isPresent()) {
        alerts++;
      }
    }
    return alerts;
  }

  @Test
  void pingPongNegatives() {
    assertThat(pingPong(100, -1, false, false)).isEqualTo(1); // the control case fires
    assertThat(pingPong(600, -1, false, false)).isZero(); // too slow
    assertThat(pingPong(100, 5, false, false)).isZero(); // a large trade breaks the run at 5
    assertThat(pingPong(100, -1, true, false)).isZero(); // prices walk away
    assertThat(pingPong(100, -1, false, true)).isZero(); // no alternation
  }

  @Test
  void pingPongRejectsSellAboveBuy() {
    PingPongDetector d = new PingPongDetector(1, 1000, 3);
    d.onTrade(0, Side.BUY, 100.0, 0.1);
    d.onTrade(1, Side.SELL, 100.1, 0.1); // sell above the buy price: not the two sides of a touch
    assertThat(d.runLength()).isEqualTo(1);
  }
}

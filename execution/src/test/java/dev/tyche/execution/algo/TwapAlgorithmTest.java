package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.BARS;
import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.SYM;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.bar;
import static dev.tyche.execution.algo.Rig.parent;
import static dev.tyche.execution.algo.Rig.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.execution.engine.LogEntry;
import dev.tyche.execution.slippage.SlippageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwapAlgorithmTest {

  /** Bar i opens at 30000 + 10 i and closes 5 higher. */
  private static void runBars(Rig rig, int bars) {
    for (int i = 0; i < bars; i++) {
      String open = (30_000 + 10 * i) + ".00";
      String close = (30_005 + 10 * i) + ".00";
      rig.engine.process(bar(i, open, close, "50.000"));
    }
  }

  @Test
  void oneBtcOverTenBarsIsTenChildrenOfPointOneFilledAtTheNextOpens() {
    TwapAlgorithm twap =
        new TwapAlgorithm(
            parent(Side.BUY, "1.000", T0 + MIN, T0 + 11 * MIN), AlgoSettings.market(BARS), 10);
    Rig rig = Rig.bars(twap);
    runBars(rig, 12);

    assertThat(Rig.quantities(twap.children()))
        .containsExactlyElementsOf(Collections.nCopies(10, "0.100"));
    assertThat(twap.children()).allMatch(c -> c.type() == OrderType.MARKET);
    List<String> prices = new ArrayList<>();
    for (OrderFillEvent f : rig.fills()) {
      prices.add(f.execution().lastPrice().toString());
    }
    // Child k is sent at the open of bar k + 1 and fills at that open: 30010 .. 30100.
    List<String> expected = new ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      expected.add((30_000 + 10 * k) + ".00");
    }
    assertThat(prices).containsExactlyElementsOf(expected);
    AlgoProgress p = twap.progress();
    assertThat(p.state()).isEqualTo(AlgoState.COMPLETED);
    assertThat(p.filled()).isEqualTo(qty("1.000"));
    assertThat(p.remaining().isZero()).isTrue();
    assertThat(p.working().isZero()).isTrue();
    assertThat(p.childrenSent()).isEqualTo(10);
    // Arrival = close of bar 0 = 30005; average = 30055; slippage = 1e4 * 50 / 30005 bps.
    assertThat(p.arrivalPrice().getAsDouble()).isEqualTo(30_005.0);
    assertThat(p.averagePrice().getAsDouble()).isCloseTo(30_055.0, within(1e-9));
    assertThat(p.slippageBps().getAsDouble()).isCloseTo(1e4 * 50 / 30_005, within(1e-9));
    assertThat(p.slippageLevel()).isEqualTo(SlippageLevel.OK);
    assertThat(p.fillFraction()).isEqualTo(1.0);
    assertThat(twap.plannedSlices()).hasSize(10);
    assertThat(rig.ledger.position(SYM).orElseThrow().signedQuantity().toString())
        .isEqualTo("1.000");
    assertThat(rig.log.entries(LogEntry.Kind.ANOMALY)).isEmpty();
  }

  @Test
  void remainderGoesToTheLastChild() {
    TwapAlgorithm twap =
        new TwapAlgorithm(
            parent(Side.SELL, "1.000", T0 + MIN, T0 + 4 * MIN), AlgoSettings.market(BARS), 3);
    Rig rig = Rig.bars(twap);
    runBars(rig, 5);
    assertThat(Rig.quantities(twap.children())).containsExactly("0.333", "0.333", "0.334");
    assertThat(twap.progress().filled()).isEqualTo(qty("1.000"));
    // A sale filled above the arrival price has negative slippage (a gain).
    assertThat(twap.progress().slippageBps().getAsDouble()).isNegative();
  }

  @Test
  void slicesBelowMinNotionalAccumulateAndATinyTailIsMerged() {
    // Min notional 100 USDT at 30000 -> min child 0.004 (0.00333 rounded up). Plan: 5 x 0.002.
    TwapAlgorithm twap =
        new TwapAlgorithm(
            parent(Side.BUY, "0.010", T0 + MIN, T0 + 6 * MIN), AlgoSettings.market(TRADES), 5);
    Rig rig = Rig.scripted(Rig.instrument("100"), twap);
    rig.trade(T0, "30000.00", "1.000");
    for (int i = 1; i <= 6; i++) {
      rig.trade(T0 + i * MIN + 1, "30000.00", "1.000");
    }
    // Slice 2 (0.004 wanted) sends 0.004; slice 4 wants 0.004 but would leave 0.002 < 0.004.
    assertThat(Rig.quantities(twap.children())).containsExactly("0.004", "0.006");
    assertThat(twap.state()).isEqualTo(AlgoState.COMPLETED);
    assertThat(twap.plannedSlices())
        .extracting(Object::toString)
        .containsExactly("0.002", "0.002", "0.002", "0.002", "0.002");
  }

  @Test
  void limitChildrenStillWorkingAtTheNextSliceAreCancelledAndResentThenSweptAtTheEnd() {
    AlgoSettings settings =
        AlgoSettings.market(TRADES, Rig.QUOTES)
            .withStyle(ChildOrderStyle.LIMIT, 0)
            .withMarketAtEnd(true);
    TwapAlgorithm twap =
        new TwapAlgorithm(parent(Side.BUY, "0.300", T0 + MIN, T0 + 4 * MIN), settings, 3);
    Rig rig = Rig.scripted(twap);
    rig.trade(T0, "30000.00", "1.000");
    rig.quote(T0 + 1, "29999.90", "1.000", "30000.10", "1.000");
    // The market stays above our bids: nothing fills until the end sweep.
    for (int i = 1; i <= 4; i++) {
      rig.trade(T0 + i * MIN + 1, "30000.50", "1.000");
    }
    List<SubmitOrder> children = twap.children();
    assertThat(children.get(0).type()).isEqualTo(OrderType.LIMIT);
    assertThat(children.get(0).timeInForce()).isEqualTo(TimeInForce.GTC);
    // Priced at the own-side touch, the best bid.
    assertThat(children.get(0).limitPrice().orElseThrow().toString()).isEqualTo("29999.90");
    assertThat(rig.scripted.cancels()).isNotEmpty();
    SubmitOrder last = children.get(children.size() - 1);
    assertThat(last.type()).isEqualTo(OrderType.MARKET);
    assertThat(twap.progress().filled()).isEqualTo(qty("0.300"));
    assertThat(twap.state()).isEqualTo(AlgoState.COMPLETED);
    // Never more than the parent committed: every limit child was cancelled unfilled.
    assertThat(twap.progress().working().isZero()).isTrue();
  }

  @Test
  void cancelStopsFurtherChildrenAndCancelsWorkingOnes() {
    AlgoSettings settings =
        AlgoSettings.market(TRADES, Rig.QUOTES).withStyle(ChildOrderStyle.POST_ONLY, 0);
    TwapAlgorithm twap =
        new TwapAlgorithm(parent(Side.BUY, "1.000", T0 + MIN, T0 + 11 * MIN), settings, 10);
    Rig rig = Rig.scripted(twap);
    rig.trade(T0, "30000.00", "1.000");
    rig.quote(T0 + 1, "29999.90", "1.000", "30000.10", "1.000");
    rig.engine.advanceTo(T0 + MIN);
    assertThat(twap.children()).hasSize(1);
    assertThat(twap.children().get(0).timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
    assertThat(twap.children().get(0).limitPrice().orElseThrow().toString()).isEqualTo("29999.90");
    twap.cancel();
    rig.engine.runUntilIdle();
    assertThat(twap.state()).isEqualTo(AlgoState.CANCELLED);
    assertThat(rig.scripted.cancels()).hasSize(1);
    rig.engine.advanceTo(T0 + 12 * MIN);
    assertThat(twap.children()).hasSize(1);
    assertThat(twap.progress().working().isZero()).isTrue();
    twap.cancel(); // a second cancel is a no-op
    assertThat(twap.state()).isEqualTo(AlgoState.CANCELLED);
  }

  @Test
  void seededJitterIsReproducibleAndKeepsTheTimesOrderedInsideTheHorizon() {
    ParentOrder p = parent(Side.BUY, "1.000", T0 + MIN, T0 + 11 * MIN);
    long[] a = TwapAlgorithm.sliceTimes(p, 10, 0.8, 42);
    long[] b = TwapAlgorithm.sliceTimes(p, 10, 0.8, 42);
    long[] c = TwapAlgorithm.sliceTimes(p, 10, 0.8, 43);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    assertThat(a[0]).isEqualTo(p.startTime());
    for (int k = 1; k < a.length; k++) {
      assertThat(a[k]).isGreaterThan(a[k - 1]).isLessThan(p.endTime());
      // Within +-0.4 intervals of the even grid.
      assertThat(Math.abs(a[k] - (p.startTime() + k * MIN))).isLessThanOrEqualTo(24_000L);
    }
    assertThat(TwapAlgorithm.sliceTimes(p, 10, 0.0, 7))
        .isEqualTo(new TwapAlgorithm(p, AlgoSettings.market(BARS), 10).plannedTimes());
  }

  @Test
  void sameSeedGivesTheSameEventLogThroughTheEngine() {
    assertThat(jitteredRun(5)).isEqualTo(jitteredRun(5));
    assertThat(jitteredRun(5)).isNotEqualTo(jitteredRun(6));
  }

  private static List<String> jitteredRun(long seed) {
    ParentOrder p = parent(Side.BUY, "1.000", T0 + MIN, T0 + 11 * MIN);
    TwapAlgorithm twap = new TwapAlgorithm(p, AlgoSettings.market(TRADES), 10, 0.9, seed);
    Rig rig = Rig.scripted(twap);
    for (int i = 0; i < 24; i++) {
      rig.trade(T0 + i * 30_000L, (30_000 + i) + ".00", "0.500");
    }
    assertThat(twap.progress().filled()).isEqualTo(qty("1.000"));
    return rig.log.lines();
  }

  @Test
  void badInputIsRejectedWithClearMessages() {
    ParentOrder p = parent(Side.BUY, "1.000", T0, T0 + MIN);
    AlgoSettings s = AlgoSettings.market(BARS);
    assertThatThrownBy(() -> new TwapAlgorithm(p, s, 0)).hasMessageContaining("slices");
    assertThatThrownBy(() -> new TwapAlgorithm(p, s, 10, 1.0, 1))
        .hasMessageContaining("jitterFraction");
    assertThatThrownBy(() -> new TwapAlgorithm(p, s, 10, Double.NaN, 1))
        .hasMessageContaining("jitterFraction");
    assertThatThrownBy(() -> new TwapAlgorithm(parent(Side.BUY, "1.000", T0, T0 + 5), s, 10))
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> parent(Side.BUY, "0", T0, T0 + MIN)).hasMessageContaining("quantity");
    assertThatThrownBy(() -> parent(Side.BUY, "1", T0, T0)).hasMessageContaining("endTime");
    assertThatThrownBy(() -> parent(Side.BUY, "1", -1, T0)).hasMessageContaining("startTime");
    assertThatThrownBy(() -> new ParentOrder("bad id!", SYM, Side.BUY, qty("1"), T0, T0 + 1))
        .hasMessageContaining("id must match");
    assertThatThrownBy(() -> AlgoSettings.market()).hasMessageContaining("subscriptions");
    assertThatThrownBy(() -> s.withStyle(ChildOrderStyle.LIMIT, -1))
        .hasMessageContaining("limitOffsetTicks");
    // Off the step grid: refused when the engine starts the algorithm.
    TwapAlgorithm offGrid = new TwapAlgorithm(parent(Side.BUY, "1.0005", T0, T0 + MIN), s, 1);
    assertThatThrownBy(() -> Rig.scripted(offGrid)).hasMessageContaining("stepSize");
    TwapAlgorithm otherSymbol =
        new TwapAlgorithm(
            new ParentOrder(
                "p", dev.tyche.core.id.Symbol.of("ETHUSDT"), Side.BUY, qty("1"), T0, T0 + MIN),
            s,
            1);
    assertThatThrownBy(() -> Rig.scripted(otherSymbol)).hasMessageContaining("does not trade");
  }
}

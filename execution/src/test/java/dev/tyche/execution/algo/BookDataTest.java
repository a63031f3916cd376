package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.SYM;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.Subscription;
import dev.tyche.execution.schedule.ParentOrderCost;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookDataTest {

  @Test
  void theTouchAndArrivalComeFromTheBookAndProgressFeedsTheImpactCalibration() {
    AlgoSettings settings =
        AlgoSettings.market(TRADES, Subscription.of(SYM, MarketDataKind.BOOK))
            .withStyle(ChildOrderStyle.LIMIT, 2);
    TwapAlgorithm twap =
        new TwapAlgorithm(parent(Side.SELL, "0.200", T0 + MIN, T0 + 3 * MIN), settings, 2);
    Rig rig = Rig.scripted(twap);
    rig.trade(T0, "30000.00", "1.000");
    rig.engine.process(
        new BookSnapshot(
            SYM,
            10,
            T0 + 1,
            List.of(BookLevel.parse("29999.00", "1.000")),
            List.of(BookLevel.parse("30001.00", "2.000"))));
    // A delta moves the best ask down: touch 29999.00 / 30000.00, mid 29999.50.
    rig.engine.process(
        new BookDelta(
            SYM, 11, 11, 10, T0 + 2, List.of(), List.of(BookLevel.parse("30000.00", "1.000"))));
    rig.engine.advanceTo(T0 + MIN);
    assertThat(twap.progress().arrivalPrice().getAsDouble()).isEqualTo(29_999.5);
    // A sell is priced at the best ask moved 2 ticks down (aggressive): 29999.80; the last trade
    // at 30000 is above it, so the scripted venue fills it at once.
    assertThat(twap.children().get(0).limitPrice().orElseThrow().toString()).isEqualTo("29999.80");
    rig.trade(T0 + 2 * MIN + 1, "30000.00", "1.000");
    AlgoProgress p = twap.progress();
    assertThat(p.filled().toString()).isEqualTo("0.200");
    ParentOrderCost cost = p.toParentOrderCost(10_000, 0.03);
    assertThat(cost.quantity()).isEqualTo(0.2);
    assertThat(cost.costBps()).isCloseTo(p.slippageBps().getAsDouble(), within(1e-9));
  }
}

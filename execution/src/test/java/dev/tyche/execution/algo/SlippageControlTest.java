package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.order.Side;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.contract.ScriptedExecutionClient;
import dev.tyche.execution.engine.RiskGate;
import dev.tyche.execution.engine.TradingEngine;
import dev.tyche.execution.slippage.SlippageLevel;
import dev.tyche.execution.slippage.SlippageMonitor;
import dev.tyche.execution.slippage.SlippageThresholds;
import dev.tyche.risk.pretrade.MaxOrderNotionalRule;
import org.junit.jupiter.api.Test;

/** Slippage control and failure handling of algorithms running through the engine. */
class SlippageControlTest {

  private static TwapAlgorithm twap() {
    return new TwapAlgorithm(
        parent(Side.BUY, "1.000", T0 + MIN, T0 + 11 * MIN), AlgoSettings.market(TRADES), 10);
  }

  @Test
  void reachingTheHardLimitHaltsTheParent() {
    TwapAlgorithm algo = twap();
    Rig rig = Rig.scripted(algo);
    rig.trade(T0, "30000.00", "1.000"); // arrival 30000; the first child fills here
    for (int i = 1; i <= 12; i++) {
      rig.trade(T0 + i * MIN + 1, "30330.00", "1.000"); // +110 bps
    }
    // Second fill: average 30165 = +55 bps >= 50: halted, no third child.
    assertThat(algo.children()).hasSize(2);
    assertThat(algo.state()).isEqualTo(AlgoState.HALTED);
    assertThat(algo.progress().slippageBps().getAsDouble()).isCloseTo(55.0, within(1e-9));
    assertThat(algo.progress().slippageLevel()).isEqualTo(SlippageLevel.HARD_LIMIT);
    assertThat(algo.slippageEvents()).hasSize(1);
    assertThat(algo.slippageEvents().get(0).level()).isEqualTo(SlippageLevel.HARD_LIMIT);
    assertThat(algo.slippageEvents().get(0).thresholdBps()).isEqualTo(50.0);
    algo.cancel(); // no effect on a halted algorithm
    assertThat(algo.state()).isEqualTo(AlgoState.HALTED);
  }

  @Test
  void anAlertIsRaisedButTheParentContinuesAndASharedMonitorKeepsTheRollingMean() {
    TwapAlgorithm algo = twap();
    SlippageMonitor shared = new SlippageMonitor(SlippageThresholds.DEFAULT);
    algo.useSlippageMonitor(shared);
    Rig rig = Rig.scripted(algo);
    assertThatThrownBy(() -> algo.useSlippageMonitor(shared))
        .isInstanceOf(IllegalStateException.class);
    rig.trade(T0, "30000.00", "1.000");
    // The first child fills at 30000, the other nine at 30090: average 30081 = +27 bps.
    for (int i = 1; i <= 12; i++) {
      rig.trade(T0 + i * MIN + 1, "30090.00", "1.000");
    }
    assertThat(algo.state()).isEqualTo(AlgoState.COMPLETED);
    assertThat(algo.slippageEvents())
        .extracting(e -> e.level())
        .containsExactly(SlippageLevel.ALERT);
    assertThat(shared.rollingMeanBps().getAsDouble()).isCloseTo(27.0, within(1e-9));
    assertThat(shared.events())
        .extracting(e -> e.orderId())
        .containsExactly("p1", SlippageMonitor.ROLLING);
  }

  @Test
  void consecutiveDenialsMakeTheAlgorithmGiveUp() {
    TwapAlgorithm algo = twap();
    SimulatedClock clock = SimulatedClock.startingAt(T0);
    ScriptedExecutionClient venue =
        new ScriptedExecutionClient(clock, Decimal.ZERO, Rig.instrument("5"));
    Ledger ledger = new Ledger(PositionMode.ONE_WAY);
    TradingEngine engine =
        TradingEngine.builder()
            .clock(clock)
            .executionClient(venue)
            .venueFeed(venue)
            .ledger(ledger)
            .instruments(Rig.instrument("5"))
            .riskGate(RiskGate.of(Asset.USDT, new MaxOrderNotionalRule(Decimal.parse("100"))))
            .strategy(Rig.ALGO, algo)
            .build();
    engine.start();
    for (int i = 0; i <= 12; i++) {
      engine.process(
          new Trade(
              Rig.SYM,
              TradeId.of("x" + i),
              Rig.px("30000.00"),
              Rig.qty("1.000"),
              Side.SELL,
              T0 + i * MIN,
              T0 + i * MIN));
    }
    assertThat(algo.state()).isEqualTo(AlgoState.FAILED);
    assertThat(algo.children()).hasSize(3);
    assertThat(venue.received()).isEmpty();
    assertThat(algo.progress().filled().isZero()).isTrue();
    assertThat(algo.progress().averagePrice()).isEmpty();
    assertThatThrownBy(() -> algo.progress().toParentOrderCost(1000, 0.02))
        .isInstanceOf(IllegalStateException.class);
  }
}

package dev.tyche.execution.slippage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.Side;
import dev.tyche.execution.schedule.ParentOrderCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class SlippageTest {

  @Example
  void positiveSlippageIsACostOnBothSides() {
    assertThat(Slippage.bps(Side.BUY, 100, 101)).isCloseTo(100, within(1e-9));
    assertThat(Slippage.bps(Side.SELL, 100, 99)).isCloseTo(100, within(1e-9));
    assertThat(Slippage.bps(Side.BUY, 100, 99)).isCloseTo(-100, within(1e-9));
    assertThat(Slippage.bps(Side.SELL, 100, 101)).isCloseTo(-100, within(1e-9));
    assertThat(Slippage.bps(Side.BUY, 100, 100)).isZero();
    // Same sign as the impact calibration's cost.
    ParentOrderCost c = new ParentOrderCost(Side.SELL, 1, 100, 0.02, 100, 99.5);
    assertThat(Slippage.bps(Side.SELL, 100, 99.5)).isCloseTo(c.costBps(), within(1e-12));
  }

  @Property
  void buyingHigherOrSellingLowerAlwaysCosts(
      @ForAll @DoubleRange(min = 1, max = 1e6) double arrival,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double move) {
    assertThat(Slippage.bps(Side.BUY, arrival, arrival * (1 + move))).isPositive();
    assertThat(Slippage.bps(Side.SELL, arrival, arrival * (1 - move))).isPositive();
    assertThat(Slippage.bps(Side.BUY, arrival, arrival * (1 - move))).isNegative();
    assertThat(Slippage.bps(Side.SELL, arrival, arrival * (1 + move))).isNegative();
  }

  @Example
  void thresholdsClassifyAndDefaultTo25And50() {
    SlippageThresholds t = SlippageThresholds.DEFAULT;
    assertThat(t.alertBps()).isEqualTo(25.0);
    assertThat(t.hardLimitBps()).isEqualTo(50.0);
    assertThat(t.levelOf(24.99)).isEqualTo(SlippageLevel.OK);
    assertThat(t.levelOf(25)).isEqualTo(SlippageLevel.ALERT);
    assertThat(t.levelOf(50)).isEqualTo(SlippageLevel.HARD_LIMIT);
    assertThat(t.levelOf(-500)).isEqualTo(SlippageLevel.OK);
  }

  @Example
  void monitorLatchesPerOrderAndKeepsARollingWindow() {
    List<SlippageEvent> heard = new ArrayList<>();
    SlippageMonitor m = new SlippageMonitor(SlippageThresholds.DEFAULT, 2, heard::add);
    m.open("a", Side.BUY, 100);
    assertThat(m.slippageBps("a")).isEmpty();
    assertThat(m.onFill("a", 1, 100.3, 1)).isEqualTo(SlippageLevel.ALERT); // 30 bps
    assertThat(m.onFill("a", 2, 100.9, 1)).isEqualTo(SlippageLevel.HARD_LIMIT); // avg 100.6
    assertThat(m.isHalted("a")).isTrue();
    // Later good fills lower the average, but the halt stays.
    assertThat(m.onFill("a", 3, 99.0, 10)).isEqualTo(SlippageLevel.HARD_LIMIT);
    assertThat(m.slippageBps("a").getAsDouble())
        .isCloseTo(1e4 * (1191.2 / 12 - 100) / 100, within(1e-9));
    assertThat(m.level("a")).isEqualTo(SlippageLevel.HARD_LIMIT);
    assertThat(heard)
        .extracting(SlippageEvent::level)
        .containsExactly(SlippageLevel.ALERT, SlippageLevel.HARD_LIMIT);
    m.open("b", Side.SELL, 100);
    m.onFill("b", 4, 99.9, 1); // 10 bps
    m.open("c", Side.SELL, 100);
    m.onFill("c", 5, 99.5, 1); // 50 bps: halts c
    m.open("d", Side.BUY, 100);
    assertThat(m.close("d", 6)).isEmpty(); // never filled: not in the window
    assertThat(m.rollingMeanBps()).isEmpty();
    m.close("b", 7);
    assertThat(m.rollingMeanBps().getAsDouble()).isCloseTo(10, within(1e-9));
    m.close("c", 8);
    assertThat(m.rollingMeanBps().getAsDouble()).isCloseTo(30, within(1e-9)); // mean of 10, 50
    m.close("c", 9); // idempotent
    assertThat(m.rollingMeanBps().getAsDouble()).isCloseTo(30, within(1e-9));
    SlippageEvent last = heard.get(heard.size() - 1);
    assertThat(last.orderId()).isEqualTo(SlippageMonitor.ROLLING);
    assertThat(last.level()).isEqualTo(SlippageLevel.ALERT);
    assertThat(m.events()).isEqualTo(heard);
    assertThat(m.thresholds()).isEqualTo(SlippageThresholds.DEFAULT);
  }

  @Example
  void impactEstimatorPredictsAndCalibrates() {
    ImpactEstimator prior = ImpactEstimator.prior(1.0);
    // 1 * 1e4 * 0.02 * sqrt(100 / 10000) = 20 bps.
    assertThat(prior.predictBps(0.02, 100, 10_000)).isCloseTo(20, within(1e-9));
    assertThat(prior.fit()).isEmpty();
    List<ParentOrderCost> fills = new ArrayList<>();
    double[] q = {10, 40, 90, 160, 250};
    for (int i = 0; i < q.length; i++) {
      double cost = 0.7 * 1e4 * 0.03 * Math.sqrt(q[i] / 10_000) + (i % 2 == 0 ? 0.5 : -0.5);
      double arrival = 100;
      double avg = arrival * (1 + cost / 1e4);
      fills.add(new ParentOrderCost(Side.BUY, q[i], 10_000, 0.03, arrival, avg));
    }
    ImpactEstimator fitted = ImpactEstimator.calibrate(fills);
    assertThat(fitted.model().coefficient()).isCloseTo(0.7, within(0.02));
    assertThat(fitted.fit()).isPresent();
    assertThat(fitted.predictBps(0.03, 100, 10_000))
        .isCloseTo(fitted.model().coefficient() * 30, within(1e-9));
  }

  @Example
  void badInput() {
    assertThatThrownBy(() -> Slippage.bps(Side.BUY, 0, 1)).hasMessageContaining("benchmark");
    assertThatThrownBy(() -> Slippage.bps(Side.BUY, 1, Double.NaN)).hasMessageContaining("price");
    assertThatThrownBy(() -> Slippage.bps(Side.BUY, Double.POSITIVE_INFINITY, 1))
        .hasMessageContaining("benchmark");
    assertThatThrownBy(() -> new SlippageThresholds(50, 25)).hasMessageContaining("hardLimitBps");
    assertThatThrownBy(() -> new SlippageThresholds(-1, 25)).hasMessageContaining("alertBps");
    assertThatThrownBy(() -> SlippageThresholds.DEFAULT.levelOf(Double.NaN))
        .hasMessageContaining("slippageBps");
    assertThatThrownBy(() -> new SlippageEvent("a", 1, SlippageLevel.OK, 1, 1))
        .hasMessageContaining("ALERT or HARD_LIMIT");
    assertThatThrownBy(() -> new SlippageEvent("a", -1, SlippageLevel.ALERT, 1, 1))
        .hasMessageContaining("eventTime");
    SlippageMonitor m = new SlippageMonitor(SlippageThresholds.DEFAULT);
    assertThatThrownBy(() -> new SlippageMonitor(SlippageThresholds.DEFAULT, 0, e -> {}))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> m.onFill("x", 1, 1, 1)).hasMessageContaining("never opened");
    m.open("x", Side.BUY, 10);
    assertThatThrownBy(() -> m.open("x", Side.BUY, 10)).hasMessageContaining("already open");
    assertThatThrownBy(() -> m.open("y", Side.BUY, -10)).hasMessageContaining("arrivalPrice");
    assertThatThrownBy(() -> m.onFill("x", 1, 1, 0)).hasMessageContaining("quantity");
    ImpactEstimator prior = ImpactEstimator.prior(1.0);
    assertThatThrownBy(() -> prior.predictBps(0, 1, 1)).hasMessageContaining("dailyVolatility");
    assertThatThrownBy(() -> ImpactEstimator.calibrate(List.of()))
        .hasMessageContaining("at least 2");
    ImpactEstimator other =
        ImpactEstimator.calibrate(
            List.of(
                new ParentOrderCost(Side.BUY, 1, 100, 0.02, 100, 100.1),
                new ParentOrderCost(Side.BUY, 4, 100, 0.02, 100, 100.2)));
    assertThatThrownBy(() -> new ImpactEstimator(prior.model(), other.fit()))
        .hasMessageContaining("fit must belong");
    assertThatThrownBy(() -> new ImpactEstimator(prior.model(), null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new ImpactEstimator(prior.model(), Optional.empty())).isEqualTo(prior);
  }
}

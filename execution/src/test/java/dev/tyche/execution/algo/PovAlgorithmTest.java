package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static dev.tyche.execution.algo.Rig.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

class PovAlgorithmTest {

  @Test
  void participatesInObservedVolumeWithMinimumChildAndMergedTail() {
    // p = 20 % of 0.5 per trade: targets 0.1, 0.2, 0.3, 0.4 ... ; min child 0.150.
    PovAlgorithm pov =
        new PovAlgorithm(
            parent(Side.BUY, "0.500", T0 + MIN, T0 + 60 * MIN),
            AlgoSettings.market(TRADES),
            0.2,
            qty("0.150"),
            qty("0.300"));
    Rig rig = Rig.scripted(pov);
    rig.trade(T0, "30000.00", "9.000"); // before the start: not counted
    rig.engine.advanceTo(T0 + MIN);
    for (int i = 1; i <= 4; i++) {
      rig.trade(T0 + MIN + i, "30000.00", "0.500");
    }
    // Trade 1: 0.1 wanted < 0.150, wait. Trade 2: 0.2 -> send 0.200. Trade 3: 0.1 more, wait.
    // Trade 4: 0.2 more, but that would leave 0.100 < 0.150: merged -> 0.300.
    assertThat(Rig.quantities(pov.children())).containsExactly("0.200", "0.300");
    assertThat(pov.observedVolume()).isEqualTo(2.0);
    assertThat(pov.state()).isEqualTo(AlgoState.COMPLETED);
  }

  @Test
  void aVolumeBurstIsWorkedOffInChildrenOfAtMostMaxChild() {
    PovAlgorithm pov =
        new PovAlgorithm(
            parent(Side.SELL, "1.000", T0, T0 + 60 * MIN),
            AlgoSettings.market(TRADES),
            0.5,
            qty("0.010"),
            qty("0.300"));
    Rig rig = Rig.scripted(pov);
    rig.trade(T0, "30000.00", "10.000");
    for (int i = 1; i <= 5; i++) {
      rig.trade(T0 + i, "30000.00", "0.001");
    }
    // Target 1.000 at once; one child of at most 0.300 per event; the last takes the 0.100.
    assertThat(Rig.quantities(pov.children())).containsExactly("0.300", "0.300", "0.300", "0.100");
    assertThat(pov.progress().filled()).isEqualTo(qty("1.000"));
  }

  @Test
  void badInput() {
    ParentOrder p = parent(Side.BUY, "1.000", T0, T0 + MIN);
    AlgoSettings s = AlgoSettings.market(TRADES);
    assertThatThrownBy(() -> new PovAlgorithm(p, s, 0, qty("0.1"), qty("0.2")))
        .hasMessageContaining("participation");
    assertThatThrownBy(() -> new PovAlgorithm(p, s, Double.NaN, qty("0.1"), qty("0.2")))
        .hasMessageContaining("participation");
    assertThatThrownBy(() -> new PovAlgorithm(p, s, 0.1, qty("0"), qty("0.2")))
        .hasMessageContaining("minChild");
    assertThatThrownBy(() -> new PovAlgorithm(p, s, 0.1, qty("0.3"), qty("0.2")))
        .hasMessageContaining("maxChild");
    PovAlgorithm offGrid = new PovAlgorithm(p, s, 0.1, qty("0.0005"), qty("0.2"));
    assertThatThrownBy(() -> Rig.scripted(offGrid)).hasMessageContaining("stepSize");
  }
}

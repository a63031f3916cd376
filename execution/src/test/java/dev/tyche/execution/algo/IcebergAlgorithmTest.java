package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static dev.tyche.execution.algo.Rig.px;
import static dev.tyche.execution.algo.Rig.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IcebergAlgorithmTest {

  @Test
  void showsOnlyTheDisplayQuantityAndReplenishesOnFill() {
    IcebergAlgorithm ice =
        new IcebergAlgorithm(
            parent(Side.BUY, "1.000", T0, T0 + 60 * MIN),
            AlgoSettings.market(TRADES),
            qty("0.300"),
            Optional.of(px("29990.00")));
    Rig rig = Rig.scripted(ice);
    rig.trade(T0, "30000.00", "1.000");
    assertThat(Rig.quantities(ice.children())).containsExactly("0.300");
    assertThat(rig.scripted.isWorking(ice.children().get(0).clientOrderId())).isTrue();
    rig.trade(T0 + 1, "30000.00", "1.000"); // above our bid: nothing fills, nothing new shown
    assertThat(ice.children()).hasSize(1);
    for (int i = 2; i <= 5; i++) {
      rig.trade(T0 + i, "29990.00", "1.000"); // trades at our price: the shown child fills
      int working = 0;
      for (var c : ice.children()) {
        working += rig.scripted.isWorking(c.clientOrderId()) ? 1 : 0;
      }
      assertThat(working).isLessThanOrEqualTo(1);
    }
    assertThat(Rig.quantities(ice.children())).containsExactly("0.300", "0.300", "0.300", "0.100");
    assertThat(ice.children()).allMatch(c -> c.type() == OrderType.LIMIT);
    assertThat(ice.children())
        .allMatch(c -> c.limitPrice().orElseThrow().toString().equals("29990.00"));
    assertThat(ice.state()).isEqualTo(AlgoState.COMPLETED);
    // Arrival 30000, filled at 29990 on a buy: a gain of 1e4 * 10 / 30000 bps.
    assertThat(ice.progress().slippageBps().getAsDouble())
        .isCloseTo(-1e4 * 10 / 30_000.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void badInput() {
    ParentOrder p = parent(Side.BUY, "1.000", T0, T0 + MIN);
    AlgoSettings s = AlgoSettings.market(TRADES);
    assertThatThrownBy(() -> new IcebergAlgorithm(p, s, qty("0"), Optional.empty()))
        .hasMessageContaining("display");
    IcebergAlgorithm offGrid = new IcebergAlgorithm(p, s, qty("0.0001"), Optional.empty());
    assertThatThrownBy(() -> Rig.scripted(offGrid)).hasMessageContaining("display");
    IcebergAlgorithm offTick =
        new IcebergAlgorithm(p, s, qty("0.100"), Optional.of(px("30000.05")));
    assertThatThrownBy(() -> Rig.scripted(offTick)).hasMessageContaining("tickSize");
  }
}

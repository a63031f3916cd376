package dev.tyche.execution.algo;

import static dev.tyche.execution.algo.Rig.MIN;
import static dev.tyche.execution.algo.Rig.T0;
import static dev.tyche.execution.algo.Rig.TRADES;
import static dev.tyche.execution.algo.Rig.parent;
import static dev.tyche.execution.algo.Rig.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.AlmgrenChrissSchedule;
import dev.tyche.execution.schedule.LinearImpact;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlmgrenChrissAlgorithmTest {

  /** The example of Almgren and Chriss (2000), §3: 1e6 shares over 5 days, daily trading. */
  private static AlmgrenChrissParameters paper(Side side) {
    return AlmgrenChrissParameters.of(
        side, 1e6, 5, 5, 0.95, new LinearImpact(0.0625, 2.5e-6, 2.5e-7));
  }

  private static AlmgrenChrissAlgorithm run(double lambda, List<String> prices) {
    AlmgrenChrissAlgorithm ac =
        AlmgrenChrissAlgorithm.optimal(
            parent(Side.SELL, "1.000", T0, T0 + 5 * MIN),
            AlgoSettings.market(TRADES),
            paper(Side.SELL),
            lambda);
    Rig rig = Rig.scripted(ac);
    for (int i = 0; i < prices.size(); i++) {
      rig.trade(T0 + i * MIN, prices.get(i), "1.000");
    }
    return ac;
  }

  @Test
  void childrenFollowTheOptimalTradeListExactlyOnTheGrid() {
    List<String> prices = List.of("30000.00", "30000.00", "30000.00", "30000.00", "30000.00");
    AlmgrenChrissAlgorithm ac = run(2e-6, prices);
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(paper(Side.SELL), 2e-6);
    List<Quantity> expected = ChildSlicer.split(qty("1.000"), s.trades(), qty("0.001"));
    assertThat(ac.plannedSlices()).isEqualTo(expected);
    assertThat(ac.children()).extracting(c -> c.quantity()).containsExactlyElementsOf(expected);
    assertThat(expected.get(0)).isGreaterThan(expected.get(4)); // front-loaded
    assertThat(ac.state()).isEqualTo(AlgoState.COMPLETED);
    assertThat(ac.schedule().riskAversion()).isEqualTo(2e-6);
    // The first slice is within one step of X n_1 / sum(n).
    double first = s.trades()[0] / 1e6;
    assertThat(Math.abs(expected.get(0).toDouble() - first)).isLessThan(0.001);
    // Zero risk aversion: the linear schedule, a TWAP.
    assertThat(Rig.quantities(run(0, prices).children()))
        .containsExactly("0.200", "0.200", "0.200", "0.200", "0.200");
  }

  @Test
  void badInput() {
    ParentOrder p = parent(Side.BUY, "1.000", T0, T0 + 5 * MIN);
    AlgoSettings s = AlgoSettings.market(TRADES);
    assertThatThrownBy(() -> AlmgrenChrissAlgorithm.optimal(p, s, paper(Side.SELL), 1e-6))
        .hasMessageContaining("side");
    AlmgrenChrissParameters drift =
        new AlmgrenChrissParameters(
            Side.BUY, 1e6, 5, 5, 0.95, 50.0, new LinearImpact(0.0625, 2.5e-6, 2.5e-7));
    assertThatThrownBy(() -> AlmgrenChrissAlgorithm.optimal(p, s, drift, 0))
        .hasMessageContaining("both ways");
    assertThatThrownBy(
            () ->
                AlmgrenChrissAlgorithm.optimal(
                    parent(Side.SELL, "1", T0, T0 + 3), s, paper(Side.SELL), 0))
        .hasMessageContaining("too short");
  }
}

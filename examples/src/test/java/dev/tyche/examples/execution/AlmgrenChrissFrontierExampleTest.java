package dev.tyche.examples.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.id.Symbol;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.MainOutput;
import dev.tyche.execution.schedule.AlmgrenChrissSchedule;
import dev.tyche.execution.schedule.FrontierPoint;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AlmgrenChrissFrontierExampleTest {

  @Test
  void schedulesLiquidateAndTheFrontierTradesCostForRisk() {
    AlmgrenChrissFrontierExample.Result r =
        AlmgrenChrissFrontierExample.compute(BundledData.daily("BTCUSDT"));
    double x = r.parameters().quantity();
    assertThat(x)
        .isCloseTo(
            AlmgrenChrissFrontierExample.PARTICIPATION * r.dailyVolume(), Offset.offset(1e-9 * x));
    List<AlmgrenChrissSchedule> s = r.schedules();
    List<FrontierPoint> f = r.frontier();
    assertThat(s).hasSize(AlmgrenChrissFrontierExample.HALF_LIVES_HOURS.length + 1);
    assertThat(f).hasSameSizeAs(s);
    for (AlmgrenChrissSchedule schedule : s) {
      double[] h = schedule.holdings();
      assertThat(h[0]).isCloseTo(x, Offset.offset(1e-9 * x));
      assertThat(h[h.length - 1]).isCloseTo(0.0, Offset.offset(1e-9 * x));
      for (int k = 1; k < h.length; k++) {
        assertThat(h[k]).isLessThanOrEqualTo(h[k - 1] + 1e-9 * x);
      }
    }
    // TWAP at lambda = 0 sells the same amount every hour.
    double[] twap = s.get(0).trades();
    for (double n : twap) {
      assertThat(n).isCloseTo(x / AlmgrenChrissFrontierExample.INTERVALS, Offset.offset(1e-9 * x));
    }
    // The fixed cost epsilon X is a floor under every expected shortfall.
    double floor = r.parameters().impact().epsilon() * x;
    for (int i = 0; i < f.size(); i++) {
      assertThat(f.get(i).expectedCost()).isGreaterThanOrEqualTo(floor);
      assertThat(f.get(i).expectedCost())
          .isCloseTo(s.get(i).expectedCost(), Offset.offset(1e-6 * floor));
      if (i > 0) {
        assertThat(f.get(i).riskAversion()).isGreaterThan(f.get(i - 1).riskAversion());
        assertThat(f.get(i).expectedCost()).isGreaterThan(f.get(i - 1).expectedCost());
        assertThat(f.get(i).variance()).isLessThan(f.get(i - 1).variance());
        // Faster liquidation: less left after a quarter of the day.
        assertThat(s.get(i).holdings()[6]).isLessThan(s.get(i - 1).holdings()[6]);
      }
    }
  }

  @Test
  void rejectsTooShortAHistory() {
    BarSeries.Builder b = BarSeries.builder(Symbol.of("X"), 86_400_000L, "short");
    for (int i = 0; i < 10; i++) {
      b.add(i + 2, i * 86_400_000L, 100, 101, 99, 100, 5);
    }
    assertThatThrownBy(() -> AlmgrenChrissFrontierExample.compute(b.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("have 10");
  }

  @Test
  void mainPrintsInputsAssumptionsAndTheFrontier() {
    String out = MainOutput.of(AlmgrenChrissFrontierExample::main);
    assertThat(out)
        .contains("Assumed: spread 1 bp, taker fee 5 bp")
        .contains("linear (TWAP)", "half-life 1 h")
        .contains("not a")
        .contains("prediction of real costs");
  }
}

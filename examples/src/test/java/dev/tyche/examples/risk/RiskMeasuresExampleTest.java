package dev.tyche.examples.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.stats.Returns;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.MainOutput;
import dev.tyche.risk.var.VarEstimate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RiskMeasuresExampleTest {

  @Test
  void estimatesAndBacktestsAreConsistent() {
    double[] r = Returns.simple(BundledData.daily("BTCUSDT").closes());
    RiskMeasuresExample.Result res = RiskMeasuresExample.compute(r);
    assertThat(res.estimates()).hasSize(8);
    for (VarEstimate e : res.estimates()) {
      // Expected shortfall is the mean loss beyond VaR, so it is never smaller.
      assertThat(e.cvar()).as("%s", e).isGreaterThanOrEqualTo(e.var());
      assertThat(e.var()).as("%s", e).isPositive();
    }
    for (int m = 0; m < 4; m++) {
      // Same method at 99 % vs 95 %: a higher confidence never lowers VaR.
      assertThat(res.estimates().get(4 + m).var()).isGreaterThan(res.estimates().get(m).var());
    }
    // The historical 99 % VaR leaves about 1 % of the sample below minus it.
    double var99 = res.estimates().get(4).var();
    long below = Arrays.stream(r).filter(x -> x < -var99).count();
    assertThat(below / (double) r.length).isBetween(0.005, 0.015);

    assertThat(res.realised()).hasSize(r.length - RiskMeasuresExample.WINDOW);
    assertThat(res.realised()[0]).isEqualTo(r[RiskMeasuresExample.WINDOW]);
    for (RiskMeasuresExample.Backtest b : res.backtests()) {
      long hits = 0;
      for (int i = 0; i < res.realised().length; i++) {
        if (-res.realised()[i] > b.forecasts()[i]) {
          hits++;
        }
      }
      assertThat(b.kupiec().exceedances()).isEqualTo(hits);
      assertThat(b.kupiec().n()).isEqualTo(res.realised().length);
      assertThat(b.kupiec().pValue()).isBetween(0.0, 1.0);
      assertThat(b.christoffersen().pValue()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void theRollingHistoricalForecastUsesOnlyEarlierReturns() {
    double[] r = Returns.simple(BundledData.daily("BTCUSDT").closes());
    RiskMeasuresExample.Result full = RiskMeasuresExample.compute(r);
    // Changing the last return must not change any forecast made before it.
    double[] changed = r.clone();
    changed[changed.length - 1] = -0.5;
    RiskMeasuresExample.Result other = RiskMeasuresExample.compute(changed);
    for (int k = 0; k < 2; k++) {
      assertThat(other.backtests().get(k).forecasts())
          .containsExactly(full.backtests().get(k).forecasts());
    }
  }

  @Test
  void rejectsTooShortASample() {
    assertThatThrownBy(() -> RiskMeasuresExample.compute(new double[100]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("have 100");
  }

  @Test
  void mainPrintsTheTables() {
    String out = MainOutput.of(RiskMeasuresExample::main);
    assertThat(out)
        .contains("historical", "gaussian", "cornish fisher", "ewma")
        .contains("Kupiec p", "Christoffersen p")
        .contains("1425 test days")
        .contains("do not promise");
  }
}

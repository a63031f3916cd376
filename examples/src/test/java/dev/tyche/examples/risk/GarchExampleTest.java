package dev.tyche.examples.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.MainOutput;
import dev.tyche.risk.volatility.GarchParameters;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GarchExampleTest {

  @Test
  void theUsedFitIsReliableAndItsForecastRevertsToTheLongRunVariance() {
    GarchExample.Result r = GarchExample.compute(BundledData.daily("BTCUSDT").closes());
    assertThat(r.used().isReliable()).isTrue();
    assertThat(r.used()).isIn(r.studentT(), r.normal());
    if (r.studentT().isReliable()) {
      assertThat(r.used()).isSameAs(r.studentT());
    }
    GarchParameters p = r.used().parameters();
    assertThat(p.omega()).isPositive();
    assertThat(p.alpha1()).isNotNegative();
    assertThat(p.beta1()).isNotNegative();
    assertThat(r.used().persistence()).isLessThan(1);

    double[] h = r.used().conditionalVariances();
    assertThat(h).hasSameSizeAs(r.x());
    for (double v : h) {
      assertThat(v).isPositive();
    }
    assertThat(r.ewmaVariance()).hasSameSizeAs(r.x());

    // h_{N+k} - h_inf = persistence^(k-1) (h_{N+1} - h_inf): monotone convergence.
    double longRun = r.used().unconditionalVariance();
    double[] f = r.forecast();
    assertThat(f).hasSize(250);
    double persistence = r.used().persistence();
    for (int k = 1; k < f.length; k++) {
      assertThat(f[k] - longRun).isCloseTo(persistence * (f[k - 1] - longRun), Offset.offset(1e-9));
      assertThat(Math.abs(f[k] - longRun)).isLessThanOrEqualTo(Math.abs(f[k - 1] - longRun));
    }
    assertThat(GarchExample.annualised(1.0)).isCloseTo(Math.sqrt(365), Offset.offset(1e-12));
  }

  @Test
  void rejectsTooShortASample() {
    assertThatThrownBy(() -> GarchExample.compute(new double[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("have 10");
  }

  @Test
  void mainPrintsFitsVolatilitiesAndForecast() {
    String out = MainOutput.of(GarchExample::main);
    assertThat(out)
        .contains("Student-t", "normal", "persistence")
        .contains("Conditional volatility of the last days")
        .contains("2024-12-31")
        .contains("Forecast after the last day of data")
        .contains("not a prediction");
  }
}

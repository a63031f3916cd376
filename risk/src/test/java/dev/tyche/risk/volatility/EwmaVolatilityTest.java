package dev.tyche.risk.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Unit tests of the RiskMetrics EWMA variance. */
class EwmaVolatilityTest {

  @Test
  void handComputedRecursion() {
    double[] r = {1, 2, -3};
    double[] h = EwmaVolatility.varianceSeries(0.94, 1.0, r);
    assertThat(h).containsExactly(new double[] {1.0, 1.0, 0.94 + 0.06 * 4}, within(1e-15));
    double h4 = 0.94 * (0.94 + 0.24) + 0.06 * 9;
    assertThat(EwmaVolatility.forecast(0.94, 1.0, r)).isCloseTo(h4, within(1e-15));
    EwmaVolatility ewma = new EwmaVolatility(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA, 1.0);
    for (double v : r) {
      ewma.update(v);
    }
    assertThat(ewma.variance()).isCloseTo(h4, within(1e-15));
    assertThat(ewma.volatility()).isCloseTo(Math.sqrt(h4), within(1e-15));
    assertThat(ewma.count()).isEqualTo(3);
    assertThat(ewma.lambda()).isEqualTo(0.94);
    ewma.reset(2.0);
    assertThat(ewma.variance()).isEqualTo(2.0);
    assertThat(ewma.count()).isZero();
    assertThat(EwmaVolatility.meanSquare(new double[] {1, -3})).isEqualTo(5.0);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> new EwmaVolatility(1.0, 1.0))
        .hasMessage("lambda must be in (0, 1) but was 1.0");
    assertThatThrownBy(() -> new EwmaVolatility(Double.NaN, 1.0))
        .hasMessage("lambda must be in (0, 1) but was NaN");
    assertThatThrownBy(() -> new EwmaVolatility(0.9, 0.0))
        .hasMessage("initialVariance must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new EwmaVolatility(0.9, Double.POSITIVE_INFINITY))
        .hasMessage("initialVariance must be finite and > 0 but was Infinity");
    EwmaVolatility e = new EwmaVolatility(0.9, 1.0);
    assertThatThrownBy(() -> e.update(Double.NaN)).hasMessage("return must be finite but was NaN");
    assertThat(e.variance()).isEqualTo(1.0);
    assertThat(e.count()).isZero();
    assertThatThrownBy(() -> e.reset(-1))
        .hasMessage("initialVariance must be finite and > 0 but was -1.0");
    assertThatThrownBy(() -> EwmaVolatility.varianceSeries(0.9, 1.0, new double[0]))
        .hasMessage("returns must not be empty");
    assertThatThrownBy(
            () -> EwmaVolatility.forecast(0.9, 1.0, new double[] {1, Double.NEGATIVE_INFINITY}))
        .hasMessage("returns must be finite but returns[1] was -Infinity");
    assertThatThrownBy(() -> EwmaVolatility.varianceSeries(0.9, 1.0, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> EwmaVolatility.meanSquare(new double[] {0, 0}))
        .hasMessageContaining("non-zero return");
  }
}

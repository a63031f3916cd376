package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

  @Test
  void drawdownByHandWithRecovery() {
    // Running max 120 at index 3, trough 90 at index 4 (25 %), back above 120 at index 6.
    Drawdown d =
        PerformanceMetrics.maxDrawdown(new double[] {100, 110, 105, 120, 90, 95, 130, 125});
    assertThat(d.maxDrawdown()).isCloseTo(0.25, within(1e-15));
    assertThat(d.peakIndex()).isEqualTo(3);
    assertThat(d.troughIndex()).isEqualTo(4);
    assertThat(d.recoveryIndex()).hasValue(6);
    assertThat(d.recovered()).isTrue();
    assertThat(d.durationPeriods()).isEqualTo(3);
    assertThat(d.peakToTroughPeriods()).isEqualTo(1);
    assertThat(d.peakValue()).isEqualTo(120);
    assertThat(d.troughValue()).isEqualTo(90);
  }

  @Test
  void drawdownPeakIsTheLastIndexAtTheRunningMaximum() {
    Drawdown d = PerformanceMetrics.maxDrawdown(new double[] {100, 120, 110, 120, 90, 100});
    assertThat(d.peakIndex()).isEqualTo(3);
    assertThat(d.troughIndex()).isEqualTo(4);
    assertThat(d.recoveryIndex()).isEmpty();
    // Still underwater at the last index 5: duration counted to the end of the sample.
    assertThat(d.durationPeriods()).isEqualTo(2);
    // A recovery at exactly the peak value counts (P >= peak).
    assertThat(PerformanceMetrics.maxDrawdown(new double[] {10, 8, 10}).recoveryIndex())
        .hasValue(2);
  }

  @Test
  void noDrawdownForANonDecreasingSeries() {
    Drawdown d = PerformanceMetrics.maxDrawdown(new double[] {1, 1, 2, 3});
    assertThat(d.maxDrawdown()).isZero();
    assertThat(d.peakIndex()).isZero();
    assertThat(d.troughIndex()).isZero();
    assertThat(d.recoveryIndex()).hasValue(1);
    double[] prices = {1, 1, 2, 3};
    assertThat(PerformanceMetrics.calmarRatio(prices, 365)).isNaN();
    assertThat(PerformanceMetrics.summarize(prices, 365, 0, 0).calmar()).isNaN();
  }

  @Test
  void ratiosByHand() {
    double[] r = {0.1, -0.05, 0.02, 0.0, -0.01};
    assertThat(PerformanceMetrics.winRate(r)).isEqualTo(0.4);
    assertThat(PerformanceMetrics.profitFactor(r)).isCloseTo(0.12 / 0.06, within(1e-14));
    // Threshold 0.01: gains 0.09 + 0.01, losses 0.06 + 0.01 + 0.02.
    assertThat(PerformanceMetrics.omegaRatio(r, 0.01)).isCloseTo(0.10 / 0.09, within(1e-14));
    // Downside below 0: (0.05^2 + 0.01^2) / 5 and / 2.
    assertThat(PerformanceMetrics.downsideDeviation(r, 0))
        .isCloseTo(Math.sqrt(0.0026 / 5), within(1e-15));
    assertThat(PerformanceMetrics.downsideDeviationNegativeOnly(r, 0))
        .isCloseTo(Math.sqrt(0.0026 / 2), within(1e-15));
    assertThat(PerformanceMetrics.sortinoRatio(r, 0))
        .isCloseTo(0.012 / Math.sqrt(0.0026 / 5), within(1e-13));
    assertThat(PerformanceMetrics.annualVolatility(r, 4))
        .isCloseTo(2 * Descriptive.sampleStandardDeviation(r), within(1e-15));
    assertThat(PerformanceMetrics.arithmeticAnnualReturn(r, 12)).isCloseTo(0.144, within(1e-15));
    // Two periods doubling the price: CAGR at 2 periods per year is 100 %.
    assertThat(PerformanceMetrics.cagr(new double[] {50, 70, 100}, 2))
        .isCloseTo(1.0, within(1e-15));
    assertThat(PerformanceMetrics.totalReturn(new double[] {50, 70, 100})).isEqualTo(1.0);
  }

  @Test
  void sharpeWithRiskFreeRateByHand() {
    double[] r = {0.02, 0.04, 0.00, 0.06};
    // Excess over 0.01: 0.01, 0.03, -0.01, 0.05; mean 0.02, sample sd sqrt(0.002/3).
    double perPeriod = 0.02 / Math.sqrt(0.002 / 3);
    assertThat(PerformanceMetrics.sharpeRatio(r, 0.01)).isCloseTo(perPeriod, within(1e-12));
    assertThat(PerformanceMetrics.annualisedSharpeRatio(r, 0.01, 252))
        .isCloseTo(perPeriod * Math.sqrt(252), within(1e-11));
  }

  @Test
  void degenerateRatiosFollowTheDocumentedRules() {
    double[] flat = {0.01, 0.01, 0.01};
    assertThat(PerformanceMetrics.sharpeRatio(flat, 0)).isNaN();
    assertThat(PerformanceMetrics.annualisedSharpeRatio(flat, 0, 365)).isNaN();
    double[] gainsOnly = {0.01, 0.02, 0.0};
    assertThat(PerformanceMetrics.sortinoRatio(gainsOnly, 0)).isNaN();
    assertThat(PerformanceMetrics.annualisedSortinoRatio(gainsOnly, 0, 365)).isNaN();
    assertThat(PerformanceMetrics.downsideDeviationNegativeOnly(gainsOnly, 0)).isZero();
    assertThat(PerformanceMetrics.annualisedSortinoRatioNegativeOnly(gainsOnly, 0, 365)).isNaN();
    assertThat(PerformanceMetrics.profitFactor(gainsOnly)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PerformanceMetrics.omegaRatio(gainsOnly, -0.5)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PerformanceMetrics.profitFactor(new double[] {0, 0})).isNaN();
    assertThat(PerformanceMetrics.omegaRatio(new double[] {0.1, 0.1}, 0.1)).isNaN();
    assertThat(PerformanceMetrics.profitFactor(new double[] {-0.1})).isZero();
  }

  @Test
  void summaryHoldsTheSameNumbersAsTheSingleMethods() {
    double[] prices = {50, 55, 52, 58, 61, 45, 47, 52, 60};
    double[] r = Returns.simple(prices);
    PerformanceSummary s = PerformanceMetrics.summarize(prices, 52, 0.001, 0.002);
    assertThat(s.returnCount()).isEqualTo(8);
    assertThat(s.sharpePerPeriod()).isEqualTo(PerformanceMetrics.sharpeRatio(r, 0.001));
    assertThat(s.sortinoPerPeriod()).isEqualTo(PerformanceMetrics.sortinoRatio(r, 0.002));
    assertThat(s.annualVolatility()).isEqualTo(PerformanceMetrics.annualVolatility(r, 52));
    assertThat(s.omega()).isEqualTo(PerformanceMetrics.omegaRatio(r, 0.002));
    assertThat(s.winRate()).isEqualTo(PerformanceMetrics.winRate(r));
    assertThat(s.profitFactor()).isEqualTo(PerformanceMetrics.profitFactor(r));
    assertThat(s.maxDrawdown()).isEqualTo(PerformanceMetrics.maxDrawdown(prices).maxDrawdown());
    assertThat(s.calmarArithmetic())
        .isCloseTo(s.arithmeticAnnualReturn() / s.maxDrawdown(), within(1e-15));
    assertThat(s.periodsPerYear()).isEqualTo(52);
    assertThat(s.rfPerPeriod()).isEqualTo(0.001);
    assertThat(s.mar()).isEqualTo(0.002);
  }

  @Test
  void rejectsBadInput() {
    double[] prices = {1, 2, 3};
    double[] r = {0.1, 0.2};
    assertThatThrownBy(() -> PerformanceMetrics.cagr(prices, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodsPerYear must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> PerformanceMetrics.annualisedSharpeRatio(r, 0, -1))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.annualVolatility(r, Double.NaN))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.arithmeticAnnualReturn(r, Double.POSITIVE_INFINITY))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.annualisedSortinoRatio(r, 0, 0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.annualisedSortinoRatioNegativeOnly(r, 0, 0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.summarize(prices, -365, 0, 0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> PerformanceMetrics.summarize(new double[] {1, 2}, 365, 0, 0))
        .hasMessageContaining("at least 3 prices");
    assertThatThrownBy(() -> PerformanceMetrics.summarize(prices, 365, Double.NaN, 0))
        .hasMessageContaining("rfPerPeriod");
    assertThatThrownBy(() -> PerformanceMetrics.summarize(prices, 365, 0, Double.NaN))
        .hasMessageContaining("mar");
    assertThatThrownBy(() -> PerformanceMetrics.sharpeRatio(new double[] {0.1}, 0))
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> PerformanceMetrics.sharpeRatio(new double[] {0.1, Double.NaN}, 0))
        .hasMessageContaining("returns[1]");
    assertThatThrownBy(() -> PerformanceMetrics.downsideDeviation(new double[0], 0))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> PerformanceMetrics.downsideDeviationNegativeOnly(r, Double.NaN))
        .hasMessageContaining("mar");
    assertThatThrownBy(() -> PerformanceMetrics.omegaRatio(r, Double.POSITIVE_INFINITY))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> PerformanceMetrics.winRate(new double[0]))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> PerformanceMetrics.profitFactor(new double[] {Double.NaN}))
        .hasMessageContaining("returns[0]");
    assertThatThrownBy(() -> PerformanceMetrics.maxDrawdown(new double[] {1, -2}))
        .hasMessageContaining("prices[1]");
    assertThatThrownBy(() -> PerformanceMetrics.totalReturn(new double[] {1}))
        .hasMessageContaining("at least 2 prices");
    assertThatThrownBy(() -> PerformanceMetrics.calmarRatio(new double[] {1, Double.NaN}, 1))
        .hasMessageContaining("prices[1]");
  }

  @Test
  void recordsValidateTheirInvariants() {
    OptionalInt none = OptionalInt.empty();
    assertThatThrownBy(() -> new Drawdown(1.0, 0, 1, none, 1, 1, 0.5))
        .hasMessageContaining("maxDrawdown must be in [0, 1) but was 1.0");
    assertThatThrownBy(() -> new Drawdown(Double.NaN, 0, 1, none, 1, 1, 0.5))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Drawdown(0.5, -1, 1, none, 1, 1, 0.5))
        .hasMessageContaining("peakIndex");
    assertThatThrownBy(() -> new Drawdown(0.5, 2, 1, none, 1, 1, 0.5))
        .hasMessageContaining("troughIndex");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 1, null, 1, 1, 0.5))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("recoveryIndex");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 1, OptionalInt.of(1), 1, 1, 0.5))
        .hasMessageContaining("recoveryIndex must be > troughIndex");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 1, OptionalInt.of(3), 2, 1, 0.5))
        .hasMessageContaining("durationPeriods must be recoveryIndex - peakIndex = 3");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 2, none, 1, 1, 0.5))
        .hasMessageContaining("durationPeriods must be >=");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 1, none, 1, 0, 0.5))
        .hasMessageContaining("peakValue");
    assertThatThrownBy(() -> new Drawdown(0.5, 0, 1, none, 1, 1, 2))
        .hasMessageContaining("troughValue");
    Drawdown ok = new Drawdown(0.5, 0, 1, none, 1, 1, 0.5);
    assertThatThrownBy(
            () ->
                new PerformanceSummary(
                    1, 365, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ok, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("returnCount must be >= 2 but was 1");
    assertThatThrownBy(
            () ->
                new PerformanceSummary(
                    2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ok, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(
            () ->
                new PerformanceSummary(
                    2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(NullPointerException.class);
  }
}

package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code summarize} computes every metric in shared passes; it must equal the single-metric methods
 * bit for bit (same operations in the same order), including the zero-risk NaN and infinite cases.
 */
class PerformanceSummaryProperties {

  @Provide
  Arbitrary<double[]> prices() {
    Arbitrary<Double> step =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-0.05, 0.05), Arbitraries.of(0.0, 0.0, 0.01, -0.01));
    return step.list()
        .ofMinSize(2)
        .ofMaxSize(60)
        .map(
            (List<Double> steps) -> {
              double[] p = new double[steps.size() + 1];
              p[0] = 100.0;
              for (int i = 0; i < steps.size(); i++) {
                p[i + 1] = p[i] * (1.0 + steps.get(i));
              }
              return p;
            });
  }

  @Provide
  Arbitrary<Double> rates() {
    return Arbitraries.oneOf(
        Arbitraries.of(0.0, -0.0, 0.001, -0.002), Arbitraries.doubles().between(-0.01, 0.01));
  }

  @Property(tries = 1500)
  void summaryEqualsTheSingleMetrics(
      @ForAll("prices") double[] p, @ForAll("rates") double rf, @ForAll("rates") double mar) {
    double ppy = 365.0;
    PerformanceSummary s = PerformanceMetrics.summarize(p, ppy, rf, mar);
    double[] r = Returns.simple(p);
    assertThat(s.returnCount()).isEqualTo(r.length);
    same(s.meanReturn(), Descriptive.mean(r));
    same(s.sdReturn(), Descriptive.sampleStandardDeviation(r));
    same(s.annualVolatility(), PerformanceMetrics.annualVolatility(r, ppy));
    same(s.sharpePerPeriod(), PerformanceMetrics.sharpeRatio(r, rf));
    same(s.sharpeAnnualised(), PerformanceMetrics.annualisedSharpeRatio(r, rf, ppy));
    same(s.downsideDeviation(), PerformanceMetrics.downsideDeviation(r, mar));
    same(s.sortinoPerPeriod(), PerformanceMetrics.sortinoRatio(r, mar));
    same(s.sortinoAnnualised(), PerformanceMetrics.annualisedSortinoRatio(r, mar, ppy));
    same(
        s.downsideDeviationNegativeOnly(),
        PerformanceMetrics.downsideDeviationNegativeOnly(r, mar));
    same(
        s.sortinoAnnualisedNegativeOnly(),
        PerformanceMetrics.annualisedSortinoRatioNegativeOnly(r, mar, ppy));
    assertThat(s.drawdown()).isEqualTo(PerformanceMetrics.maxDrawdown(p));
    same(s.totalReturn(), PerformanceMetrics.totalReturn(p));
    same(s.cagr(), PerformanceMetrics.cagr(p, ppy));
    same(s.calmar(), PerformanceMetrics.calmarRatio(p, ppy));
    same(s.arithmeticAnnualReturn(), PerformanceMetrics.arithmeticAnnualReturn(r, ppy));
    same(s.omega(), PerformanceMetrics.omegaRatio(r, mar));
    same(s.winRate(), PerformanceMetrics.winRate(r));
    same(s.profitFactor(), PerformanceMetrics.profitFactor(r));
  }

  @Test
  void equalReturnsTakeTheZeroDeviationPathOfTheSingleMetrics() {
    summaryEqualsTheSingleMetrics(new double[] {100, 100, 100, 100}, 0.0, 0.0);
    summaryEqualsTheSingleMetrics(new double[] {1, 2, 4, 8, 16}, 0.001, 0.5);
    assertThat(PerformanceMetrics.summarize(new double[] {1, 2, 4, 8}, 12, 0, 0).sdReturn())
        .isZero();
  }

  @Test
  void excessReturnsThatOverflowAreRefusedAsBefore() {
    double[] p = {1e-300, 1e300, 1e300};
    assertThatThrownBy(() -> PerformanceMetrics.summarize(p, 365, 0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be finite");
  }

  private static void same(double actual, double expected) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s vs %s", actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }
}

package dev.tyche.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.data.BarSeries;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.MainOutput;
import dev.tyche.portfolio.optimize.PortfolioResult;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MarkowitzFrontierExampleTest {

  private static final Offset<Double> TOL = Offset.offset(1e-6);

  @Test
  void portfoliosAreFullyInvestedAndTheFrontierIsEfficient() {
    List<BarSeries> series = List.of(BundledData.daily("BTCUSDT"), BundledData.daily("ETHUSDT"));
    MarkowitzFrontierExample.Result r =
        MarkowitzFrontierExample.compute(BundledData.SYMBOLS, series);
    assertThat(r.returns()).hasNumberOfRows(r.days().length - 1);
    for (int i = 1; i < r.days().length; i++) {
      assertThat(r.days()[i]).isGreaterThan(r.days()[i - 1]);
    }
    PortfolioResult gmv = r.minimumVariance();
    PortfolioResult tangency = r.maximumSharpe();
    for (PortfolioResult p : List.of(gmv, tangency)) {
      assertThat(p.isOptimal()).isTrue();
      assertThat(Arrays.stream(p.weights()).sum()).isCloseTo(1.0, TOL);
      for (double w : p.weights()) {
        assertThat(w).isGreaterThanOrEqualTo(-1e-9);
      }
    }
    assertThat(Arrays.stream(r.unconstrainedMinimumVariance().weights()).sum()).isCloseTo(1.0, TOL);
    // Dropping the long-only constraint can only lower the minimum variance.
    assertThat(r.unconstrainedMinimumVariance().volatility())
        .isLessThanOrEqualTo(gmv.volatility() + 1e-12);
    // Every frontier portfolio is at least as risky as the GMV and no better in Sharpe than the
    // tangency; along the frontier, mean and volatility rise together.
    List<PortfolioResult> f = r.frontier();
    assertThat(f).hasSize(MarkowitzFrontierExample.FRONTIER_POINTS);
    for (int i = 0; i < f.size(); i++) {
      PortfolioResult p = f.get(i);
      assertThat(Arrays.stream(p.weights()).sum()).isCloseTo(1.0, TOL);
      assertThat(p.volatility()).isGreaterThanOrEqualTo(gmv.volatility() - 1e-9);
      assertThat(p.sharpeRatio()).isLessThanOrEqualTo(tangency.sharpeRatio() + 1e-9);
      if (i > 0) {
        assertThat(p.expectedReturn())
            .isGreaterThanOrEqualTo(f.get(i - 1).expectedReturn() - 1e-12);
        assertThat(p.volatility()).isGreaterThanOrEqualTo(f.get(i - 1).volatility() - 1e-12);
      }
    }
    // The portfolio's variance is w' Sigma w with the estimated covariance.
    double[] w = tangency.weights();
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * r.covariance()[i][j] * w[j];
      }
    }
    assertThat(tangency.volatility()).isCloseTo(Math.sqrt(v), TOL);
  }

  @Test
  void rejectsASingleSeries() {
    assertThatThrownBy(
            () ->
                MarkowitzFrontierExample.compute(
                    List.of("BTCUSDT"), List.of(BundledData.daily("BTCUSDT"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two series");
  }

  @Test
  void mainPrintsAssetsPortfoliosAndFrontier() {
    String out = MainOutput.of(MarkowitzFrontierExample::main);
    assertThat(out)
        .contains("BTCUSDT", "ETHUSDT", "Ledoit-Wolf", "correlation")
        .contains("min variance, long only", "max Sharpe, long only")
        .contains("Long-only efficient frontier")
        .contains("not forecasts");
  }
}

package dev.tyche.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.risk.var.PortfolioVar;
import dev.tyche.risk.var.PortfolioVarResult;
import org.junit.jupiter.api.Test;

class RiskDecompositionTest {

  // Vols 20 % and 30 %, correlation 0.1: covariance 0.2 * 0.3 * 0.1 = 0.006.
  private static final double[][] COV = {{0.04, 0.006}, {0.006, 0.09}};

  @Test
  void twoAssetContributionsByHand() {
    // w = (0.5, 0.5): Sigma w = (0.023, 0.048), w' Sigma w = 0.0355.
    RiskContributions r = RiskDecomposition.contributions(new double[] {0.5, 0.5}, COV);
    double sd = Math.sqrt(0.0355);
    assertThat(r.volatility()).isCloseTo(sd, within(1e-15));
    assertThat(r.marginal()[0]).isCloseTo(0.023 / sd, within(1e-14));
    assertThat(r.marginal()[1]).isCloseTo(0.048 / sd, within(1e-14));
    assertThat(r.component()[0]).isCloseTo(0.0115 / sd, within(1e-14));
    assertThat(r.component()[1]).isCloseTo(0.024 / sd, within(1e-14));
    assertThat(r.percent()[0]).isCloseTo(0.0115 / 0.0355, within(1e-14));
    assertThat(r.percent()[1]).isCloseTo(0.024 / 0.0355, within(1e-14));
    assertThat(RiskDecomposition.volatility(new double[] {0.5, 0.5}, COV))
        .isCloseTo(sd, within(1e-15));
  }

  @Test
  void hedgeHasNegativeContribution() {
    double[][] cov = {{0.04, 0.03}, {0.03, 0.04}};
    RiskContributions r = RiskDecomposition.contributions(new double[] {1.0, -0.5}, cov);
    // Sigma w = (0.025, 0.01): the short leg's component is -0.5 * 0.01 / sd < 0.
    assertThat(r.component()[1]).isNegative();
    assertThat(r.percent()[0] + r.percent()[1]).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void diversificationRatioByHand() {
    // w' sigma = 0.5 * 0.2 + 0.5 * 0.3 = 0.25.
    double dr = RiskDecomposition.diversificationRatio(new double[] {0.5, 0.5}, COV);
    assertThat(dr).isCloseTo(0.25 / Math.sqrt(0.0355), within(1e-14));
    // Perfectly correlated assets do not diversify.
    double[][] one = {{0.04, 0.06}, {0.06, 0.09}};
    assertThat(RiskDecomposition.diversificationRatio(new double[] {0.3, 0.7}, one))
        .isCloseTo(1.0, within(1e-12));
    // Scale-invariant.
    assertThat(RiskDecomposition.diversificationRatio(new double[] {2, 2}, COV))
        .isCloseTo(dr, within(1e-14));
  }

  @Test
  void varContributionsMatchPortfolioVarAndSum() {
    double[] w = {0.6, 0.4};
    PortfolioVarResult r = RiskDecomposition.varContributions(w, COV, 0.99);
    assertThat(r).isEqualTo(PortfolioVar.parametric(w, COV, 0.99));
    assertThat(r.componentVar()[0] + r.componentVar()[1]).isCloseTo(r.var(), within(1e-15));
    // VaR at 99 % relative to the mean: z * sigma, z = 2.3263478740408408.
    double sd = RiskDecomposition.volatility(w, COV);
    assertThat(r.var()).isCloseTo(2.3263478740408408 * sd, within(1e-13));
    PortfolioVarResult withMeans =
        RiskDecomposition.varContributions(w, new double[] {0.01, 0.02}, COV, 0.99);
    assertThat(withMeans.var()).isCloseTo(r.var() - 0.014, within(1e-15));
  }

  @Test
  void singularButPsdCovarianceIsAccepted() {
    double[][] one = {{0.04, 0.06}, {0.06, 0.09}};
    RiskContributions r = RiskDecomposition.contributions(new double[] {0.5, 0.5}, one);
    // sd = 0.5 * 0.2 + 0.5 * 0.3 = 0.25 and each asset's share is proportional to its vol.
    assertThat(r.volatility()).isCloseTo(0.25, within(1e-15));
    assertThat(r.percent()[0]).isCloseTo(0.4, within(1e-14));
  }

  @Test
  void rejectsBadInput() {
    double[] w = {0.5, 0.5};
    assertThatThrownBy(() -> RiskDecomposition.contributions(new double[] {Double.NaN, 1}, COV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[0] must be finite");
    assertThatThrownBy(
            () -> RiskDecomposition.contributions(new double[] {Double.POSITIVE_INFINITY, 1}, COV))
        .hasMessageContaining("weights[0] must be finite");
    assertThatThrownBy(() -> RiskDecomposition.contributions(new double[] {1, 0, 0}, COV))
        .hasMessageContaining("covariance must be 3x3");
    assertThatThrownBy(() -> RiskDecomposition.contributions(new double[0], new double[0][]))
        .hasMessageContaining("weights must not be empty");
    assertThatThrownBy(
            () -> RiskDecomposition.contributions(w, new double[][] {{0.04, 0.1}, {0.1, 0.09}}))
        .hasMessageContaining("positive semi-definite");
    assertThatThrownBy(
            () -> RiskDecomposition.contributions(w, new double[][] {{0.04, 0.01}, {0.0, 0.09}}))
        .hasMessageContaining("symmetric");
    assertThatThrownBy(
            () -> RiskDecomposition.contributions(w, new double[][] {{-0.04, 0}, {0, 0.09}}))
        .hasMessageContaining("must be >= 0");
    assertThatThrownBy(
            () -> RiskDecomposition.contributions(w, new double[][] {{0.04, Double.NaN}, {0, 1}}))
        .hasMessageContaining("covariance[0][1] must be finite");
    assertThatThrownBy(() -> RiskDecomposition.contributions(w, new double[][] {{0.04, 0}, {0}}))
        .hasMessageContaining("must be square");
    assertThatThrownBy(() -> RiskDecomposition.contributions(new double[] {0, 0}, COV))
        .hasMessageContaining("must be > 0");
    assertThatThrownBy(() -> RiskDecomposition.diversificationRatio(new double[] {-0.5, 1.5}, COV))
        .hasMessageContaining("long-only");
    assertThatThrownBy(() -> RiskDecomposition.diversificationRatio(new double[] {0, 0}, COV))
        .hasMessageContaining("must be > 0");
    assertThatThrownBy(() -> RiskDecomposition.varContributions(w, COV, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RiskDecomposition.varContributions(
                    w, new double[][] {{0.04, 0.1}, {0.1, 0.09}}, 0.99))
        .hasMessageContaining("positive semi-definite");
    assertThatThrownBy(() -> RiskDecomposition.contributions(null, COV))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultRecordsCopyAndValidate() {
    double[] m = {1, 2};
    RiskContributions r = new RiskContributions(1.0, m, new double[] {0.5, 0.5}, m);
    m[0] = 99;
    assertThat(r.marginal()[0]).isEqualTo(1.0);
    assertThat(r)
        .isEqualTo(
            new RiskContributions(
                1.0, new double[] {1, 2}, new double[] {0.5, 0.5}, new double[] {1, 2}));
    assertThat(r.hashCode())
        .isEqualTo(
            new RiskContributions(
                    1.0, new double[] {1, 2}, new double[] {0.5, 0.5}, new double[] {1, 2})
                .hashCode());
    assertThat(r.toString()).contains("volatility=1.0");
    assertThatThrownBy(() -> new RiskContributions(0.0, m, m, m))
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> new RiskContributions(1.0, m, new double[] {1}, m))
        .hasMessageContaining("length");
  }
}

package dev.tyche.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskBudgetingTest {

  @Test
  void diagonalCovarianceGivesInverseVolatilityWeights() {
    // Uncorrelated assets: w_i^2 sigma_i^2 equal => w_i proportional to 1/sigma_i.
    // Vols 0.1, 0.2, 0.4 => (4, 2, 1)/7.
    double[][] cov = {{0.01, 0, 0}, {0, 0.04, 0}, {0, 0, 0.16}};
    RiskBudgetResult r = RiskBudgeting.equalRiskContribution(cov);
    assertThat(r.converged()).isTrue();
    assertThat(r.status()).isEqualTo(ConvergenceStatus.CONVERGED);
    assertThat(r.weights()[0]).isCloseTo(4.0 / 7, within(1e-10));
    assertThat(r.weights()[1]).isCloseTo(2.0 / 7, within(1e-10));
    assertThat(r.weights()[2]).isCloseTo(1.0 / 7, within(1e-10));
    assertThat(r.residual()).isLessThanOrEqualTo(1e-10);
  }

  @Test
  void constantCorrelationGivesInverseVolatilityWeights() {
    // Maillard, Roncalli and Teiletche (2010): with one common correlation, ERC = inverse vol.
    double[] vol = {0.1, 0.25, 0.4, 0.6};
    double rho = 0.3;
    double[][] cov = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        cov[i][j] = (i == j ? 1.0 : rho) * vol[i] * vol[j];
      }
    }
    RiskBudgetResult r = RiskBudgeting.equalRiskContribution(cov);
    double norm = 1 / 0.1 + 1 / 0.25 + 1 / 0.4 + 1 / 0.6;
    for (int i = 0; i < 4; i++) {
      assertThat(r.weights()[i]).isCloseTo(1 / vol[i] / norm, within(1e-10));
      assertThat(r.percentContributions()[i]).isCloseTo(0.25, within(1e-10));
    }
    assertThat(r.volatility())
        .isCloseTo(RiskDecomposition.volatility(r.weights(), cov), within(1e-15));
  }

  @Test
  void budgetsOnUncorrelatedAssets() {
    // Uncorrelated: w_i^2 sigma_i^2 proportional to b_i => w_i proportional to sqrt(b_i)/sigma_i.
    double[][] cov = {{0.04, 0}, {0, 0.09}};
    double[] b = {0.8, 0.2};
    RiskBudgetResult r = RiskBudgeting.solve(cov, b);
    double a = Math.sqrt(0.8) / 0.2;
    double c = Math.sqrt(0.2) / 0.3;
    assertThat(r.weights()[0]).isCloseTo(a / (a + c), within(1e-10));
    assertThat(r.percentContributions()[0]).isCloseTo(0.8, within(1e-10));
    assertThat(r.budgets()).containsExactly(0.8, 0.2);
  }

  @Test
  void correlatedBudgetsMatchIndependentDecomposition() {
    double[][] cov = {
      {0.04, 0.018, -0.004, 0.006},
      {0.018, 0.09, 0.012, 0.015},
      {-0.004, 0.012, 0.01, 0.002},
      {0.006, 0.015, 0.002, 0.0625}
    };
    double[] b = {0.1, 0.2, 0.3, 0.4};
    RiskBudgetResult r =
        RiskBudgeting.solve(cov, b, new RiskBudgetOptions(RiskBudgetMethod.NEWTON, 1e-12, 100));
    assertThat(r.converged()).isTrue();
    RiskContributions check = RiskDecomposition.contributions(r.weights(), cov);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      assertThat(check.percent()[i]).isCloseTo(b[i], within(1e-11));
      assertThat(r.weights()[i]).isPositive();
      sum += r.weights()[i];
    }
    assertThat(sum).isCloseTo(1.0, within(1e-14));
  }

  @Test
  void reportsWhenTheSweepLimitStopsIt() {
    double[][] cov = {{0.04, 0.03, 0.0}, {0.03, 0.09, 0.02}, {0.0, 0.02, 0.01}};
    RiskBudgetResult r =
        RiskBudgeting.equalRiskContribution(
            cov, new RiskBudgetOptions(RiskBudgetMethod.COORDINATE_DESCENT, 1e-15, 1));
    assertThat(r.status()).isEqualTo(ConvergenceStatus.MAX_ITERATIONS_REACHED);
    assertThat(r.converged()).isFalse();
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.residual()).isGreaterThan(1e-15);
  }

  @Test
  void coordinateDescentAgreesWithNewton() {
    double[][] cov = {
      {0.04, 0.018, -0.004, 0.006},
      {0.018, 0.09, 0.012, 0.015},
      {-0.004, 0.012, 0.01, 0.002},
      {0.006, 0.015, 0.002, 0.0625}
    };
    double[] b = {0.4, 0.3, 0.2, 0.1};
    RiskBudgetResult newton = RiskBudgeting.solve(cov, b);
    RiskBudgetResult ccd =
        RiskBudgeting.solve(
            cov, b, new RiskBudgetOptions(RiskBudgetMethod.COORDINATE_DESCENT, 1e-12, 100_000));
    assertThat(newton.converged()).isTrue();
    assertThat(ccd.converged()).isTrue();
    assertThat(newton.iterations()).isLessThan(50);
    for (int i = 0; i < 4; i++) {
      assertThat(ccd.weights()[i]).isCloseTo(newton.weights()[i], within(1e-9));
    }
  }

  @Test
  void newtonHandlesNearlyCollinearAssets() {
    // Correlations of 0.999: coordinate descent crawls here, Newton does not.
    double[] vol = {0.5, 0.6, 0.8};
    double[][] cov = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        cov[i][j] = (i == j ? 1.0 : 0.999) * vol[i] * vol[j];
      }
    }
    RiskBudgetResult r = RiskBudgeting.equalRiskContribution(cov);
    assertThat(r.converged()).isTrue();
    double norm = 1 / 0.5 + 1 / 0.6 + 1 / 0.8;
    assertThat(r.weights()[2]).isCloseTo(1 / 0.8 / norm, within(1e-9));
  }

  @Test
  void singleAssetGetsEverything() {
    RiskBudgetResult r = RiskBudgeting.equalRiskContribution(new double[][] {{0.04}});
    assertThat(r.weights()).containsExactly(1.0);
    assertThat(r.iterations()).isZero();
  }

  @Test
  void rejectsBadInput() {
    double[][] cov = {{0.04, 0}, {0, 0.09}};
    assertThatThrownBy(() -> RiskBudgeting.solve(cov, new double[] {0.5, 0.6}))
        .hasMessageContaining("budgets must sum to 1");
    assertThatThrownBy(() -> RiskBudgeting.solve(cov, new double[] {1.0, 0.0}))
        .hasMessageContaining("budgets[1] must be > 0");
    assertThatThrownBy(() -> RiskBudgeting.solve(cov, new double[] {Double.NaN, 0.5}))
        .hasMessageContaining("budgets[0] must be finite");
    assertThatThrownBy(() -> RiskBudgeting.solve(cov, new double[] {0.2, 0.3, 0.5}))
        .hasMessageContaining("covariance must be 3x3");
    assertThatThrownBy(
            () -> RiskBudgeting.equalRiskContribution(new double[][] {{0.04, 0}, {0, 0}}))
        .hasMessageContaining("without variance");
    assertThatThrownBy(
            () -> RiskBudgeting.equalRiskContribution(new double[][] {{0.04, 0.1}, {0.1, 0.09}}))
        .hasMessageContaining("positive semi-definite");
    assertThatThrownBy(() -> RiskBudgeting.equalRiskContribution(new double[0][]))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new RiskBudgetOptions(RiskBudgetMethod.NEWTON, 0.0, 10))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new RiskBudgetOptions(RiskBudgetMethod.NEWTON, Double.NaN, 10))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new RiskBudgetOptions(RiskBudgetMethod.NEWTON, 1e-8, 0))
        .hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> new RiskBudgetOptions(null, 1e-8, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultRecordIsAValue() {
    double[][] cov = {{0.04, 0.01}, {0.01, 0.09}};
    RiskBudgetResult a = RiskBudgeting.equalRiskContribution(cov);
    RiskBudgetResult b = RiskBudgeting.equalRiskContribution(cov);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("CONVERGED");
    double[] w = a.weights();
    w[0] = 7;
    assertThat(a.weights()[0]).isNotEqualTo(7);
    assertThatThrownBy(
            () ->
                new RiskBudgetResult(
                    new double[] {1},
                    new double[] {1},
                    new double[] {1},
                    -1,
                    ConvergenceStatus.CONVERGED,
                    0,
                    0))
        .hasMessageContaining("volatility");
    assertThatThrownBy(
            () ->
                new RiskBudgetResult(
                    new double[] {1},
                    new double[] {1},
                    new double[] {1},
                    1,
                    ConvergenceStatus.CONVERGED,
                    -1,
                    0))
        .hasMessageContaining("iterations");
    assertThatThrownBy(
            () ->
                new RiskBudgetResult(
                    new double[] {1},
                    new double[] {1},
                    new double[] {1},
                    1,
                    ConvergenceStatus.CONVERGED,
                    0,
                    Double.NaN))
        .hasMessageContaining("residual");
  }
}

package dev.tyche.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.portfolio.qp.QpStatus;
import dev.tyche.risk.covariance.LedoitWolf;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeanVarianceOptimizerTest {

  // Three assets, hand-checkable: uncorrelated, variances 0.04, 0.09, 0.16 (per period).
  static final double[][] SIGMA = {{0.04, 0, 0}, {0, 0.09, 0}, {0, 0, 0.16}};
  static final double[] MU = {0.01, 0.02, 0.03};

  static MeanVarianceOptimizer opt(double rf) {
    return new MeanVarianceOptimizer(MU, SIGMA, rf, 365);
  }

  @Test
  void gmvOfUncorrelatedAssetsIsInverseVarianceWeighted() {
    PortfolioResult r = opt(0).minimumVariance(PortfolioConstraints.unconstrained(3));
    double a = 1 / 0.04;
    double b = 1 / 0.09;
    double c = 1 / 0.16;
    double s = a + b + c;
    assertThat(r.status()).isEqualTo(PortfolioStatus.OPTIMAL);
    assertThat(r.weights()).containsExactly(new double[] {a / s, b / s, c / s}, within(1e-12));
    assertThat(r.volatility()).isCloseTo(Math.sqrt(1 / s), within(1e-12));
    assertThat(r.annualizedVolatility()).isCloseTo(Math.sqrt(365 / s), within(1e-10));
    assertThat(r.annualizedReturn()).isCloseTo(r.expectedReturn() * 365, within(1e-12));
    assertThat(r.annualizedSharpe()).isCloseTo(r.sharpeRatio() * Math.sqrt(365), within(1e-12));
    assertThat(r.diagnostics().ridge()).isZero();
    assertThat(r.qpSolves()).isEqualTo(1);
  }

  @Test
  void unconstrainedTangencyMatchesClosedForm() {
    double rf = 0.005;
    PortfolioResult r = opt(rf).maximumSharpe(PortfolioConstraints.unconstrained(3));
    double[] z = new double[3];
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      z[i] = (MU[i] - rf) / SIGMA[i][i];
      sum += z[i];
    }
    for (int i = 0; i < 3; i++) {
      assertThat(r.weights()[i]).isCloseTo(z[i] / sum, within(1e-12));
    }
  }

  @Test
  void maxSharpeLongOnlyWithEveryReturnBelowRiskFreeIsInfeasible() {
    PortfolioResult r = opt(0.05).maximumSharpe(PortfolioConstraints.longOnly(3));
    assertThat(r.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
    assertThat(r.message()).contains("risk-free");
    assertThat(r.weights()[0]).isNaN();
    assertThat(r.expectedReturn()).isNaN();
    assertThat(r.diagnostics().status()).isEqualTo(QpStatus.INFEASIBLE);
  }

  @Test
  void unattainedSharpeIsUnbounded() {
    // Unconstrained with 1'Sigma^-1(mu - rf) < 0: the supremum is only approached at infinity.
    PortfolioResult r = opt(0.05).maximumSharpe(PortfolioConstraints.unconstrained(3));
    assertThat(r.status()).isEqualTo(PortfolioStatus.UNBOUNDED);
    assertThat(r.weights()[1]).isNaN();
  }

  @Test
  void targetReturnOutOfReachIsInfeasible() {
    PortfolioResult r = opt(0).minimumVarianceForReturn(0.05, PortfolioConstraints.longOnly(3));
    assertThat(r.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
    assertThat(r.message()).contains("target");
    PortfolioResult ok =
        opt(0).minimumVarianceForReturn(0.05, PortfolioConstraints.unconstrained(3));
    assertThat(ok.isOptimal()).isTrue();
    assertThat(ok.expectedReturn()).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void boundsThatCannotReachTheBudgetAreInfeasible() {
    PortfolioResult r = opt(0).minimumVariance(PortfolioConstraints.box(3, 0, 0.3));
    assertThat(r.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
    assertThat(r.message()).contains("no portfolio");
  }

  @Test
  void groupLeverageTurnoverAndBudgetAreRespected() {
    PortfolioConstraints c =
        PortfolioConstraints.unconstrained(3)
            .withBudget(0.5)
            .withGroup(new GroupBound(new int[] {1, 2}, 0.4, 0.45))
            .withMaxLeverage(1.0);
    PortfolioResult r = opt(0).minimumVariance(c);
    double[] w = r.weights();
    assertThat(w[0] + w[1] + w[2]).isCloseTo(0.5, within(1e-12));
    assertThat(w[1] + w[2]).isBetween(0.4 - 1e-12, 0.45 + 1e-12);
    assertThat(Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2])).isLessThanOrEqualTo(1 + 1e-9);
    assertThat(r.diagnostics().x()).hasSize(6);

    double[] w0 = {1, 0, 0};
    PortfolioConstraints t = PortfolioConstraints.longOnly(3).withTurnover(w0, 0.2);
    PortfolioResult rt = opt(0).minimumVariance(t);
    double turnover = 0;
    for (int i = 0; i < 3; i++) {
      turnover += Math.abs(rt.weights()[i] - w0[i]);
    }
    assertThat(turnover).isCloseTo(0.2, within(1e-8));
    assertThat(rt.weights()[0]).isCloseTo(0.9, within(1e-8));
  }

  @Test
  void leverageCapBindsOnALongShortUtilityPortfolio() {
    PortfolioConstraints c = PortfolioConstraints.unconstrained(3).withMaxLeverage(1.5);
    PortfolioResult free = opt(0).maximumUtility(0.05, PortfolioConstraints.unconstrained(3));
    PortfolioResult capped = opt(0).maximumUtility(0.05, c);
    double grossFree = 0;
    double gross = 0;
    for (int i = 0; i < 3; i++) {
      grossFree += Math.abs(free.weights()[i]);
      gross += Math.abs(capped.weights()[i]);
    }
    assertThat(grossFree).isGreaterThan(1.5);
    assertThat(gross).isCloseTo(1.5, within(1e-7));
  }

  @Test
  void highCostsKeepTheCurrentPortfolio() {
    double[] w0 = {0.2, 0.3, 0.5};
    PortfolioConstraints c =
        PortfolioConstraints.longOnly(3).withCosts(w0, new double[] {1e4, 1e4, 1e4});
    PortfolioResult r = opt(0).maximumUtility(2, c);
    assertThat(r.weights()).containsExactly(w0, within(1e-7));
    assertThat(r.transactionCost()).isCloseTo(0, within(1e-6));
    PortfolioResult noCost = opt(0).maximumUtility(2, PortfolioConstraints.longOnly(3));
    // Moderate costs: the move is smaller than without costs, but not zero.
    PortfolioConstraints m =
        PortfolioConstraints.longOnly(3).withCosts(w0, new double[] {50, 50, 50});
    PortfolioResult rm = opt(0).maximumUtility(2, m);
    double moveFree = 0;
    double moveCost = 0;
    for (int i = 0; i < 3; i++) {
      moveFree += Math.abs(noCost.weights()[i] - w0[i]);
      moveCost += Math.abs(rm.weights()[i] - w0[i]);
    }
    assertThat(moveFree).isGreaterThan(0.3);
    assertThat(moveCost).isLessThan(moveFree - 0.01).isGreaterThan(0.01);
    assertThat(rm.transactionCost()).isCloseTo(m.transactionCost(rm.weights()), within(1e-15));
    // Costs also reach the Sharpe and target-return problems.
    PortfolioResult s = opt(0).maximumSharpe(c);
    assertThat(s.weights()).containsExactly(w0, within(1e-6));
    PortfolioResult t = opt(0).minimumVarianceForReturn(0.02, m);
    assertThat(t.expectedReturn() - t.transactionCost()).isGreaterThanOrEqualTo(0.02 - 1e-10);
  }

  @Test
  void utilityAndTargetVolatilityAreConsistent() {
    PortfolioConstraints c = PortfolioConstraints.longOnly(3);
    PortfolioResult u = opt(0).maximumUtility(3.0, c);
    PortfolioResult v = opt(0).maximumReturnForVolatility(u.volatility(), c);
    assertThat(v.isOptimal()).isTrue();
    assertThat(v.volatility()).isLessThanOrEqualTo(u.volatility() * (1 + 1e-9));
    assertThat(v.expectedReturn()).isCloseTo(u.expectedReturn(), within(1e-8));
    assertThat(v.qpSolves()).isGreaterThan(2);

    PortfolioResult tooLow = opt(0).maximumReturnForVolatility(0.01, c);
    assertThat(tooLow.status()).isEqualTo(PortfolioStatus.INFEASIBLE);
    assertThat(tooLow.message()).contains("minimum attainable");

    PortfolioResult slack = opt(0).maximumReturnForVolatility(1.0, c);
    assertThat(slack.isOptimal()).isTrue();
    assertThat(slack.weights()[2]).isCloseTo(1.0, within(1e-6));
    assertThat(slack.message()).contains("slack");
  }

  @Test
  void frontierRunsFromGmvToTheMaximumReturn() {
    List<PortfolioResult> f = opt(0).efficientFrontier(5, PortfolioConstraints.longOnly(3));
    assertThat(f).hasSize(5);
    assertThat(f.get(4).expectedReturn()).isCloseTo(0.03, within(1e-9));
    for (int k = 1; k < 5; k++) {
      assertThat(f.get(k).expectedReturn()).isGreaterThan(f.get(k - 1).expectedReturn());
      assertThat(f.get(k).volatility()).isGreaterThan(f.get(k - 1).volatility());
    }
    List<PortfolioResult> open = opt(0).efficientFrontier(3, PortfolioConstraints.unconstrained(3));
    assertThat(open.get(2).expectedReturn()).isCloseTo(0.03, within(1e-9));
    List<PortfolioResult> bad = opt(0).efficientFrontier(3, PortfolioConstraints.box(3, 0, 0.1));
    assertThat(bad).hasSize(1);
    assertThat(bad.get(0).status()).isEqualTo(PortfolioStatus.INFEASIBLE);
  }

  @Test
  void worksWithAShrunkCovarianceFromRisk() {
    double[][] returns = new double[40][3];
    java.util.Random rnd = new java.util.Random(7);
    for (double[] row : returns) {
      double f = rnd.nextGaussian();
      for (int j = 0; j < 3; j++) {
        row[j] = 0.01 * (f + rnd.nextGaussian()) + 0.001 * j;
      }
    }
    double[][] lw = LedoitWolf.scaledIdentity(returns).covariance();
    MeanVarianceOptimizer o =
        new MeanVarianceOptimizer(
            dev.tyche.risk.covariance.CovarianceEstimators.columnMeans(returns), lw, 0, 365);
    assertThat(o.minimumVariance(PortfolioConstraints.longOnly(3)).isOptimal()).isTrue();
    MeanVarianceOptimizer s = MeanVarianceOptimizer.fromReturns(returns, 0, 252);
    assertThat(s.assets()).isEqualTo(3);
    assertThat(s.minimumVariance(PortfolioConstraints.longOnly(3)).periodsPerYear()).isEqualTo(252);
  }

  @Test
  void singularCovarianceIsRidgedAndSaysSo() {
    double[][] singular = {{0.04, 0.04}, {0.04, 0.04}};
    PortfolioResult r =
        new MeanVarianceOptimizer(new double[] {0.01, 0.01}, singular, 0, 365)
            .minimumVariance(PortfolioConstraints.longOnly(2));
    assertThat(r.isOptimal()).isTrue();
    assertThat(r.diagnostics().ridge()).isPositive();
    assertThat(r.message()).contains("ridged");
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> new MeanVarianceOptimizer(new double[0], new double[0][0], 0, 365))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                new MeanVarianceOptimizer(new double[] {Double.NaN}, new double[][] {{1}}, 0, 365))
        .hasMessageContaining("expectedReturns must be finite");
    assertThatThrownBy(
            () ->
                new MeanVarianceOptimizer(
                    new double[] {0}, new double[][] {{Double.POSITIVE_INFINITY}}, 0, 365))
        .hasMessageContaining("covariance must be finite");
    assertThatThrownBy(
            () -> new MeanVarianceOptimizer(new double[] {0}, new double[][] {{-1}}, 0, 365))
        .hasMessageContaining("diagonal");
    assertThatThrownBy(
            () ->
                new MeanVarianceOptimizer(
                    new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}, 0, 365))
        .hasMessageContaining("symmetric");
    assertThatThrownBy(
            () -> new MeanVarianceOptimizer(new double[] {0, 0}, new double[][] {{1}}, 0, 365))
        .hasMessageContaining("2 x 2");
    assertThatThrownBy(
            () ->
                new MeanVarianceOptimizer(
                    new double[] {0, 0}, new double[][] {{1, 0}, {0}}, 0, 365))
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> new MeanVarianceOptimizer(MU, SIGMA, Double.NaN, 365))
        .hasMessageContaining("riskFreeRate");
    assertThatThrownBy(() -> new MeanVarianceOptimizer(MU, SIGMA, 0, 0))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> new MeanVarianceOptimizer(null, SIGMA, 0, 1))
        .isInstanceOf(NullPointerException.class);
    MeanVarianceOptimizer o = opt(0);
    assertThatThrownBy(() -> o.minimumVariance(PortfolioConstraints.longOnly(2)))
        .hasMessageContaining("3 assets");
    assertThatThrownBy(() -> o.maximumSharpe(PortfolioConstraints.longOnly(3).withBudget(0)))
        .hasMessageContaining("budget > 0");
    assertThatThrownBy(() -> o.maximumUtility(0, PortfolioConstraints.longOnly(3)))
        .hasMessageContaining("riskAversion");
    assertThatThrownBy(
            () -> o.maximumUtility(Double.POSITIVE_INFINITY, PortfolioConstraints.longOnly(3)))
        .hasMessageContaining("riskAversion");
    assertThatThrownBy(() -> o.maximumReturnForVolatility(-1, PortfolioConstraints.longOnly(3)))
        .hasMessageContaining("targetVolatility");
    assertThatThrownBy(
            () -> o.minimumVarianceForReturn(Double.NaN, PortfolioConstraints.longOnly(3)))
        .hasMessageContaining("target");
    assertThatThrownBy(() -> o.efficientFrontier(1, PortfolioConstraints.longOnly(3)))
        .hasMessageContaining("points");
  }

  @Test
  void constraintValidation() {
    assertThatThrownBy(() -> PortfolioConstraints.longOnly(0))
        .hasMessageContaining("n must be >= 1");
    assertThatThrownBy(() -> PortfolioConstraints.box(2, 1, 0)).hasMessageContaining("lower[0]");
    assertThatThrownBy(() -> PortfolioConstraints.box(2, Double.NaN, 0))
        .hasMessageContaining("lower[0]");
    assertThatThrownBy(() -> PortfolioConstraints.box(2, 0, Double.NEGATIVE_INFINITY))
        .hasMessageContaining("upper[0]");
    PortfolioConstraints c = PortfolioConstraints.longOnly(2);
    assertThatThrownBy(() -> c.withBudget(Double.NaN)).hasMessageContaining("budget");
    assertThatThrownBy(() -> c.withBounds(new double[1], new double[2]))
        .hasMessageContaining("length 2");
    assertThatThrownBy(() -> c.withBounds(null, new double[2]))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> c.withGroup(new GroupBound(new int[] {2}, 0, 1)))
        .hasMessageContaining("< 2");
    assertThatThrownBy(() -> c.withMaxLeverage(0)).hasMessageContaining("maxLeverage");
    assertThatThrownBy(() -> c.withTurnover(new double[2], -1)).hasMessageContaining("maxTurnover");
    assertThatThrownBy(() -> c.withTurnover(new double[] {0, Double.NaN}, 1))
        .hasMessageContaining("currentWeights");
    assertThatThrownBy(() -> c.withCosts(new double[2], new double[] {-1, 0}))
        .hasMessageContaining("costBps");
    assertThatThrownBy(() -> c.transactionCost(new double[3])).hasMessageContaining("length 2");
    assertThatThrownBy(() -> new GroupBound(new int[0], 0, 1)).hasMessageContaining("empty");
    assertThatThrownBy(() -> new GroupBound(new int[] {1, 1}, 0, 1))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new GroupBound(new int[] {-1}, 0, 1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new GroupBound(new int[] {0}, Double.NaN, 1))
        .hasMessageContaining("lower");
    assertThatThrownBy(() -> new GroupBound(new int[] {0}, 0, Double.NaN))
        .hasMessageContaining("upper");
    assertThatThrownBy(() -> new GroupBound(new int[] {0}, 2, 1)).hasMessageContaining("<= upper");

    PortfolioConstraints d =
        c.withBounds(new double[] {-1, -1}, new double[] {1, 2})
            .withBudget(2)
            .withMaxLeverage(3)
            .withTurnover(new double[] {0.5, 0.5}, 1)
            .withCosts(new double[] {0.5, 0.5}, new double[] {10, 0});
    assertThat(d.assets()).isEqualTo(2);
    assertThat(d.budget()).isEqualTo(2);
    assertThat(d.lower()).containsExactly(-1, -1);
    assertThat(d.upper()).containsExactly(1, 2);
    assertThat(d.maxLeverage()).isEqualTo(3);
    assertThat(d.maxTurnover()).isEqualTo(1);
    assertThat(d.currentWeights()).containsExactly(0.5, 0.5);
    assertThat(d.costBps()).containsExactly(10, 0);
    assertThat(d.hasCosts()).isTrue();
    assertThat(d.isBounded()).isTrue();
    assertThat(d.transactionCost(new double[] {1.5, 0.5})).isCloseTo(1e-3, within(1e-15));
    assertThat(PortfolioConstraints.unconstrained(2).isBounded()).isFalse();
    assertThat(PortfolioConstraints.unconstrained(2).hasCosts()).isFalse();
    GroupBound g = new GroupBound(new int[] {0, 1}, 0, 1);
    assertThat(g)
        .isEqualTo(new GroupBound(new int[] {0, 1}, 0, 1))
        .hasSameHashCodeAs(new GroupBound(new int[] {0, 1}, 0, 1));
    assertThat(g.toString()).contains("[0, 1]");
    assertThat(c.withGroup(g).groups()).containsExactly(g);
  }

  @Test
  void resultValidatesAndComparesByValue() {
    PortfolioResult r = opt(0).minimumVariance(PortfolioConstraints.longOnly(3));
    PortfolioResult again = opt(0).minimumVariance(PortfolioConstraints.longOnly(3));
    assertThat(r).isEqualTo(again).hasSameHashCodeAs(again);
    assertThat(r.toString()).contains("OPTIMAL");
    assertThatThrownBy(
            () ->
                new PortfolioResult(
                    new double[1], 0, 0, 0, 0, 0, PortfolioStatus.OPTIMAL, "", r.diagnostics(), 1))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(
            () ->
                new PortfolioResult(
                    new double[1], 0, 0, 0, 0, 1, PortfolioStatus.OPTIMAL, "", r.diagnostics(), -1))
        .hasMessageContaining("qpSolves");
  }
}

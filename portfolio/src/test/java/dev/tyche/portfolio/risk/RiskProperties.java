package dev.tyche.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.risk.var.PortfolioVarResult;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class RiskProperties {

  private static double[] randomWeights(long seed, int n, boolean longOnly) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = longOnly ? 0.01 + rng.nextDouble() : rng.nextDouble() * 2 - 0.5;
    }
    return w;
  }

  @Property(tries = 300)
  void percentContributionsSumToOneAndComponentsToVolatility(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
    double[][] cov = RandomCovariance.of(seed, n);
    double[] w = randomWeights(seed, n, false);
    RiskContributions r = RiskDecomposition.contributions(w, cov);
    double pct = 0;
    double comp = 0;
    for (int i = 0; i < n; i++) {
      pct += r.percent()[i];
      comp += r.component()[i];
      assertThat(r.component()[i]).isCloseTo(w[i] * r.marginal()[i], within(1e-15));
    }
    assertThat(pct).isCloseTo(1.0, within(1e-12));
    assertThat(comp).isCloseTo(r.volatility(), within(1e-12 * r.volatility()));
  }

  @Property(tries = 200)
  void componentVarSumsToVar(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int n,
      @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double confidence) {
    double[][] cov = RandomCovariance.of(seed, n);
    double[] w = randomWeights(seed, n, false);
    PortfolioVarResult r = RiskDecomposition.varContributions(w, cov, confidence);
    double sum = 0;
    for (double c : r.componentVar()) {
      sum += c;
    }
    assertThat(sum).isCloseTo(r.var(), within(1e-12 * Math.max(1e-3, Math.abs(r.var()))));
  }

  @Property(tries = 200)
  void ercEqualisesContributionsAndSumsToOne(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int n) {
    double[][] cov = RandomCovariance.of(seed, n);
    RiskBudgetResult r = RiskBudgeting.equalRiskContribution(cov);
    assertThat(r.converged()).isTrue();
    double[] w = r.weights();
    double sum = 0;
    for (double v : w) {
      assertThat(v).isPositive();
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    // Checked independently of the solver's own residual.
    RiskContributions check = RiskDecomposition.contributions(w, cov);
    for (int i = 0; i < n; i++) {
      assertThat(check.percent()[i]).isCloseTo(1.0 / n, within(1e-9));
    }
  }

  @Property(tries = 100)
  void coordinateDescentMeetsBudgetsToo(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
    double[][] cov = RandomCovariance.of(seed, n);
    RiskBudgetResult r =
        RiskBudgeting.equalRiskContribution(
            cov, new RiskBudgetOptions(RiskBudgetMethod.COORDINATE_DESCENT, 1e-9, 1_000_000));
    assertThat(r.converged()).isTrue();
    RiskContributions check = RiskDecomposition.contributions(r.weights(), cov);
    for (int i = 0; i < n; i++) {
      assertThat(check.percent()[i]).isCloseTo(1.0 / n, within(1e-8));
    }
  }

  @Property(tries = 200)
  void riskBudgetsAreMet(@ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int n) {
    double[][] cov = RandomCovariance.of(seed, n);
    double[] b = randomWeights(seed + 1, n, true);
    double total = 0;
    for (double v : b) {
      total += v;
    }
    for (int i = 0; i < n; i++) {
      b[i] /= total;
    }
    RiskBudgetResult r = RiskBudgeting.solve(cov, b);
    assertThat(r.converged()).isTrue();
    RiskContributions check = RiskDecomposition.contributions(r.weights(), cov);
    for (int i = 0; i < n; i++) {
      assertThat(check.percent()[i]).isCloseTo(b[i], within(1e-9));
    }
  }

  @Property(tries = 200)
  void diversificationRatioIsAtLeastOne(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int n) {
    double[][] cov = RandomCovariance.of(seed, n);
    double[] w = randomWeights(seed, n, true);
    assertThat(RiskDecomposition.diversificationRatio(w, cov)).isGreaterThanOrEqualTo(1.0 - 1e-12);
  }
}

package dev.tyche.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class ValueAtRiskTest {

  /** Ten returns, hand-sortable: -0.05 -0.04 -0.03 -0.02 -0.01 0 0.01 0.02 0.03 0.04. */
  private static final double[] TEN = {
    0.01, -0.05, 0.03, 0.0, -0.02, 0.04, -0.04, 0.02, -0.01, -0.03
  };

  @Test
  void historicalByHand() {
    // a = 0.85, p = 0.15 (1 - 0.85 = 0.15000000000000002): h = 9p = 1.35 -> Q7 = -0.04 + 0.35 *
    // 0.01; k = ceil(1.5) = 2 -> Q1 = -0.04; worst-2 mean = -0.045; below Q7: {-0.05, -0.04}.
    HistoricalVarReport r = ValueAtRisk.historicalReport(TEN, 0.85);
    assertThat(r.n()).isEqualTo(10);
    assertThat(r.quantileType7()).isCloseTo(-0.0365, within(1e-15));
    assertThat(r.varType7()).isCloseTo(0.0365, within(1e-15));
    assertThat(r.kWorst()).isEqualTo(2);
    assertThat(r.varType1()).isEqualTo(0.04);
    assertThat(r.cvarWorstKMean()).isCloseTo(0.045, within(1e-15));
    assertThat(r.cvarBelowType7Quantile()).isCloseTo(0.045, within(1e-15));
    assertThat(r.var(QuantileRule.TYPE_1_INVERSE_ECDF)).isEqualTo(r.varType1());
    assertThat(r.cvar(CvarRule.BELOW_TYPE_7_QUANTILE)).isEqualTo(r.cvarBelowType7Quantile());

    VarEstimate e =
        ValueAtRisk.historical(TEN, 0.85, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN);
    assertThat(e.method()).isEqualTo(VarMethod.HISTORICAL);
    assertThat(e.confidence()).isEqualTo(0.85);
    assertThat(e.tailProbability()).isCloseTo(0.15, within(1e-15));
    assertThat(e.var()).isEqualTo(r.varType7());
    assertThat(e.cvar()).isEqualTo(r.cvarWorstKMean());
  }

  @Test
  void cvarDefinitionsDifferWhenFewerThanKReturnsLieBelowTheQuantile() {
    // a = 0.62, p = 0.38: h = 3.42 -> Q7 = -0.0158; k = ceil(3.8) = 4; the four worst returns are
    // also exactly those at or below Q7, so both CVaRs are 0.035.
    HistoricalVarReport r = ValueAtRisk.historicalReport(TEN, 0.62);
    assertThat(r.kWorst()).isEqualTo(4);
    assertThat(r.cvarWorstKMean()).isCloseTo(0.035, within(1e-15));
    assertThat(r.cvarBelowType7Quantile()).isCloseTo(0.035, within(1e-15));
    // a = 0.59, p = 0.41: h = 3.69 -> Q7 = -0.0131; k = ceil(4.1) = 5 -> the worst five average
    // -0.03, but only four returns lie at or below Q7, averaging -0.035.
    HistoricalVarReport s = ValueAtRisk.historicalReport(TEN, 0.59);
    assertThat(s.quantileType7()).isCloseTo(-0.0131, within(1e-15));
    assertThat(s.kWorst()).isEqualTo(5);
    assertThat(s.cvarWorstKMean()).isCloseTo(0.03, within(1e-15));
    assertThat(s.cvarBelowType7Quantile()).isCloseTo(0.035, within(1e-15));
  }

  @Test
  void quantileRuleEdges() {
    double[] s = {-1.0, 0.0, 2.0};
    assertThat(QuantileRule.TYPE_7_LINEAR.quantileOfSorted(s, 0.0)).isEqualTo(-1.0);
    assertThat(QuantileRule.TYPE_7_LINEAR.quantileOfSorted(s, 1.0)).isEqualTo(2.0);
    assertThat(QuantileRule.TYPE_7_LINEAR.quantileOfSorted(s, 0.75)).isEqualTo(1.0);
    assertThat(QuantileRule.TYPE_1_INVERSE_ECDF.quantileOfSorted(s, 0.0)).isEqualTo(-1.0);
    assertThat(QuantileRule.TYPE_1_INVERSE_ECDF.quantileOfSorted(s, 0.34)).isEqualTo(0.0);
    assertThat(QuantileRule.TYPE_1_INVERSE_ECDF.quantileOfSorted(s, 1.0)).isEqualTo(2.0);
    assertThat(QuantileRule.TYPE_7_LINEAR.quantileOfSorted(new double[] {3.0}, 0.3)).isEqualTo(3.0);
    assertThatThrownBy(() -> QuantileRule.TYPE_7_LINEAR.quantileOfSorted(new double[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sortedAscending");
    assertThatThrownBy(() -> QuantileRule.TYPE_7_LINEAR.quantileOfSorted(s, 1.5))
        .hasMessageContaining("p must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> QuantileRule.TYPE_1_INVERSE_ECDF.quantileOfSorted(s, Double.NaN))
        .hasMessageContaining("NaN");
  }

  @Test
  void gaussianMatchesTheClosedForm() {
    VarEstimate g = ValueAtRisk.gaussian(0.001, 0.02, 0.99);
    double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.01);
    assertThat(g.method()).isEqualTo(VarMethod.GAUSSIAN);
    assertThat(g.var()).isCloseTo(-(0.001 + z * 0.02), within(1e-15));
    // phi(2.3263) / 0.01 = 2.6652...: the normal ES multiplier at 99 %.
    assertThat(g.cvar()).isCloseTo(-0.001 + 0.02 * 2.665214220345808, within(1e-12));
    // From a sample: mean 0 and sample sd of {-1, 1} is sqrt(2).
    VarEstimate s = ValueAtRisk.gaussian(new double[] {-1.0, 1.0}, 0.99);
    assertThat(s.var()).isCloseTo(-z * Math.sqrt(2.0), within(1e-14));
  }

  @Test
  void cornishFisherWithoutSkewOrKurtosisIsGaussian() {
    // Symmetric two-point sample has S = 0 and K = -2, so use the closed form directly instead.
    CornishFisherVar cf =
        new CornishFisherVar(
            0.95, 10, 0.001, 0.02, 0.021, 0.0, 0.0, -1.6448536269514722, -1.6448536269514722, true);
    VarEstimate g = ValueAtRisk.gaussian(0.001, 0.02, 0.95);
    assertThat(cf.var(SdConvention.POPULATION)).isCloseTo(g.var(), within(1e-15));
    assertThat(cf.cvar(SdConvention.POPULATION)).isCloseTo(g.cvar(), within(1e-12));
    assertThat(cf.estimate(SdConvention.SAMPLE).var())
        .isCloseTo(-(0.001 - 1.6448536269514722 * 0.021), within(1e-15));
  }

  @Test
  void cornishFisherCvarIsTheTailMeanOfTheExpandedQuantile() {
    double[] r = skewedSample();
    CornishFisherVar cf = ValueAtRisk.cornishFisher(r, 0.975);
    assertThat(cf.monotoneTail()).isTrue();
    // Independent check: midpoint rule of z_cf(x) phi(x) over (-12, z), divided by p.
    double s = cf.skewness();
    double k = cf.excessKurtosis();
    double z = cf.z();
    int steps = 400_000;
    double lo = -12.0;
    double dx = (z - lo) / steps;
    double integral = 0.0;
    for (int i = 0; i < steps; i++) {
      double x = lo + (i + 0.5) * dx;
      double zcf =
          x
              + (x * x - 1) * s / 6
              + (x * x * x - 3 * x) * k / 24
              - (2 * x * x * x - 5 * x) * s * s / 36;
      integral += zcf * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * dx;
    }
    double tailMeanZ = integral / 0.025;
    assertThat(cf.cvar(SdConvention.SAMPLE))
        .isCloseTo(-(cf.mean() + cf.sdSample() * tailMeanZ), within(1e-9));
    assertThat(cf.cvar(SdConvention.POPULATION))
        .isCloseTo(-(cf.mean() + cf.sdPopulation() * tailMeanZ), within(1e-9));
    assertThat(cf.estimate(SdConvention.POPULATION).method()).isEqualTo(VarMethod.CORNISH_FISHER);
  }

  @Test
  void cornishFisherMonotonicity() {
    // Gaussian: derivative is 1 everywhere.
    assertThat(CornishFisherVar.isMonotoneTail(0.0, 0.0, -1.64)).isTrue();
    // Strong skew, no excess kurtosis: leading coefficient K/8 - S^2/6 < 0.
    assertThat(CornishFisherVar.isMonotoneTail(1.5, 0.0, -1.64)).isFalse();
    // a = 0 exactly (K = 4 S^2 / 3) with positive slope b: fails far in the tail.
    assertThat(CornishFisherVar.isMonotoneTail(1.5, 3.0, -1.64)).isFalse();
    // a = 0 with negative skew (K = 0.75, S = -0.75, exact in binary): b < 0, derivative
    // positive on the whole half-line.
    assertThat(CornishFisherVar.isMonotoneTail(-0.75, 0.75, -1.64)).isTrue();
    // Vertex of the derivative left of z with a negative minimum there.
    assertThat(CornishFisherVar.isMonotoneTail(1.5, 3.2, -1.64)).isFalse();
    // Vertex left of z with a positive minimum.
    assertThat(CornishFisherVar.isMonotoneTail(0.3, 0.2, -1.64)).isTrue();
    // Vertex right of z: judged at z, positive there for z = -1.64, negative for z = -0.5.
    assertThat(CornishFisherVar.isMonotoneTail(0.0, 20.0, -1.64)).isTrue();
    assertThat(CornishFisherVar.isMonotoneTail(0.0, 20.0, -0.5)).isFalse();
    assertThat(CornishFisherVar.isMonotoneTail(-1.0, 4.0, -2.33)).isTrue();
  }

  @Test
  void ewmaFollowsTheRiskMetricsRecursion() {
    double[] r = {0.01, -0.02, 0.03};
    double lambda = 0.9;
    // sigma^2_1 = 1e-4; then 1e-4; 0.9e-4 + 0.1 * 4e-4 = 1.3e-4; 0.9 * 1.3e-4 + 0.1 * 9e-4 =
    // 2.07e-4.
    assertThat(ValueAtRisk.ewmaVolatility(r, lambda)).isCloseTo(Math.sqrt(2.07e-4), within(1e-15));
    VarEstimate e = ValueAtRisk.ewma(r, 0.99, lambda);
    VarEstimate g = ValueAtRisk.gaussian(0.0, Math.sqrt(2.07e-4), 0.99);
    assertThat(e.method()).isEqualTo(VarMethod.EWMA);
    assertThat(e.var()).isCloseTo(g.var(), within(1e-15));
    assertThat(e.cvar()).isCloseTo(g.cvar(), within(1e-15));
    assertThatThrownBy(() -> ValueAtRisk.ewma(r, 0.99, 1.0)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> ValueAtRisk.ewmaVolatility(r, Double.NaN))
        .hasMessageContaining("lambda");
  }

  @Test
  void filteredHistoricalRescalesTheResidualQuantiles() {
    double[] returns = {0.02, -0.04, 0.01, -0.01, 0.03};
    double[] sigmas = {0.01, 0.02, 0.01, 0.02, 0.03};
    double[] z = ValueAtRisk.standardisedResiduals(returns, 0.0, sigmas);
    assertThat(z).containsExactly(2.0, -2.0, 1.0, -0.5, 1.0);
    HistoricalVarReport h = ValueAtRisk.historicalReport(z, 0.8);
    VarEstimate f =
        ValueAtRisk.filteredHistorical(
            z, 0.001, 0.05, 0.8, QuantileRule.TYPE_7_LINEAR, CvarRule.BELOW_TYPE_7_QUANTILE);
    assertThat(f.method()).isEqualTo(VarMethod.FILTERED_HISTORICAL);
    assertThat(f.var()).isCloseTo(-(0.001 + 0.05 * h.quantileType7()), within(1e-15));
    assertThat(f.cvar()).isCloseTo(0.05 * h.cvarBelowType7Quantile() - 0.001, within(1e-15));
    assertThatThrownBy(() -> ValueAtRisk.standardisedResiduals(returns, 0.0, new double[] {1.0}))
        .hasMessageContaining("conditionalSigmas must have the length of returns (5)");
    assertThatThrownBy(
            () -> ValueAtRisk.standardisedResiduals(returns, 0.0, new double[] {1, 1, 0, 1, 1}))
        .hasMessageContaining("conditionalSigmas[2] must be > 0 but was 0.0");
    assertThatThrownBy(
            () ->
                ValueAtRisk.filteredHistorical(
                    z, 0.0, -0.01, 0.9, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN))
        .hasMessageContaining("sigmaForecast");
    assertThatThrownBy(
            () ->
                ValueAtRisk.filteredHistorical(
                    null, 0.0, 0.01, 0.9, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("standardisedResiduals");
  }

  @Test
  void monteCarloIsReproducibleAndMatchesTheDistribution() {
    ReturnDistribution t = new ReturnDistribution.StudentT(0.0, 0.02, 4.0);
    VarEstimate a = ValueAtRisk.monteCarlo(t, 0.99, 200_000, 42L);
    VarEstimate b = ValueAtRisk.monteCarlo(t, 0.99, 200_000, new SplittableRandom(42L));
    assertThat(a).isEqualTo(b);
    assertThat(a.method()).isEqualTo(VarMethod.MONTE_CARLO);
    // The t(4) 1 % quantile is -3.7469; the sampling error of the quantile is about 1.5 %.
    double exact = -0.02 * new TDistribution(null, 4.0).inverseCumulativeProbability(0.01);
    assertThat(a.var()).isCloseTo(exact, within(0.05 * exact));
    // Shape below 2 exercises the gamma boost branch (shape nu/2 < 1).
    VarEstimate c =
        ValueAtRisk.monteCarlo(new ReturnDistribution.StudentT(0.0, 1.0, 1.5), 0.9, 100_000, 7L);
    double exactC = -new TDistribution(null, 1.5).inverseCumulativeProbability(0.1);
    assertThat(c.var()).isCloseTo(exactC, within(0.05 * exactC));
    assertThat(ValueAtRisk.monteCarlo(t, 0.99, 1000, 43L))
        .isNotEqualTo(ValueAtRisk.monteCarlo(t, 0.99, 1000, 42L));
  }

  @Test
  void rejectsBadReturns() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] r = {0.01, bad, -0.02};
      assertThatThrownBy(() -> ValueAtRisk.historicalReport(r, 0.95))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("returns[1] must be finite but was " + bad);
      assertThatThrownBy(() -> ValueAtRisk.gaussian(r, 0.95)).hasMessageContaining("returns[1]");
      assertThatThrownBy(() -> ValueAtRisk.cornishFisher(r, 0.95))
          .hasMessageContaining("returns[1]");
      assertThatThrownBy(() -> ValueAtRisk.ewma(r, 0.95, 0.94)).hasMessageContaining("returns[1]");
      assertThatThrownBy(
              () ->
                  ValueAtRisk.filteredHistorical(
                      r, 0, 0.01, 0.95, QuantileRule.TYPE_1_INVERSE_ECDF, CvarRule.WORST_K_MEAN))
          .hasMessageContaining("standardisedResiduals[1]");
    }
    double[] empty = {};
    assertThatThrownBy(() -> ValueAtRisk.historicalReport(empty, 0.95))
        .hasMessageContaining("returns must not be empty");
    assertThatThrownBy(() -> ValueAtRisk.ewmaVolatility(empty, 0.94))
        .hasMessageContaining("returns must not be empty");
    assertThatThrownBy(() -> ValueAtRisk.gaussian(new double[] {0.01}, 0.95))
        .hasMessageContaining("returns must have at least 2 values but had 1");
    assertThatThrownBy(() -> ValueAtRisk.cornishFisher(new double[] {0.01, 0.01}, 0.95))
        .hasMessageContaining("must not all be equal");
    assertThatThrownBy(() -> ValueAtRisk.historicalReport(null, 0.95))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("returns");
    assertThatThrownBy(() -> ValueAtRisk.gaussian(Double.NaN, 0.01, 0.95))
        .hasMessageContaining("mean");
    assertThatThrownBy(() -> ValueAtRisk.gaussian(0.0, -0.01, 0.95))
        .hasMessageContaining("sd must be");
  }

  @Test
  void rejectsConfidenceOutsideTheOpenUnitInterval() {
    for (double a : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> ValueAtRisk.historicalReport(TEN, a))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence must be in the open interval (0, 1) but was " + a);
      assertThatThrownBy(() -> ValueAtRisk.gaussian(TEN, a)).hasMessageContaining("confidence");
      assertThatThrownBy(() -> ValueAtRisk.cornishFisher(TEN, a))
          .hasMessageContaining("confidence");
      assertThatThrownBy(() -> ValueAtRisk.ewma(TEN, a, 0.94)).hasMessageContaining("confidence");
      assertThatThrownBy(
              () -> ValueAtRisk.monteCarlo(new ReturnDistribution.Normal(0, 1), a, 10, 1L))
          .hasMessageContaining("confidence");
    }
  }

  @Test
  void rejectsBadDistributionsAndResults() {
    assertThatThrownBy(() -> new ReturnDistribution.Normal(0.0, 0.0))
        .hasMessageContaining("sd must be");
    assertThatThrownBy(() -> new ReturnDistribution.Normal(Double.NaN, 1.0))
        .hasMessageContaining("mean");
    assertThatThrownBy(() -> new ReturnDistribution.StudentT(0.0, 1.0, 0.5))
        .hasMessageContaining("degreesOfFreedom must be finite and >= 1 but was 0.5");
    assertThatThrownBy(() -> new ReturnDistribution.StudentT(0.0, -1.0, 5.0))
        .hasMessageContaining("scale");
    assertThatThrownBy(() -> new ReturnDistribution.StudentT(0.0, 1.0, Double.POSITIVE_INFINITY))
        .hasMessageContaining("degreesOfFreedom");
    assertThatThrownBy(
            () -> ValueAtRisk.monteCarlo(new ReturnDistribution.Normal(0, 1), 0.95, 0, 1L))
        .hasMessageContaining("paths must be >= 1 but was 0");
    assertThatThrownBy(() -> new VarEstimate(VarMethod.GAUSSIAN, 0.95, Double.NaN, 0.1))
        .hasMessageContaining("var");
    assertThatThrownBy(() -> new VarEstimate(null, 0.95, 0.1, 0.1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new HistoricalVarReport(0.95, 10, 0, 0, 11, 0, 0))
        .hasMessageContaining("kWorst");
    assertThatThrownBy(() -> new HistoricalVarReport(0.95, 0, 0, 0, 1, 0, 0))
        .hasMessageContaining("n must be");
    assertThatThrownBy(() -> new CornishFisherVar(0.95, 1, 0, 1, 1, 0, 0, -1, -1, true))
        .hasMessageContaining("n must be");
  }

  static double[] skewedSample() {
    SplittableRandom rng = new SplittableRandom(11L);
    double[] r = new double[2000];
    for (int i = 0; i < r.length; i++) {
      double g = rng.nextGaussian();
      // Skewness about 0.67 and excess kurtosis about 4: inside the Cornish-Fisher domain.
      r[i] = 0.01 * (g + 0.1 * (g * g - 1) + 0.1 * g * g * g);
    }
    return r;
  }
}

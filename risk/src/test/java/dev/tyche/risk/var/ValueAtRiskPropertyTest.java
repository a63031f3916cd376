package dev.tyche.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ValueAtRiskPropertyTest {

  private static final double EPS = 1e-12;

  /** Any finite returns: uniform-ish values with duplicates and outliers, 2..300 of them. */
  @Provide
  Arbitrary<double[]> returns() {
    return Arbitraries.doubles()
        .between(-0.5, 0.5)
        .withSpecialValue(0.0)
        .array(double[].class)
        .ofMinSize(2)
        .ofMaxSize(300);
  }

  /**
   * Fat-tailed, skewed samples g + c (g^2 - 1) + d g^3 of 300..1500 normal draws, where the
   * Cornish-Fisher expansion is usually monotone.
   */
  @Provide
  Arbitrary<double[]> fatTailed() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(300, 1500),
            Arbitraries.doubles().between(-0.1, 0.1),
            Arbitraries.doubles().between(0.05, 0.3))
        .as(
            (seed, n, c, d) -> {
              SplittableRandom rng = new SplittableRandom(seed);
              double[] r = new double[n];
              for (int i = 0; i < n; i++) {
                double g = rng.nextGaussian();
                r[i] = 0.01 * (g + c * (g * g - 1) + d * g * g * g);
              }
              return r;
            });
  }

  @Property
  void historicalCvarIsAtLeastVar(
      @ForAll("returns") double[] r,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double a) {
    for (QuantileRule q : QuantileRule.values()) {
      for (CvarRule c : CvarRule.values()) {
        VarEstimate e = ValueAtRisk.historical(r, a, q, c);
        assertThat(e.cvar()).as("%s %s", q, c).isGreaterThanOrEqualTo(e.var() - EPS);
      }
    }
  }

  @Property
  void parametricCvarIsAtLeastVar(
      @ForAll("returns") double[] r,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double a,
      @ForAll @Scale(6) @DoubleRange(min = 0.8, max = 0.99) double lambda) {
    VarEstimate g = ValueAtRisk.gaussian(r, a);
    assertThat(g.cvar()).isGreaterThanOrEqualTo(g.var() - EPS);
    VarEstimate e = ValueAtRisk.ewma(r, a, lambda);
    assertThat(e.cvar()).isGreaterThanOrEqualTo(e.var() - EPS);
  }

  @Property(tries = 200)
  void cornishFisherCvarIsAtLeastVarWhereTheExpansionIsMonotone(
      @ForAll("fatTailed") double[] r,
      @ForAll @Scale(6) @DoubleRange(min = 0.9, max = 0.999) double a) {
    CornishFisherVar cf = ValueAtRisk.cornishFisher(r, a);
    Assume.that(cf.monotoneTail());
    for (SdConvention sd : SdConvention.values()) {
      assertThat(cf.cvar(sd)).as("%s", sd).isGreaterThanOrEqualTo(cf.var(sd) - EPS);
    }
  }

  @Property
  void filteredHistoricalCvarIsAtLeastVar(
      @ForAll("returns") double[] z,
      @ForAll @Scale(6) @DoubleRange(min = -0.01, max = 0.01) double mean,
      @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.2) double sigma,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double a) {
    for (QuantileRule q : QuantileRule.values()) {
      for (CvarRule c : CvarRule.values()) {
        VarEstimate e = ValueAtRisk.filteredHistorical(z, mean, sigma, a, q, c);
        assertThat(e.cvar()).isGreaterThanOrEqualTo(e.var() - EPS);
      }
    }
  }

  @Property(tries = 50)
  void monteCarloCvarIsAtLeastVarAndSameSeedGivesSameResult(
      @ForAll long seed,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double a,
      @ForAll @Scale(6) @DoubleRange(min = 1.0, max = 30.0) double nu,
      @ForAll @IntRange(min = 1, max = 3000) int paths) {
    ReturnDistribution[] dists = {
      new ReturnDistribution.Normal(0.001, 0.02), new ReturnDistribution.StudentT(0.0, 0.02, nu)
    };
    for (ReturnDistribution d : dists) {
      VarEstimate e = ValueAtRisk.monteCarlo(d, a, paths, seed);
      assertThat(e.cvar()).isGreaterThanOrEqualTo(e.var() - EPS);
      assertThat(ValueAtRisk.monteCarlo(d, a, paths, seed)).isEqualTo(e);
    }
  }

  @Property(tries = 5)
  void monteCarloNormalConvergesToTheGaussianVar(
      @ForAll long seed,
      @ForAll @Scale(6) @DoubleRange(min = 0.9, max = 0.99) double a,
      @ForAll @Scale(6) @DoubleRange(min = -0.01, max = 0.01) double mean,
      @ForAll @Scale(6) @DoubleRange(min = 0.005, max = 0.1) double sd) {
    VarEstimate mc =
        ValueAtRisk.monteCarlo(new ReturnDistribution.Normal(mean, sd), a, 200_000, seed);
    VarEstimate exact = ValueAtRisk.gaussian(mean, sd, a);
    // Quantile standard error at 99 % with 200k draws is about 0.012 sd; allow 0.06 sd.
    assertThat(mc.var()).isCloseTo(exact.var(), within(0.06 * sd));
    assertThat(mc.cvar()).isCloseTo(exact.cvar(), within(0.06 * sd));
  }

  @Property
  void varIncreasesWithConfidence(
      @ForAll("returns") double[] r,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.999) double a1,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.999) double a2) {
    double lo = Math.min(a1, a2);
    double hi = Math.max(a1, a2);
    for (QuantileRule q : QuantileRule.values()) {
      assertThat(ValueAtRisk.historicalReport(r, hi).var(q))
          .isGreaterThanOrEqualTo(ValueAtRisk.historicalReport(r, lo).var(q) - EPS);
    }
    assertThat(ValueAtRisk.gaussian(r, hi).var())
        .isGreaterThanOrEqualTo(ValueAtRisk.gaussian(r, lo).var() - EPS);
    assertThat(ValueAtRisk.ewma(r, hi, 0.94).var())
        .isGreaterThanOrEqualTo(ValueAtRisk.ewma(r, lo, 0.94).var() - EPS);
    assertThat(
            ValueAtRisk.filteredHistorical(
                    r, 0.0, 0.02, hi, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN)
                .var())
        .isGreaterThanOrEqualTo(
            ValueAtRisk.filteredHistorical(
                        r, 0.0, 0.02, lo, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN)
                    .var()
                - EPS);
  }

  @Property
  void shiftingTheSampleMovesHistoricalVarByMinusTheShift(
      @ForAll("returns") double[] r,
      @ForAll @Scale(6) @DoubleRange(min = -0.2, max = 0.2) double c,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.999) double a) {
    double[] shifted = r.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += c;
    }
    HistoricalVarReport base = ValueAtRisk.historicalReport(r, a);
    HistoricalVarReport moved = ValueAtRisk.historicalReport(shifted, a);
    double tol = 1e-12;
    for (QuantileRule q : QuantileRule.values()) {
      assertThat(moved.var(q)).isCloseTo(base.var(q) - c, within(tol));
    }
    assertThat(moved.cvarWorstKMean()).isCloseTo(base.cvarWorstKMean() - c, within(tol));
    assertThat(ValueAtRisk.gaussian(shifted, a).var())
        .isCloseTo(ValueAtRisk.gaussian(r, a).var() - c, within(tol));
  }
}

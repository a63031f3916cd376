package dev.tyche.risk.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scalar fast path of {@link GarchLikelihood} (plain GARCH, normal innovations, no scores)
 * against the generic path, which runs whenever scores are requested.
 */
class GarchLikelihoodFastPathTest {

  @Property(tries = 200)
  void fastPathEqualsGenericPath(
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 2, max = 400) int n,
      @ForAll @DoubleRange(min = -0.5, max = 0.5) double mu,
      @ForAll @DoubleRange(min = 0.01, max = 2.0) double omega,
      @ForAll @DoubleRange(min = 0.0, max = 0.4) double alpha,
      @ForAll @DoubleRange(min = 0.0, max = 0.95) double beta,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    GarchSpec spec =
        GarchSpec.garch()
            .withMean((variant & 1) == 0 ? MeanEquation.CONSTANT : MeanEquation.ZERO)
            .withStartUp((variant & 2) == 0 ? VarianceStartUp.FGARCH_MCI : VarianceStartUp.TSERIES);
    double[] x =
        GarchModel.of(GarchSpec.garch())
            .simulate(GarchParameters.garch(0.1, 0.3, 0.1, 0.85), n, 50, seed);
    GarchParameters p =
        GarchParameters.garch(spec.mean() == MeanEquation.CONSTANT ? mu : 0.0, omega, alpha, beta);
    double[] theta = p.toVector(spec);
    int k = spec.parameterCount();

    GarchLikelihood fast = new GarchLikelihood(spec, x.clone());
    double[] gFast = new double[k];
    double llFast = fast.evaluate(theta, gFast, null);
    double llValueOnly = fast.evaluate(theta, null, null);
    double[] hFast = fast.variances().clone();

    GarchLikelihood generic = new GarchLikelihood(spec, x.clone());
    double[] gGeneric = new double[k];
    double llGeneric = generic.evaluate(theta, gGeneric, new double[n][k]);

    assertThat(llFast).isCloseTo(llGeneric, within(1e-12 * Math.max(1, Math.abs(llGeneric))));
    assertThat(llValueOnly).isEqualTo(llFast);
    for (int t = 0; t < n; t++) {
      assertThat(hFast[t]).isCloseTo(generic.variances()[t], within(1e-13 * hFast[t]));
    }
    double scale = 1.0;
    for (double g : gGeneric) {
      scale = Math.max(scale, Math.abs(g));
    }
    for (int j = 0; j < k; j++) {
      assertThat(gFast[j]).as("gradient %d", j).isCloseTo(gGeneric[j], within(1e-10 * scale));
    }
  }

  @Test
  void subnormalVariancesGiveTheGenericLikelihood() {
    // Zero returns and a subnormal omega keep every h_t subnormal.
    double[] x = new double[300];
    GarchSpec spec = GarchSpec.garch().withMean(MeanEquation.ZERO);
    double[] theta = {1e-310, 0.1, 0.5};
    double ll = new GarchLikelihood(spec, x.clone()).evaluate(theta, null, null);
    double generic =
        new GarchLikelihood(spec, x.clone()).evaluate(theta, new double[3], new double[300][3]);
    assertThat(ll).isFinite().isCloseTo(generic, within(1e-12 * Math.abs(generic)));
  }

  @Test
  void bothPathsRejectANonPositiveVariance() {
    double[] x = {1.0, -2.0, 0.5, 3.0, -1.0};
    GarchSpec spec = GarchSpec.garch();
    double[] theta = {0.0, -5.0, 0.1, 0.5}; // omega < 0 drives h_2 below zero
    GarchLikelihood lik = new GarchLikelihood(spec, x);
    assertThat(lik.evaluate(theta, new double[4], null)).isNaN();
    assertThat(lik.evaluate(theta, new double[4], new double[5][4])).isNaN();
  }
}

package dev.tyche.risk.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the GARCH API: hand-checked numbers, statuses, validation and bad input. */
class GarchModelTest {

  private static final GarchParameters P = GarchParameters.garch(0.1, 0.2, 0.1, 0.8);

  private static double[] series(int n, long seed) {
    return GarchModel.of(GarchSpec.garch()).simulate(P, n, 100, seed);
  }

  @Test
  void handComputedLikelihoodOfAThreePointSeries() {
    // x = (1, -1, 2), mu = 0.5: e = (0.5, -1.5, 1.5), mean(e^2) = 4.75 / 3.
    double[] x = {1, -1, 2};
    GarchParameters p = GarchParameters.garch(0.5, 0.2, 0.1, 0.8);
    double ms = 4.75 / 3.0;
    double h1 = 0.2 + 0.9 * ms;
    double h2 = 0.2 + 0.1 * 0.25 + 0.8 * h1;
    double h3 = 0.2 + 0.1 * 2.25 + 0.8 * h2;
    double expected =
        -0.5 * (3 * Math.log(2 * Math.PI) + Math.log(h1 * h2 * h3))
            - 0.5 * (0.25 / h1 + 2.25 / h2 + 2.25 / h3);
    GarchModel m = GarchModel.of(GarchSpec.garch());
    assertThat(m.logLikelihood(x, p)).isCloseTo(expected, within(1e-12));
    assertThat(m.conditionalVariances(x, p))
        .containsExactly(new double[] {h1, h2, h3}, within(1e-14));
    double f1 = 0.2 + 0.1 * 2.25 + 0.8 * h3;
    assertThat(m.varianceForecast(x, p, 2))
        .containsExactly(new double[] {f1, 0.2 + 0.9 * f1}, within(1e-14));

    // tseries start-up: zero mean, h_1 = mean(x^2) = 2, likelihood over t = 2..3.
    GarchModel ts = GarchModel.of(GarchSpec.tseries());
    GarchParameters q = GarchParameters.garch(0.0, 0.2, 0.1, 0.8);
    double g1 = 2.0;
    double g2 = 0.2 + 0.1 * 1 + 0.8 * g1;
    double g3 = 0.2 + 0.1 * 1 + 0.8 * g2;
    double expectedTs =
        -0.5 * (2 * Math.log(2 * Math.PI) + Math.log(g2 * g3)) - 0.5 * (1 / g2 + 4 / g3);
    assertThat(ts.logLikelihood(x, q)).isCloseTo(expectedTs, within(1e-12));
    assertThat(ts.conditionalVariances(x, q))
        .containsExactly(new double[] {g1, g2, g3}, within(1e-14));
  }

  @Test
  void gjrTermAndReparametrisation() {
    GarchParameters p = GarchParameters.gjr(0, 0.1, 0.2, 0.5, 0.7);
    assertThat(p.gjrAlpha()).isCloseTo(0.2 * 0.25, within(1e-15));
    assertThat(p.gjrGamma()).isCloseTo(0.4, within(1e-15));
    assertThat(p.persistence()).isCloseTo(0.2 * 1.25 + 0.7, within(1e-15));
    GarchModel m = GarchModel.of(GarchSpec.gjr().withMean(MeanEquation.ZERO));
    double[] x = {1, -2, 0.5};
    double[] h = m.conditionalVariances(x, p);
    // A negative residual gets (|e| - gamma e)^2 = (1 + gamma)^2 e^2.
    assertThat(h[2]).isCloseTo(0.1 + 0.2 * 2.25 * 4 + 0.7 * h[1], within(1e-14));
    assertThat(h[1]).isCloseTo(0.1 + 0.2 * 0.25 * 1 + 0.7 * h[0], within(1e-14));
  }

  @Test
  void derivedQuantities() {
    assertThat(P.persistence()).isCloseTo(0.9, within(1e-15));
    assertThat(P.unconditionalVariance()).isCloseTo(2.0, within(1e-12));
    assertThat(P.halfLife()).isCloseTo(Math.log(0.5) / Math.log(0.9), within(1e-12));
    GarchParameters igarch = GarchParameters.garch(0, 0.1, 0.2, 0.8);
    assertThat(igarch.unconditionalVariance()).isNaN();
    assertThat(igarch.halfLife()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(GarchParameters.garch(0, 0.1, 0, 0).halfLife()).isZero();
  }

  @Test
  void fitOnSimulatedSeriesIsReliableAndSelfConsistent() {
    double[] x = series(3000, 7);
    GarchFit fit = GarchModel.of(GarchSpec.garch()).fit(x);
    assertThat(fit.status()).isEqualTo(GarchFitStatus.CONVERGED);
    assertThat(fit.isReliable()).isTrue();
    assertThat(fit.converged()).isTrue();
    assertThat(fit.observations()).isEqualTo(3000);
    assertThat(fit.starts()).isBetween(2, 5);
    assertThat(fit.gradientNorm()).isLessThan(1e-2);
    assertThat(fit.unconditionalVariance())
        .isCloseTo(fit.parameters().omega() / (1 - fit.persistence()), within(1e-12));
    assertThat(fit.halfLife()).isPositive().isFinite();
    double[] h = fit.conditionalVariances();
    double[] z = fit.standardisedResiduals();
    for (int t = 0; t < x.length; t++) {
      assertThat(z[t] * Math.sqrt(h[t]) + fit.parameters().mu()).isCloseTo(x[t], within(1e-9));
    }
    double[] f = fit.varianceForecast(5);
    double[] g = GarchModel.of(GarchSpec.garch()).varianceForecast(x, fit.parameters(), 5);
    assertThat(f).containsExactly(g, within(1e-9));
    // Standard errors are positive and finite for every estimated parameter, NaN otherwise.
    for (GarchStandardErrors se :
        List.of(fit.standardErrors(), fit.robustStandardErrors(), fit.opgStandardErrors())) {
      for (String name : fit.spec().parameterNames()) {
        assertThat(se.get(name)).isPositive().isFinite();
      }
      assertThat(se.gamma1()).isNaN();
      assertThat(se.shape()).isNaN();
    }
    // Same data and options give the same fit, bit for bit.
    assertThat(GarchModel.of(GarchSpec.garch()).fit(x)).isEqualTo(fit);
    assertThat(fit.hashCode()).isEqualTo(GarchModel.of(GarchSpec.garch()).fit(x).hashCode());
    assertThat(fit.toString()).contains("CONVERGED");
  }

  @Test
  void stoppingWhenTwoStartsAgreeFindsTheExhaustiveOptimum() {
    GarchModel m = GarchModel.of(GarchSpec.garch());
    for (long seed : new long[] {11, 12, 13}) {
      double[] x = series(2000, seed);
      GarchFit quick = m.fit(x, GarchFitOptions.defaults());
      GarchFit all = m.fit(x, GarchFitOptions.defaults().exhaustive());
      assertThat(all.starts()).isEqualTo(5);
      assertThat(quick.starts()).isBetween(2, 5);
      assertThat(quick.logLikelihood()).isCloseTo(all.logLikelihood(), within(1e-8));
      assertThat(quick.parameters().beta1()).isCloseTo(all.parameters().beta1(), within(1e-5));
    }
  }

  @Test
  void fitThatStopsEarlyIsReportedAsNotConverged() {
    double[] x = series(500, 3);
    GarchFit fit =
        GarchModel.of(GarchSpec.garch())
            .fit(x, GarchFitOptions.defaults().withMaxIterations(1).withRandomStarts(0));
    assertThat(fit.status()).isEqualTo(GarchFitStatus.NOT_CONVERGED);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.isReliable()).isFalse();
    assertThat(fit.statusDetail()).contains("iteration limit");
  }

  @Test
  void fitOnPureArchSeriesIsFlaggedAtTheBoundary() {
    // Simulated ARCH(1) (beta1 = 0): with this seed the likelihood is maximised at beta1 -> 0.
    GarchModel m = GarchModel.of(GarchSpec.garch());
    double[] x = m.simulate(GarchParameters.garch(0, 1, 0.5, 0.0), 1000, 100, 3);
    GarchFit fit = m.fit(x);
    assertThat(fit.status()).as(fit.toString()).isEqualTo(GarchFitStatus.AT_BOUNDARY);
    assertThat(fit.statusDetail()).contains("beta1");
    assertThat(fit.converged()).isTrue();
    assertThat(fit.isReliable()).isFalse();
  }

  @Test
  void studentTAndGjrFitsRun() {
    GarchSpec spec =
        GarchSpec.gjr()
            .withInnovations(Innovations.STUDENT_T)
            .withStartUp(VarianceStartUp.FGARCH_MCI);
    GarchModel m = GarchModel.of(spec);
    GarchParameters truth = GarchParameters.gjr(0.0, 0.05, 0.1, 0.2, 0.85).withShape(5);
    double[] x = m.simulate(truth, 3000, 200, 5);
    GarchFit fit = m.fit(x, GarchFitOptions.defaults().withSeed(99).withRandomStarts(1));
    assertThat(fit.status()).as(fit.toString()).isEqualTo(GarchFitStatus.CONVERGED);
    assertThat(fit.standardErrors().shape()).isPositive();
    assertThat(fit.standardErrors().gamma1()).isPositive();
    assertThat(fit.parameters().shape()).isBetween(3.0, 10.0);
  }

  @Test
  void specNamesAndCopies() {
    GarchSpec full =
        new GarchSpec(
            MeanEquation.CONSTANT,
            VarianceEquation.GJR,
            Innovations.STUDENT_T,
            VarianceStartUp.TSERIES);
    assertThat(full.parameterNames())
        .containsExactly("mu", "omega", "alpha1", "gamma1", "beta1", "shape");
    assertThat(full.parameterCount()).isEqualTo(6);
    assertThat(GarchSpec.tseries().parameterNames()).containsExactly("omega", "alpha1", "beta1");
    assertThat(GarchSpec.garch().withVariance(VarianceEquation.GJR)).isEqualTo(GarchSpec.gjr());
    assertThat(VarianceStartUp.TSERIES.firstLikelihoodIndex()).isEqualTo(1);
    GarchParameters p = new GarchParameters(0.1, 0.2, 0.3, -0.4, 0.5, 7);
    assertThat(GarchParameters.fromVector(full, p.toVector(full))).isEqualTo(p);
    assertThatThrownBy(() -> GarchParameters.fromVector(full, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length must be 6 but was 3");
    assertThatThrownBy(
            () ->
                new GarchSpec(
                    null, VarianceEquation.GARCH, Innovations.NORMAL, VarianceStartUp.TSERIES))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void standardErrorsRecord() {
    GarchStandardErrors se = new GarchStandardErrors(1, 2, 3, Double.NaN, 5, Double.NaN);
    assertThat(se.get("mu")).isEqualTo(1);
    assertThat(se.get("omega")).isEqualTo(2);
    assertThat(se.get("alpha1")).isEqualTo(3);
    assertThat(se.get("gamma1")).isNaN();
    assertThat(se.get("beta1")).isEqualTo(5);
    assertThat(se.get("shape")).isNaN();
    assertThatThrownBy(() -> se.get("delta")).hasMessageContaining("but was delta");
    assertThatThrownBy(() -> new GarchStandardErrors(-1, 2, 3, 4, 5, 6))
        .hasMessageContaining("standard error of mu must be NaN or finite and >= 0 but was -1");
    assertThat(GarchStandardErrors.fromCovariance(GarchSpec.tseries(), null).omega()).isNaN();
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> GarchParameters.garch(0, 0, 0.1, 0.8))
        .hasMessage("omega must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> GarchParameters.garch(0, 0.1, -0.1, 0.8))
        .hasMessage("alpha1 must be finite and >= 0 but was -0.1");
    assertThatThrownBy(() -> GarchParameters.garch(0, 0.1, 0.1, Double.NaN))
        .hasMessage("beta1 must be finite and >= 0 but was NaN");
    assertThatThrownBy(() -> GarchParameters.garch(Double.POSITIVE_INFINITY, 0.1, 0.1, 0.8))
        .hasMessage("mu must be finite but was Infinity");
    assertThatThrownBy(() -> GarchParameters.gjr(0, 0.1, 0.1, 1.0, 0.8))
        .hasMessage("gamma1 must be in (-1, 1) but was 1.0");
    assertThatThrownBy(() -> P.withShape(2.0))
        .hasMessage("shape must be NaN (normal innovations) or finite and > 2 but was 2.0");
    double[] x = series(50, 1);
    GarchModel zeroMean = GarchModel.of(GarchSpec.tseries());
    assertThatThrownBy(() -> zeroMean.logLikelihood(x, P))
        .hasMessage("mu must be 0 for a zero-mean model but was 0.1");
    GarchModel plain = GarchModel.of(GarchSpec.garch());
    assertThatThrownBy(() -> plain.logLikelihood(x, GarchParameters.gjr(0, 1, 0.1, 0.2, 0.8)))
        .hasMessage("gamma1 must be 0 for plain GARCH but was 0.2");
    assertThatThrownBy(() -> plain.logLikelihood(x, P.withShape(5)))
        .hasMessage("shape must be NaN for normal innovations but was 5.0");
    GarchModel t = GarchModel.of(GarchSpec.garch().withInnovations(Innovations.STUDENT_T));
    assertThatThrownBy(() -> t.logLikelihood(x, P))
        .hasMessageContaining("shape must be finite and > 2 for Student-t innovations");
    assertThatThrownBy(() -> plain.varianceForecast(x, P, 0))
        .hasMessage("horizon must be >= 1 but was 0");
  }

  @Test
  void badReturnsAreRejected() {
    GarchModel m = GarchModel.of(GarchSpec.garch());
    double[] x = series(100, 2);
    double[] withNan = x.clone();
    withNan[17] = Double.NaN;
    double[] withInf = x.clone();
    withInf[3] = Double.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> m.fit(withNan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("returns must be finite but returns[17] was NaN");
    assertThatThrownBy(() -> m.logLikelihood(withInf, P))
        .hasMessage("returns must be finite but returns[3] was -Infinity");
    assertThatThrownBy(() -> m.conditionalVariances(new double[] {1.0}, P))
        .hasMessage("returns must have at least 2 observations but had 1");
    assertThatThrownBy(() -> m.fit(new double[29]))
        .hasMessage("returns must have at least 30 observations but had 29");
    assertThatThrownBy(() -> m.fit(new double[40]))
        .hasMessage("returns must not be constant but all 40 values equal 0.0");
    assertThatThrownBy(() -> m.fit(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.fit(x, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void badSimulationArgumentsAreRejected() {
    GarchModel m = GarchModel.of(GarchSpec.garch());
    assertThatThrownBy(() -> m.simulate(P, 0, 0, 1)).hasMessage("n must be >= 1 but was 0");
    assertThatThrownBy(() -> m.simulate(P, 10, -1, 1)).hasMessage("burnIn must be >= 0 but was -1");
    assertThatThrownBy(() -> m.simulate(GarchParameters.garch(0, 1, 0.3, 0.7), 10, 0, 1))
        .hasMessageContaining("persistence must be < 1");
    assertThat(m.simulate(P, 10, 0, 4)).containsExactly(m.simulate(P, 10, 0, 4));
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new GarchFitOptions(0, 1e-9, 0, 1))
        .hasMessage("maxIterations must be >= 1 but was 0");
    assertThatThrownBy(() -> new GarchFitOptions(10, 0, 0, 1))
        .hasMessage("gradientTolerance must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new GarchFitOptions(10, 1e-9, -1, 1))
        .hasMessage("randomStarts must be >= 0 but was -1");
    assertThat(GarchFitOptions.defaults().withSeed(5).seed()).isEqualTo(5);
  }

  @Test
  void fitRecordValidatesAndCopies() {
    GarchFit fit = GarchModel.of(GarchSpec.garch()).fit(series(200, 4));
    double[] h = fit.conditionalVariances();
    h[0] = -1;
    assertThat(fit.conditionalVariances()[0]).isPositive();
    double[] z = fit.standardisedResiduals();
    z[0] = 1e9;
    assertThat(fit.standardisedResiduals()[0]).isNotEqualTo(1e9);
    assertThatThrownBy(
            () ->
                new GarchFit(
                    fit.spec(),
                    fit.parameters(),
                    fit.logLikelihood(),
                    fit.standardErrors(),
                    fit.robustStandardErrors(),
                    fit.opgStandardErrors(),
                    fit.status(),
                    fit.statusDetail(),
                    fit.iterations(),
                    fit.gradientNorm(),
                    fit.starts(),
                    new double[3],
                    new double[2]))
        .hasMessageContaining("same non-zero length but had 3 and 2");
    assertThatThrownBy(() -> fit.varianceForecast(0)).hasMessage("horizon must be >= 1 but was 0");
    assertThat(fit).isNotEqualTo(null).isNotEqualTo("x").isEqualTo(fit);
  }

  @Test
  void omegaUnderflowIsAFitResultNotAnException() {
    // Regression: at this scale the sample variance is ~1e-324, fGarch's start omega underflowed
    // to 0 and fit threw "omega must be finite and > 0 but was 0.0". The fitted omega (about
    // 0.2 * 1e-324) is not representable, so the fit must say so through its status.
    double[] x = series(1000, 7);
    for (int i = 0; i < x.length; i++) {
      x[i] *= 1e-162;
    }
    GarchFit fit = GarchModel.of(GarchSpec.garch()).fit(x);
    assertThat(fit.status()).isIn(GarchFitStatus.AT_BOUNDARY, GarchFitStatus.NOT_CONVERGED);
    assertThat(fit.parameters().omega()).isPositive();
    assertThat(fit.statusDetail()).isNotEmpty();
  }

  @Test
  void fitIsScaleEquivariant() {
    // Before the fit standardised the data, a series in units of 1e-100 never met the gradient
    // test (NOT_CONVERGED). Now x -> c x maps mu -> c mu, omega -> c^2 omega, the rest unchanged.
    GarchModel m = GarchModel.of(GarchSpec.garch());
    double[] x = series(1500, 11);
    GarchFit ref = m.fit(x);
    assertThat(ref.status()).isEqualTo(GarchFitStatus.CONVERGED);
    for (double c : new double[] {1e-100, 1e-30, 1e30, 1e100}) {
      double[] y = x.clone();
      for (int i = 0; i < y.length; i++) {
        y[i] *= c;
      }
      GarchFit fit = m.fit(y);
      assertThat(fit.status()).as("scale %s", c).isEqualTo(GarchFitStatus.CONVERGED);
      GarchParameters p = fit.parameters();
      GarchParameters q = ref.parameters();
      assertThat(p.mu() / c).isCloseTo(q.mu(), within(1e-4 * Math.abs(q.mu()) + 1e-6));
      assertThat(p.omega() / c / c).isCloseTo(q.omega(), within(1e-4 * q.omega()));
      assertThat(p.alpha1()).isCloseTo(q.alpha1(), within(1e-5));
      assertThat(p.beta1()).isCloseTo(q.beta1(), within(1e-5));
    }
  }
}

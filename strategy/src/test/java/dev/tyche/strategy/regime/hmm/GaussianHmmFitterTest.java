package dev.tyche.strategy.regime.hmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianHmmFitterTest {

  @Test
  void recoversASimulatedThreeStateModelInCanonicalOrder() {
    GaussianHmm truth = HmmFixtures.univariateThreeState();
    double[] x = HmmTestData.simulate(truth, 6000, 42, null);
    HmmFit fit = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(3));
    GaussianHmm m = fit.model();
    assertThat(fit.status()).isEqualTo(HmmFitStatus.CONVERGED);
    assertThat(fit.toleranceReached()).isTrue();
    assertThat(m.initialIsErgodic()).isTrue();
    assertThat(m.univariateVariances()[0]).isCloseTo(0.25, within(0.03));
    assertThat(m.univariateVariances()[1]).isCloseTo(1.0, within(0.15));
    assertThat(m.univariateVariances()[2]).isCloseTo(6.0, within(0.8));
    assertThat(m.transitionMatrix()[0][0]).isCloseTo(0.97, within(0.02));
    // The fitted optimum is at least as likely as the truth.
    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(x));
    assertThat(fit.logLikelihood()).isCloseTo(m.logLikelihood(x), within(1e-9));
    assertThat(fit.freeParameters()).isEqualTo(12);
    assertThat(fit.observations()).isEqualTo(6000);
    assertThat(fit.aic()).isCloseTo(24 - 2 * fit.logLikelihood(), within(1e-9));
    assertThat(fit.bic()).isCloseTo(12 * Math.log(6000) - 2 * fit.logLikelihood(), within(1e-9));
    assertThat(fit.startLogLikelihoods()).hasSize(2 + 4);
    assertThat(fit.gradientNorm()).isLessThanOrEqualTo(1e-7);
  }

  @Test
  void bicPrefersTheTrueNumberOfStates() {
    GaussianHmm truth =
        GaussianHmm.univariate(
            InitialDistribution.ergodic(),
            HmmFixtures.A2,
            new double[] {0.05, -0.3},
            new double[] {0.4, 4.0});
    double[] x = HmmTestData.simulate(truth, 3000, 7, null);
    double[] bic = new double[4];
    for (int k = 1; k <= 3; k++) {
      bic[k] = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(k)).bic();
    }
    assertThat(bic[2]).isLessThan(bic[1]);
    assertThat(bic[2]).isLessThan(bic[3]);
  }

  @Test
  void estimatedInitialDistributionIsAFreeParameter() {
    GaussianHmm truth = HmmFixtures.univariateThreeState();
    double[] x = HmmTestData.simulate(truth, 800, 5, null);
    HmmFit est =
        GaussianHmmFitter.fit(
            x, HmmFitOptions.defaults(2).withInitialState(InitialStateFit.ESTIMATED));
    HmmFit erg = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(2));
    assertThat(est.freeParameters()).isEqualTo(7);
    assertThat(erg.freeParameters()).isEqualTo(6);
    assertThat(est.polishIterations()).isZero();
    assertThat(est.gradientNorm()).isNaN();
    assertThat(est.model().initialIsErgodic()).isFalse();
    // A free pi can only add likelihood.
    assertThat(est.logLikelihood()).isGreaterThanOrEqualTo(erg.logLikelihood() - 1e-6);
  }

  @Test
  void recoversMultivariateDiagonalAndFullModels() {
    GaussianHmm truth = HmmFixtures.fullTwoState();
    double[][] x = HmmTestData.simulateMulti(truth, 4000, 11, null);
    HmmFit full =
        GaussianHmmFitter.fit(x, HmmFitOptions.defaults(2).withCovarianceType(CovarianceType.FULL));
    GaussianHmm m = full.model();
    assertThat(m.covarianceType()).isEqualTo(CovarianceType.FULL);
    assertThat(full.status()).isEqualTo(HmmFitStatus.CONVERGED);
    assertThat(full.freeParameters()).isEqualTo(2 + 4 + 6);
    assertThat(m.covariance(0)[0][1]).isCloseTo(0.2, within(0.05));
    assertThat(m.covariance(1)[0][1]).isCloseTo(-1.2, within(0.25));
    assertThat(m.mean(1)[0]).isCloseTo(-1.0, within(0.15));
    assertThat(full.logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(x));
    HmmFit diag = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(2));
    assertThat(diag.model().covarianceType()).isEqualTo(CovarianceType.DIAGONAL);
    assertThat(diag.freeParameters()).isEqualTo(2 + 4 + 4);
    // The correlated truth is better described by full covariances.
    assertThat(full.bic()).isLessThan(diag.bic());
    assertThat(diag.model().covariance(1)[1][1]).isCloseTo(2.0, within(0.3));
  }

  @Test
  void analyticGradientOfTheErgodicObjectiveMatchesFiniteDifferences() {
    checkGradient(HmmFixtures.univariateThreeState(), 1);
    checkGradient(HmmFixtures.diagonalTwoState(), 2);
    checkGradient(HmmFixtures.fullTwoState(), 2);
  }

  private static void checkGradient(GaussianHmm model, int d) {
    double[][] xs = HmmTestData.simulateMulti(model, 300, 3, null);
    double[] z = new double[xs.length * d];
    for (int t = 0; t < xs.length; t++) {
      System.arraycopy(xs[t], 0, z, t * d, d);
    }
    HmmParameters p = model.parameters();
    ForwardBackward fb = new ForwardBackward(xs.length, p.k, d, false);
    ForwardBackward.Stats st = new ForwardBackward.Stats(p.k, d, p.type);
    GaussianHmmFitter.ErgodicObjective obj =
        new GaussianHmmFitter.ErgodicObjective(p, z, fb, st, 1e-3);
    double[] th = obj.encode(p);
    double[] g = new double[th.length];
    double f0 = obj.value(th, g);
    assertThat(f0).isCloseTo(-model.logLikelihood(xs) / xs.length, within(1e-4));
    double[] tmp = new double[th.length];
    for (int i = 0; i < th.length; i++) {
      double h = 1e-6;
      double[] up = th.clone();
      double[] dn = th.clone();
      up[i] += h;
      dn[i] -= h;
      double fd = (obj.value(up, tmp) - obj.value(dn, tmp)) / (2 * h);
      assertThat(g[i]).as("gradient component %d", i).isCloseTo(fd, within(1e-6));
    }
  }

  @Test
  void singleStateFitIsTheSampleMoments() {
    double[] x = {1.0, 2.0, 4.0, 7.0, -3.0};
    HmmFit fit = GaussianHmmFitter.fit(x, HmmFitOptions.defaults(1));
    assertThat(fit.model().univariateMeans()[0]).isCloseTo(2.2, within(1e-9));
    assertThat(fit.model().univariateVariances()[0]).isCloseTo(10.96, within(1e-7));
    assertThat(fit.freeParameters()).isEqualTo(2);
  }

  @Test
  void iterationLimitIsReported() {
    GaussianHmm truth = HmmFixtures.univariateThreeState();
    double[] x = HmmTestData.simulate(truth, 500, 8, null);
    HmmFit fit =
        GaussianHmmFitter.fit(
            x,
            HmmFitOptions.defaults(3)
                .withInitialState(InitialStateFit.ESTIMATED)
                .withIterations(3, 2)
                .withRandomStarts(0, 1));
    assertThat(fit.status()).isEqualTo(HmmFitStatus.ITERATION_LIMIT);
    assertThat(fit.toleranceReached()).isFalse();
    assertThat(fit.emIterations()).isEqualTo(3);
  }

  @Test
  void rejectsBadInput() {
    HmmFitOptions two = HmmFitOptions.defaults(2);
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[] {1.0, Double.NaN, 2.0}, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 1 must be finite but was NaN");
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[] {1.0}, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("T must be >= K=2 but was 1");
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[] {3, 3, 3}, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constant");
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[][] {{1, 2}, {3}}, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 1 must have dimension 2");
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[0][], two))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GaussianHmmFitter.fit(new double[] {1, 2}, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> HmmFitOptions.defaults(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numStates K must be >= 1 but was 0");
    assertThatThrownBy(() -> two.withRandomStarts(-1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withIterations(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withIterations(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withTolerances(Double.NaN, 1e-6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withTolerances(1e-6, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withVarianceFloor(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> two.withCovarianceType(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> two.withInitialState(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void varianceFloorKeepsADegenerateStateAway() {
    // Three identical values would collapse one state's variance to 0 without a floor.
    double[] x = {0.0, 0.0, 0.0, 0.0, 1.5, -2.0, 0.7, 3.1, -1.2, 0.4};
    HmmFit fit =
        GaussianHmmFitter.fit(
            x,
            HmmFitOptions.defaults(2)
                .withInitialState(InitialStateFit.ESTIMATED)
                .withVarianceFloor(1e-3));
    double sampleVar = 0;
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    for (double v : x) {
      sampleVar += (v - mean) * (v - mean) / x.length;
    }
    assertThat(fit.model().univariateVariances()[0])
        .isGreaterThanOrEqualTo(1e-3 * sampleVar * (1 - 1e-12));
    assertThat(fit.logLikelihood()).isFinite();
  }
}

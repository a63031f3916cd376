package dev.tyche.strategy.regime.hmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianHmmTest {

  private static final double[][] A = {{0.9, 0.1}, {0.2, 0.8}};
  private static final InitialDistribution HALF = InitialDistribution.given(0.5, 0.5);

  @Test
  void ergodicInitialIsTheStationaryDistribution() {
    GaussianHmm m =
        GaussianHmm.univariate(
            InitialDistribution.ergodic(), A, new double[] {0, 1}, new double[] {1, 2});
    // pi = (a21, a12) / (a12 + a21) for two states.
    assertThat(m.initialDistribution())
        .containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-15));
    assertThat(m.initialIsErgodic()).isTrue();
    assertThat(MarkovChains.stationaryDistribution(A))
        .containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-15));
    assertThat(MarkovChains.expectedDurations(A))
        .containsExactly(new double[] {10, 5}, within(1e-12));
    double[] pi3 =
        MarkovChains.stationaryDistribution(
            new double[][] {{0.5, 0.5, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}});
    assertThat(pi3).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-15));
  }

  @Test
  void accessorsCopyAndDescribeTheModel() {
    GaussianHmm m = GaussianHmm.univariate(HALF, A, new double[] {0.5, -1}, new double[] {1, 2});
    assertThat(m.numStates()).isEqualTo(2);
    assertThat(m.dimension()).isEqualTo(1);
    assertThat(m.covarianceType()).isEqualTo(CovarianceType.DIAGONAL);
    assertThat(m.initialIsErgodic()).isFalse();
    assertThat(m.transitionMatrix()).isDeepEqualTo(A);
    m.transitionMatrix()[0][0] = 7;
    assertThat(m.transitionMatrix()[0][0]).isEqualTo(0.9);
    assertThat(m.mean(1)).containsExactly(-1.0);
    assertThat(m.covariance(1)).isDeepEqualTo(new double[][] {{2.0}});
    assertThat(m.univariateMeans()).containsExactly(0.5, -1.0);
    assertThat(m.univariateVariances()).containsExactly(1.0, 2.0);
    assertThat(m.toString()).contains("K=2").contains("ergodicInitial=false");
    assertThatThrownBy(() -> m.mean(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(InitialDistribution.given(0.25, 0.75))
        .isEqualTo(InitialDistribution.given(0.25, 0.75))
        .hasSameHashCodeAs(InitialDistribution.given(0.25, 0.75))
        .hasToString("Given[0.25, 0.75]");
  }

  @Test
  void canonicalOrderSortsByVarianceAndKeepsTheLikelihood() {
    GaussianHmm m =
        GaussianHmm.univariate(
            InitialDistribution.given(0.3, 0.7),
            A,
            new double[] {1.0, 0.0},
            new double[] {4.0, 1.0});
    GaussianHmm c = m.canonical();
    assertThat(c.univariateVariances()).containsExactly(1.0, 4.0);
    assertThat(c.univariateMeans()).containsExactly(0.0, 1.0);
    assertThat(c.transitionMatrix()).isDeepEqualTo(new double[][] {{0.8, 0.2}, {0.1, 0.9}});
    assertThat(c.initialDistribution()).containsExactly(0.7, 0.3);
    double[] x = {0.3, -1.2, 2.5, 0.1};
    assertThat(c.logLikelihood(x)).isCloseTo(m.logLikelihood(x), within(1e-12));
    assertThat(c.canonical()).isSameAs(c);
    assertThat(c.forward(x).filteredProbability(2, 0))
        .isCloseTo(m.forward(x).filteredProbability(2, 1), within(1e-14));
  }

  @Test
  void multivariateConventionsAgree() {
    GaussianHmm diag = HmmFixtures.diagonalTwoState();
    GaussianHmm full =
        GaussianHmm.full(
            InitialDistribution.ergodic(),
            HmmFixtures.A2,
            new double[][] {{0.5, -0.2}, {-1.0, 0.8}},
            new double[][][] {{{0.5, 0}, {0, 0.4}}, {{3.0, 0}, {0, 2.0}}});
    double[][] x = HmmTestData.simulateMulti(diag, 50, 3, null);
    assertThat(full.logLikelihood(x)).isCloseTo(diag.logLikelihood(x), within(1e-10));
    assertThat(full.viterbi(x).path()).containsExactly(diag.viterbi(x).path());
    double[][] sd = diag.smoothedProbabilitiesUsingFutureData(x);
    double[][] sf = full.smoothedProbabilitiesUsingFutureData(x);
    for (int t = 0; t < x.length; t++) {
      assertThat(sf[t]).containsExactly(sd[t], within(1e-12));
    }
    assertThat(full.covarianceType()).isEqualTo(CovarianceType.FULL);
    assertThat(full.covariance(1)).isDeepEqualTo(new double[][] {{3.0, 0}, {0, 2.0}});
    assertThat(diag.covariance(1)).isDeepEqualTo(new double[][] {{3.0, 0}, {0, 2.0}});
    assertThatThrownBy(diag::univariateMeans).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> diag.forward(new double[] {1.0}))
        .isInstanceOf(IllegalStateException.class);
    // A univariate model is a 1-d multivariate one.
    GaussianHmm uni = GaussianHmm.univariate(HALF, A, new double[] {0.5, -1}, new double[] {1, 2});
    GaussianHmm d1 =
        GaussianHmm.diagonal(HALF, A, new double[][] {{0.5}, {-1}}, new double[][] {{1}, {2}});
    double[] y = {0.2, 1.4, -3.0, 0.0};
    double[][] y2 = {{0.2}, {1.4}, {-3.0}, {0.0}};
    assertThat(d1.logLikelihood(y2)).isEqualTo(uni.logLikelihood(y));
    assertThat(uni.viterbi(y2).path()).containsExactly(uni.viterbi(y).path());
  }

  @Test
  void farOutliersDoNotUnderflowTheScaledForward() {
    GaussianHmm m = GaussianHmm.univariate(HALF, A, new double[] {0, 0}, new double[] {1e-4, 1e-3});
    ForwardResult f = m.forward(new double[] {0.0, 50.0, 0.0});
    assertThat(f.logLikelihood()).isFinite();
    assertThat(f.filtered(1)[1]).isCloseTo(1.0, within(1e-12));
    // A state the chain cannot reach gets probability 0, not NaN.
    GaussianHmm absorbing =
        GaussianHmm.univariate(
            InitialDistribution.given(1, 0),
            new double[][] {{1, 0}, {0.5, 0.5}},
            new double[] {0, 100},
            new double[] {1, 1});
    ForwardResult g = absorbing.forward(new double[] {0.0, 100.0});
    assertThat(g.filtered(1)).containsExactly(1.0, 0.0);
    assertThat(g.logLikelihood()).isFinite();
    assertThat(absorbing.smoothedProbabilitiesUsingFutureData(new double[] {0.0, 100.0})[1])
        .containsExactly(1.0, 0.0);
  }

  @Test
  void onlineFilterStartsFromTheInitialDistributionAndResets() {
    GaussianHmm m = GaussianHmm.univariate(HALF, A, new double[] {0.5, -1}, new double[] {1, 2});
    OnlineHmmFilter f = m.onlineFilter();
    assertThat(f.numStates()).isEqualTo(2);
    assertThat(f.predictedProbability(0)).isEqualTo(0.5);
    assertThat(f.filteredProbability(1)).isEqualTo(0.5);
    f.update(3.0);
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.filteredProbability(0))
        .isCloseTo(m.forward(new double[] {3.0}).filtered(0)[0], within(0.0));
    f.reset();
    assertThat(f.count()).isZero();
    assertThat(f.logLikelihood()).isZero();
    assertThatThrownBy(() -> f.update(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> f.update(new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 1");
    assertThatThrownBy(() -> f.predictedProbability(2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    OnlineHmmFilter mf = HmmFixtures.fullTwoState().onlineFilter();
    assertThatThrownBy(() -> mf.update(1.0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> mf.update(new double[] {1.0, Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation[1]");
  }

  @Test
  void rejectsNanAndInfiniteObservations() {
    GaussianHmm m = GaussianHmm.univariate(HALF, A, new double[] {0, 1}, new double[] {1, 2});
    assertThatThrownBy(() -> m.forward(new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 1 must be finite but was NaN");
    assertThatThrownBy(() -> m.viterbi(new double[] {Double.NEGATIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.smoothedProbabilitiesUsingFutureData(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> HmmFixtures.fullTwoState().forward(new double[][] {{1.0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 2");
  }

  @Test
  void rejectsMalformedModels() {
    double[] mu = {0, 1};
    double[] var = {1, 2};
    assertThatThrownBy(
            () -> GaussianHmm.univariate(HALF, new double[0][], new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("K must be >= 1 but was 0");
    assertThatThrownBy(
            () -> GaussianHmm.univariate(HALF, new double[][] {{0.9, 0.2}, {0.2, 0.8}}, mu, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transition matrix row 0 must sum to 1");
    assertThatThrownBy(
            () -> GaussianHmm.univariate(HALF, new double[][] {{1.1, -0.1}, {0.2, 0.8}}, mu, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a probability in [0, 1] but was 1.1");
    assertThatThrownBy(
            () -> GaussianHmm.univariate(HALF, new double[][] {{1.0}, {0.2, 0.8}}, mu, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2x2");
    assertThatThrownBy(() -> GaussianHmm.univariate(HALF, A, mu, new double[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("variances[1] must be finite and > 0 but was -2.0");
    assertThatThrownBy(() -> GaussianHmm.univariate(HALF, A, new double[] {Double.NaN, 0}, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("means[0]");
    assertThatThrownBy(() -> GaussianHmm.univariate(HALF, A, new double[] {0}, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("means must have K=2");
    assertThatThrownBy(
            () -> GaussianHmm.univariate(InitialDistribution.given(0.2, 0.2, 0.6), A, mu, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("K=2 entries but had 3");
    assertThatThrownBy(() -> InitialDistribution.given(0.6, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must sum to 1");
    assertThatThrownBy(() -> InitialDistribution.given())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                GaussianHmm.univariate(
                    InitialDistribution.ergodic(), new double[][] {{1, 0}, {0, 1}}, mu, var))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique stationary distribution");
    assertThatThrownBy(
            () ->
                GaussianHmm.full(
                    HALF,
                    A,
                    new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {{{1, 0.5}, {0.4, 1}}, {{1, 0}, {0, 1}}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symmetric");
    assertThatThrownBy(
            () ->
                GaussianHmm.full(
                    HALF,
                    A,
                    new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {{{1, 2}, {2, 1}}, {{1, 0}, {0, 1}}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive definite");
    assertThatThrownBy(
            () ->
                GaussianHmm.full(
                    HALF, A, new double[][] {{0, 0}, {1, 1}}, new double[][][] {{{1, 0}, {0, 1}}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 matrices");
    assertThatThrownBy(
            () ->
                GaussianHmm.diagonal(
                    HALF, A, new double[][] {{0, 0}, {1}}, new double[][] {{1, 1}, {1, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("means row 1");
    assertThatThrownBy(() -> GaussianHmm.univariate(null, A, mu, var))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void onlineUpdatesDoNotAllocate() {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    OnlineHmmFilter uni = HmmFixtures.univariateThreeState().onlineFilter();
    OnlineHmmFilter full = HmmFixtures.fullTwoState().onlineFilter();
    double[] x = HmmTestData.simulate(HmmFixtures.univariateThreeState(), 1024, 4, null);
    double[][] y = HmmTestData.simulateMulti(HmmFixtures.fullTwoState(), 1024, 5, null);
    double[] out = new double[3];
    double sink = 0.0;
    for (int t = 0; t < 50_000; t++) { // warm-up: class loading and JIT compilation
      sink += uni.update(x[t & 1023]) + full.update(y[t & 1023]);
      uni.copyFilteredProbabilities(out);
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int t = 0; t < 200_000; t++) {
      sink += uni.update(x[t & 1023]) + full.update(y[t & 1023]);
      uni.copyPredictedProbabilities(out);
      sink += out[0];
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sink).isFinite();
    // One small array per update would already be several MB; allow measurement noise.
    assertThat(allocated).isLessThan(16_384);
  }
}

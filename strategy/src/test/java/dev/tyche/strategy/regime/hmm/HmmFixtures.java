package dev.tyche.strategy.regime.hmm;

/** Fixed models used by several tests. */
final class HmmFixtures {

  private HmmFixtures() {}

  static final double[][] A2 = {{0.95, 0.05}, {0.1, 0.9}};

  static GaussianHmm fullTwoState() {
    return GaussianHmm.full(
        InitialDistribution.ergodic(),
        A2,
        new double[][] {{0.5, -0.2}, {-1.0, 0.8}},
        new double[][][] {{{0.5, 0.2}, {0.2, 0.4}}, {{3.0, -1.2}, {-1.2, 2.0}}});
  }

  static GaussianHmm diagonalTwoState() {
    return GaussianHmm.diagonal(
        InitialDistribution.ergodic(),
        A2,
        new double[][] {{0.5, -0.2}, {-1.0, 0.8}},
        new double[][] {{0.5, 0.4}, {3.0, 2.0}});
  }

  static GaussianHmm univariateThreeState() {
    return GaussianHmm.univariate(
        InitialDistribution.ergodic(),
        new double[][] {{0.97, 0.02, 0.01}, {0.03, 0.94, 0.03}, {0.02, 0.04, 0.94}},
        new double[] {0.1, -0.05, -0.4},
        new double[] {0.25, 1.0, 6.0});
  }
}

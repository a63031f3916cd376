package dev.tyche.strategy.regime.hmm;

import java.util.Random;

/** Seeded simulation of Gaussian HMM data for tests. */
final class HmmTestData {

  private HmmTestData() {}

  /** Simulates T observations of a univariate model; states are written to {@code states}. */
  static double[] simulate(GaussianHmm m, int n, long seed, int[] states) {
    double[][] x = simulateMulti(m, n, seed, states);
    double[] out = new double[n];
    for (int t = 0; t < n; t++) {
      out[t] = x[t][0];
    }
    return out;
  }

  /** Simulates T observations of any model (Cholesky of each covariance). */
  static double[][] simulateMulti(GaussianHmm m, int n, long seed, int[] states) {
    Random rng = new Random(seed);
    int k = m.numStates();
    int d = m.dimension();
    double[][] a = m.transitionMatrix();
    double[][][] l = new double[k][][];
    for (int s = 0; s < k; s++) {
      l[s] = cholesky(m.covariance(s));
    }
    double[][] x = new double[n][d];
    int s = draw(m.initialDistribution(), rng);
    double[] z = new double[d];
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        s = draw(a[s], rng);
      }
      if (states != null) {
        states[t] = s;
      }
      for (int j = 0; j < d; j++) {
        z[j] = rng.nextGaussian();
      }
      double[] mu = m.mean(s);
      for (int i = 0; i < d; i++) {
        double v = mu[i];
        for (int j = 0; j <= i; j++) {
          v += l[s][i][j] * z[j];
        }
        x[t][i] = v;
      }
    }
    return x;
  }

  private static int draw(double[] p, Random rng) {
    double u = rng.nextDouble();
    double c = 0.0;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      if (u < c) {
        return i;
      }
    }
    return p.length - 1;
  }

  static double[][] cholesky(double[][] m) {
    int d = m.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i][j];
        for (int q = 0; q < j; q++) {
          s -= l[i][q] * l[j][q];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    return l;
  }

  /** A random univariate model with K states from a seed (persistent, well-conditioned). */
  static GaussianHmm randomModel(int k, long seed, boolean ergodic) {
    Random rng = new Random(seed);
    double[][] a = new double[k][k];
    for (int i = 0; i < k; i++) {
      double sum = 0.0;
      for (int j = 0; j < k; j++) {
        a[i][j] = 0.05 + rng.nextDouble() + (i == j ? 1.0 : 0.0);
        sum += a[i][j];
      }
      for (int j = 0; j < k; j++) {
        a[i][j] /= sum;
      }
    }
    double[] mu = new double[k];
    double[] var = new double[k];
    double[] pi = new double[k];
    double ps = 0.0;
    for (int s = 0; s < k; s++) {
      mu[s] = 2.0 * rng.nextGaussian();
      var[s] = 0.1 + 3.0 * rng.nextDouble();
      pi[s] = 0.05 + rng.nextDouble();
      ps += pi[s];
    }
    for (int s = 0; s < k; s++) {
      pi[s] /= ps;
    }
    InitialDistribution init =
        ergodic ? InitialDistribution.ergodic() : InitialDistribution.given(pi);
    return GaussianHmm.univariate(init, a, mu, var);
  }
}

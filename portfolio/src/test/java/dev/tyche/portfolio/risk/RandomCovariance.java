package dev.tyche.portfolio.risk;

import java.util.SplittableRandom;

/** Random positive definite covariance matrices for properties: F F' + ridge, vols 1-10 %. */
final class RandomCovariance {

  private RandomCovariance() {}

  static double[][] of(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    int k = 1 + rng.nextInt(n + 1);
    double[][] f = new double[n][k];
    for (double[] row : f) {
      double scale = 0.01 + 0.09 * rng.nextDouble();
      for (int j = 0; j < k; j++) {
        row[j] = scale * rng.nextGaussian() / Math.sqrt(k);
      }
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.0;
        for (int m = 0; m < k; m++) {
          s += f[i][m] * f[j][m];
        }
        c[i][j] = s;
        c[j][i] = s;
      }
      c[i][i] += 1e-5;
    }
    return c;
  }
}

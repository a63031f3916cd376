package dev.tyche.execution.schedule;

import java.util.Locale;

/**
 * Weighted least squares {@code min sum_i w_i (y_i - z_i . b)^2} by the normal equations, with the
 * columns scaled to unit weighted root-mean-square first so that regressors of very different sizes
 * (an intercept next to trade rates of 10^6 shares a day) do not ruin the Cholesky factorisation.
 */
final class WeightedLeastSquares {

  /** Smallest admissible Cholesky pivot of the scaled normal matrix (unit diagonal). */
  private static final double MIN_PIVOT = 1e-10;

  private WeightedLeastSquares() {}

  /**
   * The fit.
   *
   * @param coefficients {@code b}
   * @param covariance {@code s^2 (Z' W Z)^-1}
   * @param residualVariance {@code s^2 = sum w e^2 / (n - p)}
   * @param rSquared {@code 1 - SSR / SSR_0}, {@code SSR_0} from the first column alone or zero
   */
  record Result(
      double[] coefficients, double[][] covariance, double residualVariance, double rSquared) {}

  /**
   * Fits the model.
   *
   * @param design {@code n x p} regressors
   * @param y responses
   * @param w positive weights
   * @param centred whether R^2 is measured against the fit on the first column alone (an intercept,
   *     possibly whitened) or against zero
   * @param names regressor names for the collinearity message
   */
  static Result fit(double[][] design, double[] y, double[] w, boolean centred, String[] names) {
    int n = y.length;
    int p = names.length;
    if (n <= p) {
      throw new IllegalArgumentException(
          "need more observations than the " + p + " coefficients but got " + n);
    }
    double[] scale = new double[p];
    double totalWeight = 0;
    for (int i = 0; i < n; i++) {
      totalWeight += w[i];
      for (int j = 0; j < p; j++) {
        scale[j] += w[i] * design[i][j] * design[i][j];
      }
    }
    for (int j = 0; j < p; j++) {
      scale[j] = Math.sqrt(scale[j] / totalWeight);
      if (!(scale[j] > 0)) {
        throw new IllegalArgumentException(
            "regressor " + names[j] + " is zero in every observation, so it cannot be estimated");
      }
    }
    double[][] a = new double[p][p];
    double[] rhs = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double zij = design[i][j] / scale[j];
        rhs[j] += w[i] * zij * y[i] / totalWeight;
        for (int k = 0; k <= j; k++) {
          a[j][k] += w[i] * zij * design[i][k] / scale[k] / totalWeight;
        }
      }
    }
    double[][] l = cholesky(a, names);
    double[][] inverse = inverseFromCholesky(l);
    double[] scaled = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        scaled[j] += inverse[j][k] * rhs[k];
      }
    }
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = scaled[j] / scale[j];
    }
    // The baseline for R^2: the fit on the first column alone (the weighted mean when that column
    // is a constant intercept), or zero.
    double base = 0;
    if (centred) {
      double zy = 0;
      double zz = 0;
      for (int i = 0; i < n; i++) {
        zy += w[i] * design[i][0] * y[i];
        zz += w[i] * design[i][0] * design[i][0];
      }
      base = zy / zz;
    }
    double ssr = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int j = 0; j < p; j++) {
        fitted += design[i][j] * b[j];
      }
      double e = y[i] - fitted;
      double e0 = y[i] - (centred ? base * design[i][0] : 0);
      ssr += w[i] * e * e;
      sst += w[i] * e0 * e0;
    }
    double s2 = ssr / (n - p);
    double[][] cov = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        cov[j][k] = s2 * inverse[j][k] / (totalWeight * scale[j] * scale[k]);
      }
    }
    // Nothing to explain beyond the baseline: call the fit perfect.
    double r2 = sst > 0 ? 1 - ssr / sst : 1;
    return new Result(b, cov, s2, r2);
  }

  private static double[][] cholesky(double[][] a, String[] names) {
    int p = a.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > MIN_PIVOT)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "regressor %s is (nearly) a linear combination of the others (pivot %s), so the"
                    + " coefficients are not identified; vary it independently across"
                    + " observations",
                names[j],
                d));
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < p; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return l;
  }

  private static double[][] inverseFromCholesky(double[][] l) {
    int p = l.length;
    double[][] inv = new double[p][p];
    for (int c = 0; c < p; c++) {
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        double s = i == c ? 1 : 0;
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * z[k];
        }
        z[i] = s / l[i][i];
      }
      for (int i = p - 1; i >= 0; i--) {
        double s = z[i];
        for (int k = i + 1; k < p; k++) {
          s -= l[k][i] * inv[k][c];
        }
        inv[i][c] = s / l[i][i];
      }
    }
    return inv;
  }
}

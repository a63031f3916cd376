package dev.tyche.portfolio.returns;

import dev.tyche.risk.covariance.CovarianceEstimators;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Expected-return estimates from a {@code T x N} matrix of per-period returns (rows = observations
 * in time order, oldest first; columns = assets): the historical mean, the exponentially weighted
 * mean, and Bayes-Stein (James-Stein) shrinkage of the means toward a common value.
 *
 * <p>All results are per period of the input and in its return convention (simple or log); nothing
 * is annualised.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class ExpectedReturns {

  private ExpectedReturns() {}

  /**
   * Historical (sample) mean of each column, {@code mu_j = (1/T) sum_t r_tj}.
   *
   * @param returns {@code T x N} returns, {@code T >= 1}, rectangular and finite
   * @return the {@code N} column means
   * @throws IllegalArgumentException for an empty, ragged or non-finite matrix
   */
  public static double[] historicalMean(double[][] returns) {
    int n = Inputs.returns(returns, "returns", 1);
    double[] mean = new double[n];
    for (double[] row : returns) {
      for (int j = 0; j < n; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= returns.length;
    }
    return mean;
  }

  /**
   * Exponentially weighted mean with decay {@code lambda}: the observation {@code k} periods before
   * the last gets weight {@code lambda^k}, and the weights are normalised over the sample,
   *
   * <pre>{@code
   * mu_j = sum_{t=0}^{T-1} lambda^(T-1-t) r_tj / sum_{t=0}^{T-1} lambda^(T-1-t)
   * }</pre>
   *
   * The finite-sample normalisation (rather than {@code 1 - lambda}) makes a constant series have
   * that constant as its mean. {@code lambda} close to 1 approaches the historical mean. The decay
   * for a half-life of {@code h} periods is {@link #lambdaForHalfLife(double)}.
   *
   * @param returns {@code T x N} returns, oldest first, {@code T >= 1}, rectangular and finite
   * @param lambda the decay factor, {@code 0 < lambda <= 1} ({@code 1} = historical mean)
   * @return the {@code N} weighted means
   * @throws IllegalArgumentException for a bad {@code lambda} or matrix
   */
  public static double[] ewmaMean(double[][] returns, double lambda) {
    if (!(lambda > 0.0 && lambda <= 1.0)) {
      throw new IllegalArgumentException("lambda must be in (0, 1] but was " + lambda);
    }
    int n = Inputs.returns(returns, "returns", 1);
    double[] sum = new double[n];
    double weightSum = 0.0;
    double weight = 1.0;
    // Newest first, so that the weight of the newest observation is exactly 1 and tiny weights
    // of old observations underflow harmlessly.
    for (int t = returns.length - 1; t >= 0; t--) {
      for (int j = 0; j < n; j++) {
        sum[j] += weight * returns[t][j];
      }
      weightSum += weight;
      weight *= lambda;
    }
    for (int j = 0; j < n; j++) {
      sum[j] /= weightSum;
    }
    return sum;
  }

  /**
   * The decay factor whose weights halve every {@code halfLife} periods: {@code lambda =
   * 2^(-1/halfLife)}, so that {@code lambda^halfLife = 1/2}.
   *
   * @param halfLife the half-life in periods, finite and {@code > 0}
   * @return {@code lambda} in (0, 1)
   * @throws IllegalArgumentException if {@code halfLife} is not finite and positive
   */
  public static double lambdaForHalfLife(double halfLife) {
    if (!(halfLife > 0.0) || Double.isInfinite(halfLife)) {
      throw new IllegalArgumentException("halfLife must be finite and > 0 but was " + halfLife);
    }
    return Math.pow(2.0, -1.0 / halfLife);
  }

  /**
   * Bayes-Stein shrinkage of the sample means toward a common value, after P. Jorion, "Bayes-Stein
   * estimation for portfolio analysis", J. Financial and Quantitative Analysis 21(3), 1986,
   * 279-292, which applies the shrinkage idea of W. James and C. Stein, "Estimation with quadratic
   * loss", Proc. 4th Berkeley Symposium, 1961, to asset means. With {@code T} observations of
   * {@code N} assets, sample means {@code mu_hat}, sample covariance {@code S} (divisor {@code T -
   * 1}) and target {@code mu_0}:
   *
   * <pre>{@code
   * Sigma = S (T - 1) / (T - N - 2)
   * d     = mu_hat - mu_0 1
   * phi   = (N + 2) / ((N + 2) + T d' Sigma^-1 d)
   * mu    = (1 - phi) mu_hat + phi mu_0 1
   * }</pre>
   *
   * This is Jorion's {@code w = lambda / (T + lambda)} with {@code lambda = (N + 2) / (d' Sigma^-1
   * d)}, the form also used by DeMiguel, Garlappi and Uppal (2009, Rev. Financial Studies 22(5)).
   * Since {@code Sigma} is positive definite, {@code phi} lies in (0, 1]; it is 1 when all sample
   * means equal the target. With {@link MeanShrinkageTarget#MINIMUM_VARIANCE_MEAN} the target is
   * Jorion's {@code mu_0 = 1' Sigma^-1 mu_hat / 1' Sigma^-1 1}; with {@link
   * MeanShrinkageTarget#GRAND_MEAN} it is the plain average of the sample means and the same
   * intensity formula is applied (a variant, not Jorion's exact estimator).
   *
   * @param returns {@code T x N} returns, rectangular and finite, with {@code T > N + 2}
   * @param target the common value to shrink toward
   * @return the shrunk means, the sample means, the target and the intensity {@code phi}
   * @throws IllegalArgumentException if {@code T <= N + 2}, the matrix is ragged or not finite, or
   *     the sample covariance is not positive definite (collinear or constant columns)
   */
  public static ShrunkMeans jamesStein(double[][] returns, MeanShrinkageTarget target) {
    Objects.requireNonNull(target, "target must not be null");
    int n = Inputs.returns(returns, "returns", 1);
    int t = returns.length;
    if (t <= n + 2) {
      throw new IllegalArgumentException(
          "returns must have more than N + 2 = " + (n + 2) + " rows but had " + t);
    }
    double[] muHat = historicalMean(returns);
    double[][] s = CovarianceEstimators.sample(returns, 1);
    double factor = (t - 1.0) / (t - n - 2.0);
    DMatrixRMaj sigma = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sigma.set(i, j, s[i][j] * factor);
      }
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
    if (!solver.setA(sigma)) {
      throw new IllegalArgumentException(
          "the sample covariance of returns must be positive definite for Bayes-Stein shrinkage"
              + " (are some columns constant or collinear?)");
    }
    double mu0;
    if (target == MeanShrinkageTarget.GRAND_MEAN) {
      double sum = 0.0;
      for (double m : muHat) {
        sum += m;
      }
      mu0 = sum / n;
    } else {
      DMatrixRMaj ones = new DMatrixRMaj(n, 1);
      ones.fill(1.0);
      DMatrixRMaj inverseOnes = new DMatrixRMaj(n, 1);
      solver.solve(ones, inverseOnes);
      double num = 0.0;
      double den = 0.0;
      for (int i = 0; i < n; i++) {
        num += inverseOnes.get(i, 0) * muHat[i];
        den += inverseOnes.get(i, 0);
      }
      mu0 = num / den;
    }
    DMatrixRMaj d = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      d.set(i, 0, muHat[i] - mu0);
    }
    DMatrixRMaj inverseD = new DMatrixRMaj(n, 1);
    solver.solve(d, inverseD);
    double quadratic = 0.0;
    for (int i = 0; i < n; i++) {
      quadratic += d.get(i, 0) * inverseD.get(i, 0);
    }
    // Rounding can make a zero quadratic form a hair negative; it is zero.
    quadratic = Math.max(quadratic, 0.0);
    double phi = (n + 2.0) / ((n + 2.0) + t * quadratic);
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = (1.0 - phi) * muHat[i] + phi * mu0;
    }
    return new ShrunkMeans(mu, muHat, mu0, target, phi);
  }
}

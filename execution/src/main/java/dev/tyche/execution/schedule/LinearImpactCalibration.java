package dev.tyche.execution.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Estimates the linear impact coefficients {@code epsilon, eta, gamma} from one's own executed
 * child orders.
 *
 * <p><b>The regression.</b> In the Almgren-Chriss model (§1.2-§1.5) the {@code k}-th child of a
 * parent trades at the unaffected price, moved against the trader by the permanent impact {@code
 * gamma Q_k} of the {@code Q_k} shares the parent traded before it, plus the temporary cost {@code
 * epsilon + eta v_k} of its own trade rate {@code v_k = n_k / tau_k}. The slippage per share
 * against the decision price ({@link ParentOrderFills#slippagePerShare(int)}) therefore obeys
 *
 * <pre>
 * y_k = epsilon + eta v_k + gamma Q_k + e_k
 * </pre>
 *
 * where {@code e_k = sigma (W(t_k) + A_k)} is the price diffusion up to the child plus the average
 * of its path over the child's interval (fills spread evenly over {@code [t_k, t_k + tau_k]}).
 * Children of one parent share the path, so their errors are correlated: {@code Var e_k = sigma^2
 * (t_k + tau_k / 3)} and, for an earlier child {@code j}, {@code Cov(e_j, e_k) = sigma^2 (t_j +
 * tau_j / 2)}; different parents are independent. The coefficients are estimated by generalised
 * least squares with this block-diagonal covariance (each parent's rows are whitened by the
 * Cholesky factor of its block, then ordinary least squares runs on the whitened rows). Standard
 * errors are {@code sqrt(diag(s^2 (Z' Omega^-1 Z)^-1))} with {@code s^2} the whitened residual sum
 * of squares over {@code n - 3}, so they stay valid if every stated volatility is off by the same
 * factor. R² is {@code 1 - SSR / SSR_0}, with {@code SSR_0} the whitened residual sum of squares of
 * the GLS fit with the intercept alone (for independent equal-variance errors, the usual R²).
 *
 * <p>Identification needs trade rates and prior quantities that vary independently: parents with
 * several children of different sizes and speeds. One-child parents carry no information on {@code
 * gamma} ({@code Q_k = 0}).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class LinearImpactCalibration {

  private static final String[] NAMES = {
    "intercept (epsilon)", "trade rate (eta)", "prior (gamma)"
  };

  private LinearImpactCalibration() {}

  /**
   * Fits the linear model to the parents' fills.
   *
   * @param parents parent orders with their children, none null, at least 4 children in all
   * @return the estimates, standard errors and R²
   * @throws IllegalArgumentException if there are fewer than 4 children or the regressors are
   *     collinear (for example every parent has a single child, so every prior quantity is 0)
   */
  public static LinearImpactFit fit(List<ParentOrderFills> parents) {
    Objects.requireNonNull(parents, "parents");
    int n = 0;
    for (int i = 0; i < parents.size(); i++) {
      n += Objects.requireNonNull(parents.get(i), "parents[" + i + "]").children().size();
    }
    if (n < 4) {
      throw new IllegalArgumentException(
          "parents must hold at least 4 child orders in all but had " + n);
    }
    double[][] design = new double[n][];
    double[] y = new double[n];
    double[] w = new double[n];
    int row = 0;
    for (ParentOrderFills parent : parents) {
      int m = parent.children().size();
      double[][] block = new double[m][];
      double[] ys = new double[m];
      for (int k = 0; k < m; k++) {
        ChildOrderFill c = parent.children().get(k);
        block[k] = new double[] {1, c.tradeRate(), parent.priorQuantity(k)};
        ys[k] = parent.slippagePerShare(k);
      }
      double[][] l = choleskyOfNoise(parent);
      whiten(l, block);
      whiten(l, ys);
      for (int k = 0; k < m; k++) {
        design[row] = block[k];
        y[row] = ys[k];
        w[row] = 1;
        row++;
      }
    }
    WeightedLeastSquares.Result r = WeightedLeastSquares.fit(design, y, w, true, NAMES);
    double[] b = r.coefficients();
    double[][] c = r.covariance();
    return new LinearImpactFit(
        b[0],
        b[1],
        b[2],
        Math.sqrt(c[0][0]),
        Math.sqrt(c[1][1]),
        Math.sqrt(c[2][2]),
        r.rSquared(),
        r.residualVariance(),
        n);
  }

  /** Cholesky factor of the parent's noise covariance (see the class documentation). */
  private static double[][] choleskyOfNoise(ParentOrderFills parent) {
    List<ChildOrderFill> cs = parent.children();
    int m = cs.size();
    double s2 = parent.volatility() * parent.volatility();
    double[][] cov = new double[m][m];
    for (int k = 0; k < m; k++) {
      ChildOrderFill ck = cs.get(k);
      cov[k][k] = s2 * (ck.start() + ck.duration() / 3);
      for (int j = 0; j < k; j++) {
        ChildOrderFill cj = cs.get(j);
        cov[k][j] = s2 * (cj.start() + cj.duration() / 2);
      }
    }
    double[][] l = new double[m][m];
    for (int j = 0; j < m; j++) {
      double d = cov[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      // Positive: each child adds an independent part of variance sigma^2 tau / 12 at least.
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < m; i++) {
        double s = cov[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return l;
  }

  /** Replaces {@code rows} by {@code L^-1 rows} (forward substitution, column by column). */
  private static void whiten(double[][] l, double[][] rows) {
    int m = rows.length;
    int p = rows[0].length;
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < p; c++) {
        double s = rows[i][c];
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * rows[k][c];
        }
        rows[i][c] = s / l[i][i];
      }
    }
  }

  private static void whiten(double[][] l, double[] v) {
    for (int i = 0; i < v.length; i++) {
      double s = v[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * v[k];
      }
      v[i] = s / l[i][i];
    }
  }
}

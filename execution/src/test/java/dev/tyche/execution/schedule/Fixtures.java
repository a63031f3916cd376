package dev.tyche.execution.schedule;

import dev.tyche.core.order.Side;

/** Shared test problems and an independent solver of the first-order conditions. */
final class Fixtures {

  private Fixtures() {}

  /** The reference file's synthetic problem: X = 250 000 shares over 2 days in 8 intervals. */
  static AlmgrenChrissParameters shared(Side side, double drift) {
    return new AlmgrenChrissParameters(
        side, 250_000, 2, 8, 0.4, drift, new LinearImpact(0.01, 1e-6, 1e-7));
  }

  /**
   * Solves the first-order conditions of {@code min E + lambda V} for the interior holdings by the
   * Thomas algorithm, independently of the closed form: for {@code j = 1..N-1},
   *
   * <pre>
   * (2 eta_tilde / tau) (2 x_j - x_{j-1} - x_{j+1}) + 2 lambda sigma^2 tau x_j = alpha' tau
   * </pre>
   *
   * (valid where the schedule is monotone, so that {@code epsilon sum |n_k|} is constant).
   */
  static double[] firstOrderSolution(AlmgrenChrissParameters p, double lambda) {
    int n = p.intervals();
    double tau = p.tau();
    double c = 2 * p.etaTilde() / tau;
    double sigma = p.volatility();
    double diag = 2 * c + 2 * lambda * sigma * sigma * tau;
    double off = -c;
    double[] x = new double[n + 1];
    x[0] = p.quantity();
    int m = n - 1;
    if (m == 0) {
      return x;
    }
    double[] rhs = new double[m];
    for (int i = 0; i < m; i++) {
      rhs[i] = p.favourableDrift() * tau;
    }
    rhs[0] -= off * p.quantity();
    double[] cp = new double[m];
    double[] dp = new double[m];
    cp[0] = off / diag;
    dp[0] = rhs[0] / diag;
    for (int i = 1; i < m; i++) {
      double denom = diag - off * cp[i - 1];
      cp[i] = off / denom;
      dp[i] = (rhs[i] - off * dp[i - 1]) / denom;
    }
    x[m] = dp[m - 1];
    for (int i = m - 2; i >= 0; i--) {
      x[i + 1] = dp[i] - cp[i] * x[i + 2];
    }
    return x;
  }

  static double objective(AlmgrenChrissParameters p, double lambda, double[] holdings) {
    return AlmgrenChriss.shortfall(p, holdings).utility(lambda);
  }
}

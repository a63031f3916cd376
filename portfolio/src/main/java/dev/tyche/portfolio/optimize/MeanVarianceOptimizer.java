package dev.tyche.portfolio.optimize;

import dev.tyche.portfolio.qp.GoldfarbIdnaniSolver;
import dev.tyche.portfolio.qp.QpResult;
import dev.tyche.portfolio.qp.QpStatus;
import dev.tyche.portfolio.qp.QuadraticProgram;
import dev.tyche.risk.covariance.CovarianceEstimators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Mean-variance portfolio selection (H. Markowitz, "Portfolio Selection", <i>Journal of Finance</i>
 * 7 (1952) 77-91) as convex quadratic programs solved by {@link GoldfarbIdnaniSolver}.
 *
 * <p>Inputs are per-period: expected simple returns {@code mu}, covariance {@code Sigma} (e.g.
 * {@link CovarianceEstimators#sample(double[][], int)} with divisor {@code T-1}, as in the
 * reference files, or a shrunk estimate from {@link dev.tyche.risk.covariance.LedoitWolf}) and the
 * risk-free rate {@code rf}. Problems, all under a {@link PortfolioConstraints}:
 *
 * <ul>
 *   <li>{@link #minimumVariance}: {@code min w'Sigma w}.
 *   <li>{@link #minimumVarianceForReturn}: {@code min w'Sigma w} s.t. {@code mu'w = target} (with
 *       costs: net return {@code mu'w - c'|w - w0| >= target}, which binds whenever the target lies
 *       above the net return of the minimum-variance portfolio).
 *   <li>{@link #maximumSharpe}: {@code max (mu'w - rf B - c'|w - w0|) / sqrt(w'Sigma w)} by the
 *       homogenisation of G. Cornuejols and R. Tutuncu, <i>Optimization Methods in Finance</i>
 *       (2007), section 8.2: with {@code y = kappa w}, {@code kappa = 1'y / B > 0}, solve {@code
 *       min y'Sigma y} s.t. {@code (mu - rf)'y - c'v = 1} and every constraint {@code a'w >= b}
 *       rewritten as {@code a'y - (b/B) 1'y >= 0}; then {@code w = y / kappa}. Box bounds become
 *       {@code y_i <= u_i 1'y / B}, exactly the reference's {@code y_i <= box_upper sum(y)}.
 *       Requires {@code B > 0}.
 *   <li>{@link #maximumUtility}: {@code max mu'w - c'|w - w0| - (gamma/2) w'Sigma w}.
 *   <li>{@link #maximumReturnForVolatility}: {@code max mu'w - c'|w - w0|} s.t. {@code w'Sigma w <=
 *       sigma*^2}, through its Lagrangian dual: the solution is the utility maximiser for the
 *       {@code gamma} at which the volatility equals {@code sigma*} (KKT: {@code gamma = 2 nu},
 *       with {@code nu} the multiplier of the volatility constraint), found by bisection on {@code
 *       log gamma} because volatility is non-increasing in {@code gamma}.
 *   <li>{@link #efficientFrontier}: minimum-variance portfolios at equally spaced target returns
 *       from the minimum-variance portfolio's return to the maximum attainable return.
 * </ul>
 *
 * <p>Auxiliary variables. The gross-leverage cap uses the split {@code w = w+ - w-}, written in
 * epigraph form {@code t = w+ + w- >= |w|} ({@code t >= w, t >= -w, sum t <= L}); turnover and
 * costs use {@code v >= |w - w0|} the same way. The objective has no curvature in {@code t} and
 * {@code v}, so a ridge {@code delta/2 (|t|^2 + |v|^2)} with {@code delta = 1e-10 mean_i D_ii} is
 * added to keep the QP strictly convex (documented deviation: it perturbs the weights by about
 * {@code delta/lambda_min(Sigma)} relative, far below the QP tolerance of 1e-6). Problems without
 * these constraints carry no ridge.
 *
 * <p>Annualisation follows {@link PortfolioResult}; {@code periodsPerYear} is a parameter.
 *
 * <p>Mutable (it owns a solver workspace); confined to one thread.
 */
public final class MeanVarianceOptimizer {

  private static final double AUX_RIDGE = 1e-10;
  private static final double RETURN_RIDGE = 1e-9;

  private final int n;
  private final double[] mu;
  private final double[][] sigma;
  private final double riskFreeRate;
  private final int periodsPerYear;
  private final GoldfarbIdnaniSolver solver = new GoldfarbIdnaniSolver();

  /**
   * An optimiser for the given moments.
   *
   * @param expectedReturns per-period expected returns {@code mu}, length {@code n >= 1}, finite
   * @param covariance per-period covariance {@code n x n}, symmetric, finite (positive definite for
   *     unique solutions; a semidefinite matrix is ridged by the QP solver, see {@link
   *     QpResult#ridge()})
   * @param riskFreeRate per-period risk-free rate, finite
   * @param periodsPerYear periods per year for annualisation ({@code 365} crypto, {@code 252}
   *     equities), {@code >= 1}
   * @throws IllegalArgumentException on a dimension mismatch, a non-finite value, an asymmetric
   *     covariance or a negative variance
   */
  public MeanVarianceOptimizer(
      double[] expectedReturns, double[][] covariance, double riskFreeRate, int periodsPerYear) {
    if (expectedReturns == null || covariance == null) {
      throw new NullPointerException("expectedReturns and covariance must not be null");
    }
    this.n = expectedReturns.length;
    if (n == 0) {
      throw new IllegalArgumentException("expectedReturns must not be empty");
    }
    this.mu = expectedReturns.clone();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(mu[i])) {
        throw new IllegalArgumentException(
            "expectedReturns must be finite but element " + i + " was " + mu[i]);
      }
    }
    if (covariance.length != n) {
      throw new IllegalArgumentException(
          "covariance must be " + n + " x " + n + " but had " + covariance.length + " rows");
    }
    this.sigma = new double[n][];
    for (int i = 0; i < n; i++) {
      if (covariance[i] == null || covariance[i].length != n) {
        throw new IllegalArgumentException("covariance row " + i + " must have length " + n);
      }
      sigma[i] = covariance[i].clone();
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(sigma[i][j])) {
          throw new IllegalArgumentException(
              "covariance must be finite but [" + i + "][" + j + "] was " + sigma[i][j]);
        }
      }
      if (sigma[i][i] < 0.0) {
        throw new IllegalArgumentException(
            "covariance diagonal must be >= 0 but [" + i + "][" + i + "] was " + sigma[i][i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double tol = 1e-12 * Math.max(1e-300, Math.sqrt(sigma[i][i] * sigma[j][j]));
        if (Math.abs(sigma[i][j] - sigma[j][i]) > tol) {
          throw new IllegalArgumentException(
              "covariance must be symmetric but ["
                  + i
                  + "]["
                  + j
                  + "] = "
                  + sigma[i][j]
                  + " and ["
                  + j
                  + "]["
                  + i
                  + "] = "
                  + sigma[j][i]);
        }
      }
    }
    if (!Double.isFinite(riskFreeRate)) {
      throw new IllegalArgumentException("riskFreeRate must be finite but was " + riskFreeRate);
    }
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException("periodsPerYear must be >= 1 but was " + periodsPerYear);
    }
    this.riskFreeRate = riskFreeRate;
    this.periodsPerYear = periodsPerYear;
  }

  /**
   * An optimiser on the column means and the {@code T-1} sample covariance of a returns matrix
   * (rows = periods), the reference files' convention.
   *
   * @param returns {@code T x n} per-period simple returns, {@code T >= 2}
   * @param riskFreeRate per-period risk-free rate
   * @param periodsPerYear periods per year
   * @return the optimiser
   * @throws IllegalArgumentException on a ragged, short or non-finite returns matrix
   */
  public static MeanVarianceOptimizer fromReturns(
      double[][] returns, double riskFreeRate, int periodsPerYear) {
    return new MeanVarianceOptimizer(
        CovarianceEstimators.columnMeans(returns),
        CovarianceEstimators.sample(returns, 1),
        riskFreeRate,
        periodsPerYear);
  }

  /**
   * Number of assets.
   *
   * @return {@code n}
   */
  public int assets() {
    return n;
  }

  /**
   * The global minimum-variance portfolio under the constraints (transaction costs do not enter a
   * pure risk objective; a turnover cap does).
   *
   * @param constraints the feasible set
   * @return the result
   * @throws IllegalArgumentException if the constraints are for another number of assets
   */
  public PortfolioResult minimumVariance(PortfolioConstraints constraints) {
    Problem p = new Problem(constraints, false, false);
    p.setQuadratic(1.0);
    return finish(p, p.solve(), "minimum variance", 1);
  }

  /**
   * The minimum-variance portfolio with expected return {@code mu'w = target} (net of costs and
   * {@code >= target} when costs are set; see the class comment).
   *
   * @param target per-period target return, finite
   * @param constraints the feasible set
   * @return the result; {@link PortfolioStatus#INFEASIBLE} if no feasible portfolio reaches the
   *     target
   * @throws IllegalArgumentException if {@code target} is not finite or the constraints do not fit
   */
  public PortfolioResult minimumVarianceForReturn(double target, PortfolioConstraints constraints) {
    requireFinite(target, "target");
    Problem p = new Problem(constraints, false, constraints.hasCosts());
    p.setQuadratic(1.0);
    double[] row = p.row();
    System.arraycopy(mu, 0, row, 0, n);
    if (p.vOff >= 0) {
      for (int i = 0; i < n; i++) {
        row[p.vOff + i] = -p.cost[i];
      }
      p.inequality(row, target);
    } else {
      p.equality(row, target);
    }
    QpResult r = p.solve();
    String what = String.format(Locale.ROOT, "minimum variance for target return %s", target);
    if (r.status() == QpStatus.INFEASIBLE) {
      return failed(
          PortfolioStatus.INFEASIBLE,
          what + ": no feasible portfolio reaches the target (" + r.message() + ")",
          r,
          1);
    }
    return finish(p, r, what, 1);
  }

  /**
   * The maximum-Sharpe (tangency) portfolio at the optimiser's risk-free rate, net of costs.
   *
   * @param constraints the feasible set; its budget must be {@code > 0}
   * @return the result; {@link PortfolioStatus#INFEASIBLE} if no feasible portfolio has an expected
   *     (net) return above {@code rf * budget}, {@link PortfolioStatus#UNBOUNDED} if the supremum
   *     is approached only as the weights diverge
   * @throws IllegalArgumentException if the budget is not positive or the constraints do not fit
   */
  public PortfolioResult maximumSharpe(PortfolioConstraints constraints) {
    if (!(constraints.budget() > 0.0)) {
      throw new IllegalArgumentException(
          "maximumSharpe needs a budget > 0 but was " + constraints.budget());
    }
    Problem p = new Problem(constraints, true, constraints.hasCosts());
    p.setQuadratic(1.0);
    double[] row = p.row();
    for (int i = 0; i < n; i++) {
      row[i] = mu[i] - riskFreeRate;
    }
    if (p.vOff >= 0) {
      for (int i = 0; i < n; i++) {
        row[p.vOff + i] = -p.cost[i];
      }
    }
    p.rawEquality(row, 1.0);
    double[] positive = p.row();
    Arrays.fill(positive, 0, n, 1.0);
    p.rawInequality(positive, 0.0);
    QpResult r = p.solve();
    String what = String.format(Locale.ROOT, "maximum Sharpe at rf %s per period", riskFreeRate);
    if (r.status() == QpStatus.INFEASIBLE) {
      return failed(
          PortfolioStatus.INFEASIBLE,
          what
              + ": no feasible portfolio has an expected return net of costs above the risk-free"
              + " rate ("
              + r.message()
              + ")",
          r,
          1);
    }
    if (!r.isOptimal()) {
      return finish(p, r, what, 1);
    }
    double[] y = r.x();
    double sum = 0.0;
    double abs = 0.0;
    for (int i = 0; i < n; i++) {
      sum += y[i];
      abs += Math.abs(y[i]);
    }
    double kappa = sum / constraints.budget();
    if (!(sum > 1e-12 * abs)) {
      return failed(
          PortfolioStatus.UNBOUNDED,
          what
              + ": the Sharpe ratio is not attained by a finite portfolio with the budget (the"
              + " homogenised solution has sum y = "
              + sum
              + ")",
          r,
          1);
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / kappa;
    }
    return result(w, constraints, r, what, 1);
  }

  /**
   * The portfolio maximising {@code mu'w - c'|w - w0| - (gamma/2) w'Sigma w}.
   *
   * @param riskAversion {@code gamma > 0}, finite
   * @param constraints the feasible set
   * @return the result
   * @throws IllegalArgumentException if {@code riskAversion} is not positive and finite
   */
  public PortfolioResult maximumUtility(double riskAversion, PortfolioConstraints constraints) {
    if (!(riskAversion > 0.0) || !Double.isFinite(riskAversion)) {
      throw new IllegalArgumentException(
          "riskAversion must be > 0 and finite but was " + riskAversion);
    }
    return utility(riskAversion, constraints, 1);
  }

  private PortfolioResult utility(double gamma, PortfolioConstraints constraints, int solves) {
    Problem p = new Problem(constraints, false, constraints.hasCosts());
    p.setQuadratic(gamma);
    p.setReturnObjective();
    return finish(
        p,
        p.solve(),
        String.format(Locale.ROOT, "maximum utility at risk aversion %s", gamma),
        solves);
  }

  /**
   * The portfolio with the highest expected return (net of costs) whose volatility is at most
   * {@code targetVolatility} (per period), via the dual search described in the class comment. When
   * even the highest-return portfolio stays below the target, the constraint is slack and that
   * portfolio is returned (the message says so).
   *
   * @param targetVolatility per-period volatility cap, {@code > 0}, finite
   * @param constraints the feasible set
   * @return the result; {@link PortfolioStatus#INFEASIBLE} if the minimum attainable volatility
   *     exceeds the target
   * @throws IllegalArgumentException if {@code targetVolatility} is not positive and finite
   */
  public PortfolioResult maximumReturnForVolatility(
      double targetVolatility, PortfolioConstraints constraints) {
    if (!(targetVolatility > 0.0) || !Double.isFinite(targetVolatility)) {
      throw new IllegalArgumentException(
          "targetVolatility must be > 0 and finite but was " + targetVolatility);
    }
    PortfolioResult gmv = minimumVariance(constraints);
    int solves = 1;
    if (!gmv.isOptimal()) {
      return gmv;
    }
    if (gmv.volatility() > targetVolatility * (1 + 1e-10)) {
      return failed(
          PortfolioStatus.INFEASIBLE,
          String.format(
              Locale.ROOT,
              "target volatility %s is below the minimum attainable volatility %s",
              targetVolatility,
              gmv.volatility()),
          gmv.diagnostics(),
          solves);
    }
    double scale = 0.0;
    for (double m : mu) {
      scale = Math.max(scale, Math.abs(m));
    }
    scale = Math.max(scale, 1e-12) / (targetVolatility * targetVolatility);
    // Bracket: vol(gammaLo) >= target >= vol(gammaHi).
    double gammaHi = scale;
    PortfolioResult hi = utility(gammaHi, constraints, ++solves);
    while (hi.isOptimal() && hi.volatility() > targetVolatility && gammaHi < scale * 1e15) {
      gammaHi *= 10;
      hi = utility(gammaHi, constraints, ++solves);
    }
    if (!hi.isOptimal()) {
      return hi;
    }
    if (hi.volatility() > targetVolatility) {
      // Even a very risk-averse investor exceeds the target: return the minimum-variance side.
      return gmvAtTarget(gmv, targetVolatility, solves);
    }
    double gammaLo = gammaHi;
    PortfolioResult lo = hi;
    while (lo.isOptimal() && lo.volatility() < targetVolatility && gammaLo > scale * 1e-12) {
      gammaLo /= 10;
      lo = utility(gammaLo, constraints, ++solves);
    }
    if (!lo.isOptimal()) {
      return lo;
    }
    if (lo.volatility() <= targetVolatility) {
      return relabel(
          lo,
          String.format(
              Locale.ROOT,
              "maximum return for volatility %s: the volatility constraint is slack; the highest"
                  + " attainable return has volatility %s",
              targetVolatility,
              lo.volatility()),
          solves);
    }
    for (int it = 0; it < 200; it++) {
      double gamma = Math.sqrt(gammaLo * gammaHi);
      if (gammaHi / gammaLo < 1 + 1e-14) {
        break;
      }
      PortfolioResult mid = utility(gamma, constraints, ++solves);
      if (!mid.isOptimal()) {
        return mid;
      }
      if (mid.volatility() > targetVolatility) {
        gammaLo = gamma;
      } else {
        gammaHi = gamma;
        hi = mid;
        if (targetVolatility - mid.volatility() <= 1e-12 * targetVolatility) {
          break;
        }
      }
    }
    return relabel(
        hi,
        String.format(
            Locale.ROOT,
            "maximum return for volatility %s (dual search: risk aversion %s)",
            targetVolatility,
            gammaHi),
        solves);
  }

  private PortfolioResult gmvAtTarget(PortfolioResult gmv, double target, int solves) {
    return relabel(
        gmv,
        String.format(
            Locale.ROOT,
            "maximum return for volatility %s: only the minimum-variance portfolio qualifies",
            target),
        solves);
  }

  /**
   * {@code points} minimum-variance portfolios at equally spaced target returns from the return of
   * the minimum-variance portfolio to the maximum attainable return (net of costs when set). The
   * maximum is found as the limit of {@code max mu'w - (eps/2)|w|^2} for a small {@code eps} (exact
   * for small enough {@code eps}: O. L. Mangasarian, "Normal solutions of linear programs",
   * <i>Math. Programming Study</i> 22 (1984) 206-216); when the feasible set is unbounded (see
   * {@link PortfolioConstraints#isBounded()}) the maximum is infinite and the frontier stops at
   * {@code max_i mu_i * |budget|} instead. Returns increase and, on the efficient branch,
   * volatilities increase along the list.
   *
   * @param points number of points, {@code >= 2}
   * @param constraints the feasible set
   * @return the frontier; a single failed result if the minimum-variance problem fails
   * @throws IllegalArgumentException if {@code points < 2}
   */
  public List<PortfolioResult> efficientFrontier(int points, PortfolioConstraints constraints) {
    if (points < 2) {
      throw new IllegalArgumentException("points must be >= 2 but was " + points);
    }
    PortfolioResult gmv = minimumVariance(constraints);
    if (!gmv.isOptimal()) {
      return List.of(gmv);
    }
    double low = gmv.expectedReturn() - gmv.transactionCost();
    double high;
    if (constraints.isBounded()) {
      Problem p = new Problem(constraints, false, constraints.hasCosts());
      double eps = RETURN_RIDGE * Math.max(1e-300, maxAbs(mu));
      for (int i = 0; i < n; i++) {
        p.quad[i][i] = eps;
      }
      p.auxRidge(eps);
      p.setReturnObjective();
      QpResult r = p.solve();
      if (!r.isOptimal()) {
        return List.of(finish(p, r, "maximum return", 2));
      }
      double[] w = Arrays.copyOf(r.x(), n);
      high = dot(mu, w) - constraints.transactionCost(w);
    } else {
      double best = Double.NEGATIVE_INFINITY;
      for (double m : mu) {
        best = Math.max(best, m);
      }
      high = best * Math.abs(constraints.budget());
    }
    high = Math.max(low, low + (high - low) * (1 - 1e-9));
    List<PortfolioResult> out = new ArrayList<>(points);
    out.add(gmv);
    for (int k = 1; k < points; k++) {
      double target = low + (high - low) * k / (points - 1);
      out.add(minimumVarianceForReturn(target, constraints));
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------------

  private PortfolioResult finish(Problem p, QpResult r, String what, int solves) {
    return switch (r.status()) {
      case OPTIMAL -> {
        double[] w = Arrays.copyOf(r.x(), n);
        yield result(w, p.constraints, r, what, solves);
      }
      case INFEASIBLE ->
          failed(
              PortfolioStatus.INFEASIBLE,
              what + ": the constraints admit no portfolio (" + r.message() + ")",
              r,
              solves);
      default ->
          failed(
              PortfolioStatus.SOLVER_FAILURE,
              what + ": QP solver " + r.status() + " (" + r.message() + ")",
              r,
              solves);
    };
  }

  private PortfolioResult result(
      double[] w, PortfolioConstraints c, QpResult r, String what, int solves) {
    double ret = dot(mu, w);
    double var = 0.0;
    for (int i = 0; i < n; i++) {
      var += w[i] * dot(sigma[i], w);
    }
    double vol = Math.sqrt(Math.max(0.0, var));
    double budget = 0.0;
    for (double x : w) {
      budget += x;
    }
    double sharpe = vol > 0.0 ? (ret - riskFreeRate * budget) / vol : Double.NaN;
    String msg = r.ridge() > 0.0 ? what + " (covariance ridged by " + r.ridge() + ")" : what;
    return new PortfolioResult(
        w,
        ret,
        vol,
        sharpe,
        c.transactionCost(w),
        periodsPerYear,
        PortfolioStatus.OPTIMAL,
        msg,
        r,
        solves);
  }

  private PortfolioResult failed(PortfolioStatus status, String message, QpResult r, int solves) {
    double[] w = new double[n];
    Arrays.fill(w, Double.NaN);
    return new PortfolioResult(
        w,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        periodsPerYear,
        status,
        message,
        r,
        solves);
  }

  private static PortfolioResult relabel(PortfolioResult r, String message, int solves) {
    return new PortfolioResult(
        r.weights(),
        r.expectedReturn(),
        r.volatility(),
        r.sharpeRatio(),
        r.transactionCost(),
        r.periodsPerYear(),
        r.status(),
        message,
        r.diagnostics(),
        solves);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(double[] a) {
    double m = 0.0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static void requireFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite but was " + v);
    }
  }

  /**
   * One QP in the making: variables {@code [w | t (leverage) | v (turnover, costs)]}; constraints
   * are written in weight space and, for the tangency problem, homogenised on the way in.
   */
  private final class Problem {
    final PortfolioConstraints constraints;
    final boolean homogenise;
    final int tOff;
    final int vOff;
    final int size;
    final double[][] quad;
    final double[] lin;
    final double[] cost;
    final double budget;
    final List<double[]> eqRows = new ArrayList<>();
    final List<Double> eqRhs = new ArrayList<>();
    final List<double[]> inRows = new ArrayList<>();
    final List<Double> inRhs = new ArrayList<>();

    Problem(PortfolioConstraints c, boolean homogenise, boolean withCosts) {
      if (c.assets() != n) {
        throw new IllegalArgumentException(
            "constraints must be for " + n + " assets but were for " + c.assets());
      }
      this.constraints = c;
      this.homogenise = homogenise;
      this.budget = c.budget();
      boolean leverage = Double.isFinite(c.maxLeverage());
      boolean turnover = Double.isFinite(c.maxTurnover()) || withCosts;
      int size = n;
      this.tOff = leverage ? size : -1;
      size += leverage ? n : 0;
      this.vOff = turnover ? size : -1;
      size += turnover ? n : 0;
      this.size = size;
      this.quad = new double[size][size];
      this.lin = new double[size];
      double[] bps = c.costBps();
      this.cost = new double[n];
      if (withCosts) {
        for (int i = 0; i < n; i++) {
          cost[i] = bps[i] * 1e-4;
        }
      }
      buildConstraints();
    }

    double[] row() {
      return new double[size];
    }

    void setQuadratic(double gamma) {
      double trace = 0.0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          quad[i][j] = gamma * sigma[i][j];
        }
        trace += quad[i][i];
      }
      auxRidge(AUX_RIDGE * Math.max(trace / n, 1e-300));
    }

    void auxRidge(double delta) {
      for (int i = n; i < size; i++) {
        quad[i][i] = delta;
      }
    }

    void setReturnObjective() {
      System.arraycopy(mu, 0, lin, 0, n);
      if (vOff >= 0) {
        for (int i = 0; i < n; i++) {
          lin[vOff + i] = -cost[i];
        }
      }
    }

    private void buildConstraints() {
      PortfolioConstraints c = constraints;
      if (!homogenise) {
        double[] b = row();
        Arrays.fill(b, 0, n, 1.0);
        equality(b, budget);
      }
      double[] lo = c.lower();
      double[] hi = c.upper();
      for (int i = 0; i < n; i++) {
        if (Double.isFinite(lo[i])) {
          double[] r = row();
          r[i] = 1.0;
          inequality(r, lo[i]);
        }
        if (Double.isFinite(hi[i])) {
          double[] r = row();
          r[i] = -1.0;
          inequality(r, -hi[i]);
        }
      }
      for (GroupBound g : c.groups()) {
        if (Double.isFinite(g.lower())) {
          double[] r = row();
          for (int a : g.assets()) {
            r[a] = 1.0;
          }
          inequality(r, g.lower());
        }
        if (Double.isFinite(g.upper())) {
          double[] r = row();
          for (int a : g.assets()) {
            r[a] = -1.0;
          }
          inequality(r, -g.upper());
        }
      }
      if (tOff >= 0) {
        for (int i = 0; i < n; i++) {
          double[] a = row();
          a[tOff + i] = 1.0;
          a[i] = -1.0;
          inequality(a, 0.0);
          double[] b = row();
          b[tOff + i] = 1.0;
          b[i] = 1.0;
          inequality(b, 0.0);
        }
        double[] s = row();
        Arrays.fill(s, tOff, tOff + n, -1.0);
        inequality(s, -c.maxLeverage());
      }
      if (vOff >= 0) {
        double[] w0 = c.currentWeights();
        for (int i = 0; i < n; i++) {
          double[] a = row();
          a[vOff + i] = 1.0;
          a[i] = -1.0;
          inequality(a, -w0[i]);
          double[] b = row();
          b[vOff + i] = 1.0;
          b[i] = 1.0;
          inequality(b, w0[i]);
        }
        if (Double.isFinite(c.maxTurnover())) {
          double[] s = row();
          Arrays.fill(s, vOff, vOff + n, -1.0);
          inequality(s, -c.maxTurnover());
        }
      }
    }

    /** a'w = b in weight space (homogenised to a'y - (b/B) 1'y = 0 for the tangency problem). */
    void equality(double[] a, double b) {
      if (homogen(a, b)) {
        eqRows.add(a);
        eqRhs.add(homogenise ? 0.0 : b);
      }
    }

    /** a'w >= b in weight space (homogenised likewise). */
    void inequality(double[] a, double b) {
      if (homogen(a, b)) {
        inRows.add(a);
        inRhs.add(homogenise ? 0.0 : b);
      }
    }

    void rawEquality(double[] a, double b) {
      eqRows.add(a);
      eqRhs.add(b);
    }

    void rawInequality(double[] a, double b) {
      inRows.add(a);
      inRhs.add(b);
    }

    /** Applies the homogenisation in place; false if the row vanished (e.g. the budget). */
    private boolean homogen(double[] a, double b) {
      if (!homogenise || b == 0.0) {
        return true;
      }
      double shift = b / budget;
      boolean nonZero = false;
      for (int i = 0; i < n; i++) {
        a[i] -= shift;
      }
      for (double v : a) {
        nonZero |= v != 0.0;
      }
      return nonZero;
    }

    QpResult solve() {
      QuadraticProgram qp =
          QuadraticProgram.of(quad, lin)
              .withEqualities(eqRows.toArray(new double[0][]), unbox(eqRhs))
              .withInequalities(inRows.toArray(new double[0][]), unbox(inRhs));
      return solver.solve(qp);
    }

    private double[] unbox(List<Double> v) {
      double[] a = new double[v.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = v.get(i);
      }
      return a;
    }
  }
}

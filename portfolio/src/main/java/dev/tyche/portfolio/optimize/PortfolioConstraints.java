package dev.tyche.portfolio.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The feasible set of a mean-variance problem over {@code n} assets, plus linear transaction costs:
 *
 * <ul>
 *   <li>budget: {@code sum_i w_i = budget} (default 1, fully invested);
 *   <li>box bounds: {@code lower_i <= w_i <= upper_i} (infinite means none);
 *   <li>groups: {@code lo_g <= sum_{i in g} w_i <= hi_g};
 *   <li>gross leverage: {@code sum_i |w_i| <= maxLeverage} (infinite means none);
 *   <li>turnover: {@code sum_i |w_i - w0_i| <= maxTurnover} against the current weights {@code w0}
 *       (infinite means none);
 *   <li>linear costs: {@code sum_i c_i |w_i - w0_i|} with {@code c_i = costBps_i / 10000}, in
 *       return units (a fraction of the capital), charged once; they enter every objective that
 *       contains expected return (see {@link MeanVarianceOptimizer}).
 * </ul>
 *
 * <p>Start from {@link #unconstrained(int)}, {@link #longOnly(int)} or {@link #box(int, double,
 * double)} and refine with the {@code with*} methods, each of which returns a new object.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortfolioConstraints {

  private final int n;
  private final double budget;
  private final double[] lower;
  private final double[] upper;
  private final List<GroupBound> groups;
  private final double maxLeverage;
  private final double[] currentWeights;
  private final double maxTurnover;
  private final double[] costBps;

  private PortfolioConstraints(
      int n,
      double budget,
      double[] lower,
      double[] upper,
      List<GroupBound> groups,
      double maxLeverage,
      double[] currentWeights,
      double maxTurnover,
      double[] costBps) {
    this.n = n;
    this.budget = budget;
    this.lower = lower;
    this.upper = upper;
    this.groups = groups;
    this.maxLeverage = maxLeverage;
    this.currentWeights = currentWeights;
    this.maxTurnover = maxTurnover;
    this.costBps = costBps;
  }

  /**
   * Fully invested ({@code sum w = 1}), short sales allowed, no other constraint.
   *
   * @param n number of assets, {@code >= 1}
   * @return the constraints
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static PortfolioConstraints unconstrained(int n) {
    return box(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * Fully invested and long-only: {@code sum w = 1, w >= 0}.
   *
   * @param n number of assets, {@code >= 1}
   * @return the constraints
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static PortfolioConstraints longOnly(int n) {
    return box(n, 0.0, Double.POSITIVE_INFINITY);
  }

  /**
   * Fully invested with the same bounds {@code lo <= w_i <= hi} on every asset.
   *
   * @param n number of assets, {@code >= 1}
   * @param lo lower bound (may be -infinity)
   * @param hi upper bound (may be +infinity), {@code >= lo}
   * @return the constraints
   * @throws IllegalArgumentException if {@code n < 1} or the bounds are invalid
   */
  public static PortfolioConstraints box(int n, double lo, double hi) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was " + n);
    }
    double[] l = new double[n];
    double[] u = new double[n];
    Arrays.fill(l, lo);
    Arrays.fill(u, hi);
    checkBounds(l, u);
    return new PortfolioConstraints(
        n,
        1.0,
        l,
        u,
        List.of(),
        Double.POSITIVE_INFINITY,
        new double[n],
        Double.POSITIVE_INFINITY,
        new double[n]);
  }

  /**
   * These constraints with another budget {@code sum w = budget} (e.g. 0 for dollar neutral).
   *
   * @param newBudget the total weight, finite
   * @return new constraints
   * @throws IllegalArgumentException if {@code newBudget} is not finite
   */
  public PortfolioConstraints withBudget(double newBudget) {
    if (!Double.isFinite(newBudget)) {
      throw new IllegalArgumentException("budget must be finite but was " + newBudget);
    }
    return new PortfolioConstraints(
        n, newBudget, lower, upper, groups, maxLeverage, currentWeights, maxTurnover, costBps);
  }

  /**
   * These constraints with per-asset box bounds.
   *
   * @param newLower lower bounds, length {@code n}, not NaN or +infinity
   * @param newUpper upper bounds, length {@code n}, not NaN or -infinity, {@code >= lower}
   * @return new constraints
   * @throws IllegalArgumentException on a length mismatch or invalid bound
   */
  public PortfolioConstraints withBounds(double[] newLower, double[] newUpper) {
    double[] l = requireLength(newLower, "lower");
    double[] u = requireLength(newUpper, "upper");
    checkBounds(l, u);
    return new PortfolioConstraints(
        n, budget, l, u, groups, maxLeverage, currentWeights, maxTurnover, costBps);
  }

  /**
   * These constraints plus a group bound.
   *
   * @param group the group; its indices must be {@code < n}
   * @return new constraints
   * @throws IllegalArgumentException if an index is out of range
   */
  public PortfolioConstraints withGroup(GroupBound group) {
    for (int a : group.assets()) {
      if (a >= n) {
        throw new IllegalArgumentException("group asset index must be < " + n + " but was " + a);
      }
    }
    List<GroupBound> g = new ArrayList<>(groups);
    g.add(group);
    return new PortfolioConstraints(
        n, budget, lower, upper, List.copyOf(g), maxLeverage, currentWeights, maxTurnover, costBps);
  }

  /**
   * These constraints with a gross-leverage cap {@code sum |w_i| <= maxGross}.
   *
   * @param maxGross the cap, {@code > 0} (may be +infinity for none)
   * @return new constraints
   * @throws IllegalArgumentException if {@code maxGross} is not positive
   */
  public PortfolioConstraints withMaxLeverage(double maxGross) {
    if (!(maxGross > 0.0)) {
      throw new IllegalArgumentException("maxLeverage must be > 0 but was " + maxGross);
    }
    return new PortfolioConstraints(
        n, budget, lower, upper, groups, maxGross, currentWeights, maxTurnover, costBps);
  }

  /**
   * These constraints with current weights {@code w0} and a turnover cap {@code sum |w - w0| <=
   * limit}.
   *
   * @param current current weights, length {@code n}, finite
   * @param limit the cap, {@code >= 0} (may be +infinity for none)
   * @return new constraints
   * @throws IllegalArgumentException on a length mismatch, non-finite weight or negative limit
   */
  public PortfolioConstraints withTurnover(double[] current, double limit) {
    double[] w0 = requireFinite(requireLength(current, "currentWeights"), "currentWeights");
    if (!(limit >= 0.0)) {
      throw new IllegalArgumentException("maxTurnover must be >= 0 but was " + limit);
    }
    return new PortfolioConstraints(
        n, budget, lower, upper, groups, maxLeverage, w0, limit, costBps);
  }

  /**
   * These constraints with current weights {@code w0} and linear transaction costs in basis points
   * of traded weight.
   *
   * @param current current weights, length {@code n}, finite
   * @param bps cost per asset in basis points ({@code 10} = 0.1 % of the traded weight), {@code >=
   *     0}, finite
   * @return new constraints
   * @throws IllegalArgumentException on a length mismatch or a negative or non-finite value
   */
  public PortfolioConstraints withCosts(double[] current, double[] bps) {
    double[] w0 = requireFinite(requireLength(current, "currentWeights"), "currentWeights");
    double[] c = requireFinite(requireLength(bps, "costBps"), "costBps");
    for (int i = 0; i < n; i++) {
      if (c[i] < 0.0) {
        throw new IllegalArgumentException(
            "costBps must be >= 0 but element " + i + " was " + c[i]);
      }
    }
    return new PortfolioConstraints(
        n, budget, lower, upper, groups, maxLeverage, w0, maxTurnover, c);
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
   * The budget {@code sum w}.
   *
   * @return the budget
   */
  public double budget() {
    return budget;
  }

  /**
   * A copy of the lower bounds.
   *
   * @return lower bounds (may contain -infinity)
   */
  public double[] lower() {
    return lower.clone();
  }

  /**
   * A copy of the upper bounds.
   *
   * @return upper bounds (may contain +infinity)
   */
  public double[] upper() {
    return upper.clone();
  }

  /**
   * The group bounds.
   *
   * @return an unmodifiable list
   */
  public List<GroupBound> groups() {
    return groups;
  }

  /**
   * The gross-leverage cap.
   *
   * @return the cap, +infinity when none
   */
  public double maxLeverage() {
    return maxLeverage;
  }

  /**
   * A copy of the current weights used by turnover and costs (zeros unless set).
   *
   * @return {@code w0}
   */
  public double[] currentWeights() {
    return currentWeights.clone();
  }

  /**
   * The turnover cap.
   *
   * @return the cap, +infinity when none
   */
  public double maxTurnover() {
    return maxTurnover;
  }

  /**
   * A copy of the cost rates in basis points.
   *
   * @return cost per asset in bps
   */
  public double[] costBps() {
    return costBps.clone();
  }

  /**
   * Whether any cost rate is positive.
   *
   * @return true if costs enter the objective
   */
  public boolean hasCosts() {
    for (double c : costBps) {
      if (c > 0.0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The linear transaction cost {@code sum c_i |w_i - w0_i|} of moving to {@code w}, in return
   * units.
   *
   * @param w target weights, length {@code n}
   * @return the cost
   * @throws IllegalArgumentException on a length mismatch
   */
  public double transactionCost(double[] w) {
    requireLength(w, "w");
    double c = 0.0;
    for (int i = 0; i < n; i++) {
      c += costBps[i] * 1e-4 * Math.abs(w[i] - currentWeights[i]);
    }
    return c;
  }

  /**
   * Whether the feasible set is bounded (every lower or every upper bound finite, or a finite
   * leverage cap), so that the maximum attainable return is finite.
   *
   * @return true if bounded
   */
  public boolean isBounded() {
    if (Double.isFinite(maxLeverage)) {
      return true;
    }
    boolean allLower = true;
    boolean allUpper = true;
    for (int i = 0; i < n; i++) {
      allLower &= Double.isFinite(lower[i]);
      allUpper &= Double.isFinite(upper[i]);
    }
    return allLower || allUpper;
  }

  private double[] requireLength(double[] v, String name) {
    if (v == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (v.length != n) {
      throw new IllegalArgumentException(name + " must have length " + n + " but had " + v.length);
    }
    return v.clone();
  }

  private static double[] requireFinite(double[] v, String name) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            name + " must be finite but element " + i + " was " + v[i]);
      }
    }
    return v;
  }

  private static void checkBounds(double[] l, double[] u) {
    for (int i = 0; i < l.length; i++) {
      if (Double.isNaN(l[i]) || l[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "lower[" + i + "] must be finite or -infinity but was " + l[i]);
      }
      if (Double.isNaN(u[i]) || u[i] == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException(
            "upper[" + i + "] must be finite or +infinity but was " + u[i]);
      }
      if (l[i] > u[i]) {
        throw new IllegalArgumentException(
            "lower[" + i + "] must be <= upper[" + i + "] but was " + l[i] + " > " + u[i]);
      }
    }
  }
}

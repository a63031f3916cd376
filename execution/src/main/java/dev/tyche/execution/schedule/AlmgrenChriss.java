package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Optimal execution with linear impact: the Almgren and Chriss (2000) schedule, its cost
 * distribution and the efficient frontier. The model, units and equations are in the {@linkplain
 * dev.tyche.execution.schedule package documentation}.
 *
 * <p>Every method rejects a null problem, and a risk aversion that is negative, NaN or infinite,
 * with an exception naming the argument.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class AlmgrenChriss {

  /** Above this argument {@code sinh}, {@code cosh} of it are near overflow; use scaled forms. */
  private static final double LARGE_ARGUMENT = 350;

  /**
   * Below this {@code kappa T} the schedule equals its {@code kappa -> 0} limit to far better than
   * double precision (the error is of order {@code (kappa T)^2}), and the hyperbolic forms would
   * underflow.
   */
  private static final double NEGLIGIBLE_KAPPA_T = 1e-20;

  private AlmgrenChriss() {}

  /**
   * {@code kappa_tilde^2 = lambda sigma^2 / eta_tilde} (§2.2), per time unit squared.
   *
   * @param parameters the problem
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return {@code lambda sigma^2 / eta_tilde}
   */
  public static double kappaTildeSquared(AlmgrenChrissParameters parameters, double riskAversion) {
    Objects.requireNonNull(parameters, "parameters");
    Require.nonNegative("riskAversion", riskAversion);
    double sigma = parameters.volatility();
    return riskAversion * sigma * sigma / parameters.etaTilde();
  }

  /**
   * The urgency {@code kappa}, the positive root of {@code 2 (cosh(kappa tau) - 1) / tau^2 =
   * kappa_tilde^2} (§2.2).
   *
   * <p>The paper writes the root as {@code acosh(1 + kappa_tilde^2 tau^2 / 2) / tau}. Because
   * {@code cosh(2u) - 1 = 2 sinh^2(u)}, the same root is {@code (2 / tau) asinh(kappa_tilde tau /
   * 2)}, which this method evaluates: it keeps full relative precision as {@code lambda -> 0},
   * where the {@code acosh} form loses half its digits and returns 0 once {@code kappa_tilde^2
   * tau^2} falls below the machine epsilon. {@code lambda = 0} (or {@code sigma = 0}) gives {@code
   * kappa = 0}, the linear schedule; as {@code tau -> 0}, {@code kappa -> kappa_tilde}.
   *
   * @param parameters the problem
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return {@code kappa >= 0}, per time unit
   */
  public static double kappa(AlmgrenChrissParameters parameters, double riskAversion) {
    double kappaTilde = Math.sqrt(kappaTildeSquared(parameters, riskAversion));
    double tau = parameters.tau();
    return 2 / tau * asinh(0.5 * tau * kappaTilde);
  }

  /**
   * The risk aversion whose optimal schedule has a given half-life {@code theta = 1 / kappa}: the
   * inverse of {@link #kappa}, {@code lambda = eta_tilde (2 / tau)^2 sinh^2(tau / (2 theta)) /
   * sigma^2}. Useful to state urgency as a time ("trade most of it within 30 minutes") instead of a
   * risk aversion in inverse currency.
   *
   * @param parameters the problem, with {@code sigma > 0}
   * @param halfLife {@code theta}, time units, finite and {@code > 0}
   * @return {@code lambda > 0}, per currency unit
   */
  public static double riskAversionForHalfLife(
      AlmgrenChrissParameters parameters, double halfLife) {
    Objects.requireNonNull(parameters, "parameters");
    Require.positive("halfLife", halfLife);
    double sigma = parameters.volatility();
    if (sigma == 0) {
      throw new IllegalArgumentException(
          "volatility must be > 0 to reach a half-life: with sigma = 0 every lambda gives the"
              + " linear schedule");
    }
    double tau = parameters.tau();
    double s = Math.sinh(0.5 * tau / halfLife);
    double lambda = parameters.etaTilde() * 4 * s * s / (tau * tau * sigma * sigma);
    if (!Double.isFinite(lambda)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "halfLife %s is too short for tau %s: the risk aversion overflows",
              halfLife,
              tau));
    }
    return lambda;
  }

  /**
   * The optimal schedule at one risk aversion: it minimises {@code E + lambda V} over all static
   * trajectories with {@code x_0 = X}, {@code x_N = 0} (§2.2, eq. (18); with drift, §4.1).
   *
   * @param parameters the problem
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return the trajectory, trade list, {@code kappa}, {@code E} and {@code V}
   */
  public static AlmgrenChrissSchedule optimalSchedule(
      AlmgrenChrissParameters parameters, double riskAversion) {
    double kappaTilde2 = kappaTildeSquared(parameters, riskAversion);
    double kappa = kappa(parameters, riskAversion);
    double[] x = optimalHoldings(parameters, kappa, kappaTilde2);
    double[] n = tradesOf(x);
    ShortfallDistribution cost = shortfall(parameters, x);
    return new AlmgrenChrissSchedule(
        parameters, riskAversion, kappa, x, n, cost.mean(), cost.variance());
  }

  /**
   * The shortfall distribution of the optimal schedule at one risk aversion (the "trading urgency"
   * view: how much the chosen {@code lambda} is expected to cost and how uncertain that is).
   *
   * @param parameters the problem
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return mean {@code E} and variance {@code V} of the optimal schedule's shortfall
   */
  public static ShortfallDistribution shortfall(
      AlmgrenChrissParameters parameters, double riskAversion) {
    return optimalSchedule(parameters, riskAversion).shortfall();
  }

  /**
   * The shortfall distribution of any static trajectory, by the summed forms (§1.4 and §1.5):
   *
   * <pre>
   * E = gamma X^2 / 2 + epsilon sum_k |n_k| + (eta_tilde / tau) sum_k n_k^2 - alpha' tau sum_k x_k
   * V = sigma^2 tau sum_k x_k^2
   * </pre>
   *
   * with sums over {@code k = 1..N} and {@code alpha'} the {@linkplain
   * AlmgrenChrissParameters#favourableDrift() favourable drift}. For a monotone trajectory {@code
   * epsilon sum |n_k| = epsilon X}.
   *
   * @param parameters the problem
   * @param holdings {@code x_0..x_N}, shares still to trade, finite, with {@code x_0 = X} and
   *     {@code x_N = 0} exactly
   * @return mean {@code E} and variance {@code V}
   */
  public static ShortfallDistribution shortfall(
      AlmgrenChrissParameters parameters, double[] holdings) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(holdings, "holdings");
    int n = parameters.intervals();
    if (holdings.length != n + 1) {
      throw new IllegalArgumentException(
          "holdings must have N + 1 = " + (n + 1) + " entries but had " + holdings.length);
    }
    for (int k = 0; k <= n; k++) {
      Require.finite("holdings[" + k + "]", holdings[k]);
    }
    double quantity = parameters.quantity();
    if (holdings[0] != quantity || holdings[n] != 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "holdings must start at the quantity %s and end at 0 but ran from %s to %s",
              quantity,
              holdings[0],
              holdings[n]));
    }
    LinearImpact impact = parameters.impact();
    double tau = parameters.tau();
    double absTraded = 0;
    double squaredTrades = 0;
    double sumHoldings = 0;
    double squaredHoldings = 0;
    for (int k = 1; k <= n; k++) {
      double trade = holdings[k - 1] - holdings[k];
      absTraded += Math.abs(trade);
      squaredTrades += trade * trade;
      sumHoldings += holdings[k];
      squaredHoldings += holdings[k] * holdings[k];
    }
    double sigma = parameters.volatility();
    double mean =
        0.5 * impact.gamma() * quantity * quantity
            + impact.epsilon() * absTraded
            + parameters.etaTilde() / tau * squaredTrades
            - parameters.favourableDrift() * tau * sumHoldings;
    double variance = sigma * sigma * tau * squaredHoldings;
    return new ShortfallDistribution(mean, variance);
  }

  /**
   * The paper's closed forms for the optimal schedule's cost, a cross-check of the summed forms
   * (zero drift only). For {@code kappa > 0}, §2.2 eq. (20):
   *
   * <pre>
   * E = gamma X^2 / 2 + epsilon X + eta_tilde X^2 tanh(kappa tau / 2)
   *       (tau sinh(2 kappa T) + 2 T sinh(kappa tau)) / (2 tau^2 sinh^2(kappa T))
   * V = sigma^2 X^2 (tau sinh(kappa T) cosh(kappa (T - tau)) - T sinh(kappa tau))
   *       / (2 sinh^2(kappa T) sinh(kappa tau))
   * </pre>
   *
   * and for {@code kappa = 0}, the linear schedule (§2.1, eqs. (10)-(11)): {@code E = gamma X^2 / 2
   * + epsilon X + eta_tilde X^2 / T}, {@code V = sigma^2 X^2 T (1 - 1/N)(1 - 1/(2N)) / 3}. For
   * {@code kappa T} above 350 the same expressions are evaluated in a form divided through by
   * {@code sinh(kappa T)}, to avoid overflow.
   *
   * <p>Precision: the variance bracket is a difference of two terms of order {@code 1 / (kappa
   * T)^2}, so the closed form loses about {@code 2 log10(1 / (kappa T))} digits when {@code kappa
   * T} is small; the summed forms ({@link #shortfall(AlmgrenChrissParameters, double[])}) do not.
   *
   * @param parameters the problem, with {@code drift = 0}
   * @param riskAversion {@code lambda}, per currency unit, finite and {@code >= 0}
   * @return mean {@code E} and variance {@code V} from the closed forms
   */
  public static ShortfallDistribution closedFormShortfall(
      AlmgrenChrissParameters parameters, double riskAversion) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.drift() != 0) {
      throw new IllegalArgumentException(
          "drift must be 0 for the closed forms of eq. (20) but was " + parameters.drift());
    }
    double kappa = kappa(parameters, riskAversion);
    double x = parameters.quantity();
    double t = parameters.horizon();
    double tau = parameters.tau();
    int n = parameters.intervals();
    double sigma2 = parameters.volatility() * parameters.volatility();
    double etaTilde = parameters.etaTilde();
    LinearImpact impact = parameters.impact();
    double fixed = 0.5 * impact.gamma() * x * x + impact.epsilon() * x;
    double bigK = kappa * t;
    if (bigK < NEGLIGIBLE_KAPPA_T) {
      double mean = fixed + etaTilde * x * x / t;
      double variance = sigma2 * x * x * t * (1 - 1.0 / n) * (1 - 0.5 / n) / 3;
      return new ShortfallDistribution(mean, variance);
    }
    double kt = kappa * tau;
    double sinhKt = Math.sinh(kt);
    double meanBracket;
    double varianceBracket;
    if (bigK <= LARGE_ARGUMENT) {
      double sinhK = Math.sinh(bigK);
      double sinh2 = sinhK * sinhK;
      meanBracket = (tau * Math.sinh(2 * bigK) + 2 * t * sinhKt) / sinh2;
      varianceBracket = (tau * sinhK * Math.cosh(bigK - kt) - t * sinhKt) / (sinh2 * sinhKt);
    } else {
      // sinh(2K) / sinh^2(K) = 2 coth(K); cosh(K - k tau) / sinh(K) = e^{-k tau} (1 + e^{-2(K - k
      // tau)}) / (1 - e^{-2K}); 1 / sinh^2(K) underflows harmlessly to 0.
      double inverseSinhK = 2 * Math.exp(-bigK) / -Math.expm1(-2 * bigK);
      double coth = 1 / Math.tanh(bigK);
      double coshRatio = Math.exp(-kt) * (1 + Math.exp(-2 * (bigK - kt))) / -Math.expm1(-2 * bigK);
      meanBracket = 2 * tau * coth + 2 * t * sinhRatio(kt, bigK) * inverseSinhK;
      varianceBracket = tau * coshRatio / sinhKt - t * inverseSinhK * inverseSinhK;
    }
    double mean = fixed + etaTilde * x * x * Math.tanh(0.5 * kt) * meanBracket / (2 * tau * tau);
    double variance = 0.5 * sigma2 * x * x * varianceBracket;
    return new ShortfallDistribution(mean, Math.max(0, variance));
  }

  /**
   * The efficient frontier: the optimal schedule's {@code (E, V)} at each risk aversion (§2.4).
   * Along increasing {@code lambda}, {@code E} rises and {@code V} falls, and the frontier {@code
   * E(V)} is convex with slope {@code -lambda}.
   *
   * @param parameters the problem
   * @param riskAversions {@code lambda} values, each finite and {@code >= 0}, strictly increasing,
   *     at least one
   * @return one point per risk aversion, in the given order
   */
  public static List<FrontierPoint> efficientFrontier(
      AlmgrenChrissParameters parameters, double[] riskAversions) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(riskAversions, "riskAversions");
    if (riskAversions.length == 0) {
      throw new IllegalArgumentException("riskAversions must not be empty");
    }
    List<FrontierPoint> points = new ArrayList<>(riskAversions.length);
    for (int i = 0; i < riskAversions.length; i++) {
      Require.nonNegative("riskAversions[" + i + "]", riskAversions[i]);
      if (i > 0 && !(riskAversions[i] > riskAversions[i - 1])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "riskAversions must be strictly increasing but riskAversions[%d] = %s follows %s",
                i,
                riskAversions[i],
                riskAversions[i - 1]));
      }
      AlmgrenChrissSchedule s = optimalSchedule(parameters, riskAversions[i]);
      points.add(new FrontierPoint(riskAversions[i], s.kappa(), s.expectedCost(), s.variance()));
    }
    return List.copyOf(points);
  }

  /**
   * The efficient frontier on a logarithmic grid of risk aversions.
   *
   * @param parameters the problem
   * @param minRiskAversion the smallest {@code lambda}, finite and {@code > 0}
   * @param maxRiskAversion the largest {@code lambda}, finite and {@code > minRiskAversion}
   * @param points the number of points, {@code >= 2}
   * @return {@code points} frontier points, {@code lambda} geometrically spaced from min to max
   */
  public static List<FrontierPoint> efficientFrontier(
      AlmgrenChrissParameters parameters,
      double minRiskAversion,
      double maxRiskAversion,
      int points) {
    Require.positive("minRiskAversion", minRiskAversion);
    Require.positive("maxRiskAversion", maxRiskAversion);
    if (!(maxRiskAversion > minRiskAversion)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "maxRiskAversion must be > minRiskAversion %s but was %s",
              minRiskAversion,
              maxRiskAversion));
    }
    if (points < 2) {
      throw new IllegalArgumentException("points must be >= 2 but was " + points);
    }
    double[] lambdas = new double[points];
    double logMin = Math.log(minRiskAversion);
    double step = (Math.log(maxRiskAversion) - logMin) / (points - 1);
    for (int i = 0; i < points; i++) {
      lambdas[i] = Math.exp(logMin + i * step);
    }
    lambdas[0] = minRiskAversion;
    lambdas[points - 1] = maxRiskAversion;
    return efficientFrontier(parameters, lambdas);
  }

  /**
   * The optimal holdings. Zero drift gives {@code x_j = X sinh(kappa (T - t_j)) / sinh(kappa T)}
   * (eq. (18)); a favourable drift {@code alpha'} adds {@code xbar (1 - (sinh(kappa (T - t_j)) +
   * sinh(kappa t_j)) / sinh(kappa T))} with {@code xbar = alpha' / (2 lambda sigma^2)} (§4.1). Both
   * solve the first-order conditions {@code (x_{j-1} - 2 x_j + x_{j+1}) / tau^2 = kappa_tilde^2 x_j
   * - alpha' / (2 eta_tilde)} exactly on the grid. At {@code kappa = 0} the limits are {@code X (T
   * - t_j) / T} and {@code alpha' t_j (T - t_j) / (4 eta_tilde)}.
   */
  private static double[] optimalHoldings(
      AlmgrenChrissParameters p, double kappa, double kappaTilde2) {
    int n = p.intervals();
    double quantity = p.quantity();
    double bigK = kappa * p.horizon();
    double driftScale = p.favourableDrift() / (2 * p.etaTilde());
    double tau = p.tau();
    double[] x = new double[n + 1];
    x[0] = quantity;
    for (int j = 1; j < n; j++) {
      if (bigK < NEGLIGIBLE_KAPPA_T) {
        x[j] = quantity * (n - j) / n + 0.5 * driftScale * tau * tau * j * (n - j);
      } else {
        double a = bigK * (n - j) / n;
        double b = bigK * j / n;
        double driftTerm = driftScale == 0 ? 0 : driftScale * driftShape(a, b, bigK, kappaTilde2);
        x[j] = quantity * sinhRatio(a, bigK) + driftTerm;
      }
    }
    x[n] = 0;
    return x;
  }

  /**
   * {@code (1 - (sinh a + sinh b) / sinh(a + b)) / kappa_tilde^2}. The identity {@code sinh(a + b)
   * - sinh a - sinh b = 2 sinh a sinh^2(b/2) + 2 sinh b sinh^2(a/2)} keeps every term positive, so
   * there is no cancellation as {@code kappa -> 0}, where both the bracket and {@code
   * kappa_tilde^2} vanish.
   */
  private static double driftShape(double a, double b, double bigK, double kappaTilde2) {
    if (bigK <= LARGE_ARGUMENT) {
      double sa = Math.sinh(0.5 * a);
      double sb = Math.sinh(0.5 * b);
      double numerator = 2 * Math.sinh(a) * sb * sb + 2 * Math.sinh(b) * sa * sa;
      return numerator / (Math.sinh(bigK) * kappaTilde2);
    }
    return (1 - sinhRatio(a, bigK) - sinhRatio(b, bigK)) / kappaTilde2;
  }

  /** {@code sinh(u) / sinh(bigK)} for {@code 0 <= u <= bigK}, without overflow for large K. */
  private static double sinhRatio(double u, double bigK) {
    if (bigK <= LARGE_ARGUMENT) {
      return Math.sinh(u) / Math.sinh(bigK);
    }
    return Math.exp(u - bigK) * -Math.expm1(-2 * u) / -Math.expm1(-2 * bigK);
  }

  private static double[] tradesOf(double[] x) {
    double[] n = new double[x.length - 1];
    for (int k = 1; k < x.length; k++) {
      n[k - 1] = x[k - 1] - x[k];
    }
    return n;
  }

  /** {@code asinh(y)} for {@code y >= 0}, accurate to a few ulps over the whole range. */
  static double asinh(double y) {
    if (y > 1e8) {
      // sqrt(1 + y^2) = y to double precision; avoids overflow of y * y.
      return Math.log(y) + Math.log(2);
    }
    return Math.log1p(y + y * y / (1 + Math.sqrt(1 + y * y)));
  }
}

package dev.tyche.risk.kelly;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Kelly fraction over an empirical sample: maximise the mean log growth {@code G(f) = (1/n) sum_i
 * ln(1 + f R_i)} over the scenarios {@code R_i}, taken as equally likely (Thorp 2006, "The Kelly
 * criterion in blackjack, sports betting and the stock market", section 6; the scenario form of
 * Kelly 1956).
 *
 * <p>Conventions: {@code R_i} are per-period simple returns of the bet, idle wealth earns zero. For
 * a cash rate {@code r > 0}, pass {@code (R_i - r)/(1 + r)} and add {@code ln(1 + r)} to the
 * growth. The admissible set is the open interval on which {@code 1 + f R_i > 0} for every {@code
 * i}: {@code (-1/max R, 1/|min R|)} when the sample has both signs (an end is infinite when no
 * return has that sign).
 *
 * <p>Method: {@code G} is concave ({@code G'' = -(1/n) sum R_i^2/(1 + f R_i)^2 < 0}), so its
 * maximiser is the unique root of the decreasing {@code G'(f) = (1/n) sum R_i/(1 + f R_i)}. The
 * sign of {@code G'(0) = mean R} says on which side of 0 it lies, and {@code G'} tends to {@code
 * -infinity} at a finite right end of the admissible interval and {@code +infinity} at a finite
 * left end, so the root is bracketed. It is found by Newton's method safeguarded by bisection
 * (Press et al., <i>Numerical Recipes</i>, 3rd ed., section 9.4, {@code rtsafe}), to machine
 * precision. If the sample has one sign only, the objective increases without bound in that
 * direction and {@code f*} is infinite; a finite leverage cap then decides the bet.
 *
 * <p>Negative edge ({@code mean R < 0}): with shorting allowed the optimum is the negative {@code
 * f*}; long-only gives 0, recorded as {@link KellyAdjustment#NEGATIVE_EDGE_NOT_SHORTED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class EmpiricalKelly {

  private static final int MAX_ITERATIONS = 2_000;

  private EmpiricalKelly() {}

  /**
   * The empirical Kelly bet: {@code f*} as described in the class comment, then {@code clip(c f*,
   * [allowShort ? -cap : 0, cap])}, which by concavity is the optimum over the bounds when {@code c
   * = 1}.
   *
   * @param returns the scenario returns, at least 2, finite
   * @param constraints the multiplier, shorting and cap
   * @return the bet, with {@code G} at {@code f*} (empty if {@code f*} is infinite) and at the
   *     recommended fraction
   * @throws IllegalArgumentException if {@code returns} has fewer than 2 values or a non-finite
   *     value, or if the objective is unbounded in an allowed direction with no finite cap
   */
  public static KellyBet bet(double[] returns, KellyConstraints constraints) {
    requireReturns(returns);
    Objects.requireNonNull(constraints, "constraints");
    double full = fullKelly(returns);
    Sizing.Sized sized = Sizing.size(full, constraints);
    OptionalDouble fullGrowth =
        Double.isInfinite(full) ? OptionalDouble.empty() : OptionalDouble.of(growth(returns, full));
    return new KellyBet(
        full,
        fullGrowth,
        sized.fraction(),
        growth(returns, sized.fraction()),
        sized.adjustments(),
        sized.reason());
  }

  /**
   * The admissible interval {@code {f : 1 + f R_i > 0 for all i}}, an open interval containing 0.
   *
   * @param returns the scenario returns, at least 2, finite
   * @return {@code {lower, upper}}, the open ends; infinite where unbounded
   * @throws IllegalArgumentException on bad {@code returns}
   */
  public static double[] admissibleInterval(double[] returns) {
    requireReturns(returns);
    double lower = Double.NEGATIVE_INFINITY;
    double upper = Double.POSITIVE_INFINITY;
    for (double x : returns) {
      if (x > 0.0) {
        lower = Math.max(lower, -1.0 / x);
      } else if (x < 0.0) {
        upper = Math.min(upper, -1.0 / x);
      }
    }
    return new double[] {lower, upper};
  }

  /**
   * The mean log growth {@code G(f) = (1/n) sum_i ln(1 + f R_i)}.
   *
   * @param returns the scenario returns, at least 2, finite
   * @param f the fraction, inside the admissible interval
   * @return {@code G(f)}
   * @throws IllegalArgumentException if some {@code 1 + f R_i <= 0}, or on bad {@code returns}
   */
  public static double growth(double[] returns, double f) {
    requireReturns(returns);
    double sum = 0.0;
    for (int i = 0; i < returns.length; i++) {
      double fr = f * returns[i];
      if (!(1.0 + fr > 0.0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "f=%s is not admissible: 1 + f R[%d] = 1 + %s * %s <= 0",
                f,
                i,
                f,
                returns[i]));
      }
      sum += Math.log1p(fr);
    }
    return sum / returns.length;
  }

  /**
   * The quadratic (second-order) approximation of {@code f*}: maximising {@code f mean(R) - f^2
   * mean(R^2)/2} gives {@code mean(R) / mean(R^2)}.
   *
   * @param returns the scenario returns, at least 2, finite, not all zero
   * @return {@code mean(R)/mean(R^2)}
   * @throws IllegalArgumentException on bad {@code returns} or if all are zero
   */
  public static double quadraticApproximation(double[] returns) {
    requireReturns(returns);
    double m1 = 0.0;
    double m2 = 0.0;
    for (double x : returns) {
      m1 += x;
      m2 += x * x;
    }
    if (m2 == 0.0) {
      throw new IllegalArgumentException("returns must not all be zero");
    }
    return m1 / m2;
  }

  /** The unconstrained maximiser, possibly infinite. */
  static double fullKelly(double[] returns) {
    double[] interval = admissibleInterval(returns);
    double d0 = derivative(returns, 0.0);
    if (d0 == 0.0) {
      // Includes the all-zero sample, where every f is optimal; 0 is the natural choice.
      return 0.0;
    }
    double lo;
    double hi;
    if (d0 > 0.0) {
      if (interval[1] == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      lo = 0.0;
      hi = interval[1];
    } else {
      if (interval[0] == Double.NEGATIVE_INFINITY) {
        return Double.NEGATIVE_INFINITY;
      }
      lo = interval[0];
      hi = 0.0;
    }
    // Invariant: G'(lo) > 0 > G'(hi), where an open admissible end counts as its limit.
    double x = 0.5 * (lo + hi);
    for (int k = 0; k < MAX_ITERATIONS; k++) {
      double d = derivative(returns, x);
      if (d == 0.0) {
        return x;
      }
      if (d > 0.0) {
        lo = x;
      } else {
        hi = x;
      }
      double curvature = secondDerivative(returns, x);
      double newton = x - d / curvature;
      // Next to an open end the curvature can overflow; Newton is then meaningless, so bisect.
      boolean useNewton =
          Double.isFinite(curvature) && curvature < 0.0 && newton > lo && newton < hi;
      if (useNewton
          && (newton == x || Math.abs(newton - x) <= 1e-15 * Math.max(1.0, Math.abs(x)))) {
        return newton;
      }
      double next = useNewton ? newton : 0.5 * (lo + hi);
      if (next <= lo || next >= hi) {
        // The bracket has shrunk to adjacent doubles.
        return x;
      }
      x = next;
    }
    throw new IllegalStateException(
        String.format(
            Locale.ROOT,
            "empirical Kelly root search did not converge in %d iterations; bracket [%s, %s]",
            MAX_ITERATIONS,
            lo,
            hi));
  }

  /**
   * {@code G'(f)}; outside the admissible set (possible only by rounding next to an open end) it
   * returns the sign of the limit at that end.
   */
  private static double derivative(double[] returns, double f) {
    double sum = 0.0;
    for (double x : returns) {
      double w = 1.0 + f * x;
      if (!(w > 0.0)) {
        return x > 0.0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      }
      sum += x / w;
    }
    return sum / returns.length;
  }

  private static double secondDerivative(double[] returns, double f) {
    double sum = 0.0;
    for (double x : returns) {
      double w = 1.0 + f * x;
      sum += (x / w) * (x / w);
    }
    return -sum / returns.length;
  }

  private static void requireReturns(double[] returns) {
    Objects.requireNonNull(returns, "returns");
    if (returns.length < 2) {
      throw new IllegalArgumentException(
          "returns must have at least 2 values but had " + returns.length);
    }
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be finite but was " + returns[i]);
      }
    }
  }
}

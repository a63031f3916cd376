package dev.tyche.risk.kelly;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kelly fraction for a Gaussian (geometric Brownian motion) asset with arithmetic drift {@code mu},
 * volatility {@code sigma} and risk-free rate {@code r}: the growth rate of wealth with a constant
 * fraction {@code f} in the asset is {@code g(f) = r + f (mu - r) - f^2 sigma^2 / 2}, maximised at
 * {@code f* = (mu - r) / sigma^2} with {@code g* = r + (mu - r)^2 / (2 sigma^2)} (Merton 1969,
 * "Lifetime portfolio selection under uncertainty", Rev. Econ. Stat. 51(3), log utility; Thorp
 * 2006, "The Kelly criterion in blackjack, sports betting and the stock market", section 7).
 *
 * <p>Units: {@code mu}, {@code r} and {@code sigma^2} must be per the same period (for example all
 * annual, or all daily); growth is per that period. For discrete returns this is the quadratic
 * approximation of the log growth.
 *
 * <p>Immutable and thread-safe.
 */
public final class GaussianKelly {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private GaussianKelly() {}

  /**
   * The Kelly bet {@code f* = (mu - r)/sigma^2}, then the multiplier and the bounds.
   *
   * @param mu the drift per period, finite
   * @param r the risk-free rate per period, finite
   * @param sigma the volatility per square-root period, finite and {@code > 0}
   * @param constraints the multiplier, shorting and cap
   * @return the bet, with growth {@code g(f)} per period
   * @throws IllegalArgumentException if an argument is not finite or {@code sigma <= 0}
   */
  public static KellyBet bet(double mu, double r, double sigma, KellyConstraints constraints) {
    requireInputs(mu, r, sigma, constraints);
    double full = (mu - r) / (sigma * sigma);
    Sizing.Sized sized = Sizing.size(full, constraints);
    return new KellyBet(
        full,
        OptionalDouble.of(growth(mu, r, sigma, full)),
        sized.fraction(),
        growth(mu, r, sigma, sized.fraction()),
        sized.adjustments(),
        sized.reason());
  }

  /**
   * The growth rate {@code g(f) = r + f (mu - r) - f^2 sigma^2 / 2} per period.
   *
   * @param mu the drift per period
   * @param r the risk-free rate per period
   * @param sigma the volatility per square-root period
   * @param f the fraction of wealth in the asset
   * @return {@code g(f)}
   */
  public static double growth(double mu, double r, double sigma, double f) {
    return r + f * (mu - r) - 0.5 * f * f * sigma * sigma;
  }

  /**
   * The one-sided standard-normal quantile {@code z = Phi^-1(confidence)}, for example 1.645 at
   * 0.95.
   *
   * @param confidence the confidence level, {@code 0.5 <= confidence < 1}
   * @return {@code z >= 0}
   * @throws IllegalArgumentException if {@code confidence} is outside {@code [0.5, 1)}
   */
  public static double oneSidedZ(double confidence) {
    if (!(confidence >= 0.5 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "confidence must be in [0.5, 1) but was %s", confidence));
    }
    return confidence == 0.5 ? 0.0 : STANDARD_NORMAL.inverseCumulativeProbability(confidence);
  }

  /**
   * Kelly from a lower confidence bound of the estimated edge, so that estimation error shrinks the
   * bet. With {@code n} observations of per-period returns with sample mean {@code muHat} and
   * sample standard deviation {@code s}, the standard error of the mean is {@code s/sqrt(n)} and
   * the one-sided lower bound of the drift is
   *
   * <pre>  mu_lcb = muHat - z s / sqrt(n),   z = Phi^-1(confidence)</pre>
   *
   * <p>The fraction is {@code (mu_lcb - r)/s^2}, and it is zero when {@code mu_lcb <= r} (the edge
   * is not significant at that confidence). When shorting is allowed the rule is symmetric: an
   * estimated edge below {@code r} uses the upper bound {@code muHat + z s/sqrt(n)} and gives a
   * short only when that bound is below {@code r}. In other words the edge {@code muHat - r} is
   * moved towards zero by {@code z s/sqrt(n)} and set to zero if it would cross it. The multiplier
   * and the cap then apply as in {@link #bet(double, double, double, KellyConstraints)}.
   *
   * <p>The result's {@code fullKelly} is the plug-in {@code (muHat - r)/s^2}; its growth and the
   * growth at the recommended fraction are evaluated at the point estimates {@code muHat, s}.
   *
   * @param muHat the sample mean return per period, finite
   * @param s the sample standard deviation per period, finite and {@code > 0}
   * @param n the number of observations behind {@code muHat} and {@code s}, {@code >= 2}
   * @param r the risk-free rate per period, finite
   * @param confidence the one-sided confidence level in {@code [0.5, 1)}; 0.5 gives plain Kelly
   * @param constraints the multiplier, shorting and cap
   * @return the bet, with {@link KellyAdjustment#CONFIDENCE_SHRUNK} or {@link
   *     KellyAdjustment#EDGE_NOT_SIGNIFICANT} recorded
   * @throws IllegalArgumentException on a non-finite input, {@code s <= 0}, {@code n < 2} or a
   *     confidence outside {@code [0.5, 1)}
   */
  public static KellyBet lowerConfidenceBet(
      double muHat, double s, long n, double r, double confidence, KellyConstraints constraints) {
    requireInputs(muHat, r, s, constraints);
    if (n < 2) {
      throw new IllegalArgumentException("n must be >= 2 but was " + n);
    }
    double z = oneSidedZ(confidence);
    double margin = z * s / Math.sqrt((double) n);
    double edge = muHat - r;
    double full = edge / (s * s);
    Set<KellyAdjustment> adjustments = EnumSet.noneOf(KellyAdjustment.class);
    String prefix;
    double shrunkEdge;
    if (Math.abs(edge) <= margin && margin > 0.0) {
      shrunkEdge = 0.0;
      adjustments.add(KellyAdjustment.EDGE_NOT_SIGNIFICANT);
      prefix =
          String.format(
              Locale.ROOT,
              "edge %s within its confidence margin z s/sqrt(n) = %s (z=%s, n=%d): bet 0",
              edge,
              margin,
              z,
              n);
    } else if (margin > 0.0) {
      shrunkEdge = edge - Math.copySign(margin, edge);
      adjustments.add(KellyAdjustment.CONFIDENCE_SHRUNK);
      prefix =
          String.format(
              Locale.ROOT,
              "edge %s shrunk by z s/sqrt(n) = %s (z=%s, n=%d) to %s",
              edge,
              margin,
              z,
              n,
              shrunkEdge);
    } else {
      shrunkEdge = edge;
      prefix = null;
    }
    Sizing.Sized sized = Sizing.size(shrunkEdge / (s * s), constraints);
    adjustments.addAll(sized.adjustments());
    String reason;
    if (prefix == null) {
      reason = sized.reason();
    } else if (sized.adjustments().isEmpty()) {
      reason = prefix;
    } else {
      reason = prefix + "; " + sized.reason();
    }
    return new KellyBet(
        full,
        OptionalDouble.of(growth(muHat, r, s, full)),
        sized.fraction(),
        growth(muHat, r, s, sized.fraction()),
        adjustments,
        reason);
  }

  /**
   * {@link #lowerConfidenceBet(double, double, long, double, double, KellyConstraints)} with {@code
   * muHat} the mean, {@code s} the sample standard deviation (divisor {@code n - 1}) and {@code n}
   * the length of {@code returns}.
   *
   * @param returns per-period returns, at least 2, finite, not all equal
   * @param r the risk-free rate per period
   * @param confidence the one-sided confidence level in {@code [0.5, 1)}
   * @param constraints the multiplier, shorting and cap
   * @return the bet
   * @throws IllegalArgumentException if {@code returns} has fewer than 2 values, a non-finite
   *     value, or zero spread
   */
  public static KellyBet lowerConfidenceBet(
      double[] returns, double r, double confidence, KellyConstraints constraints) {
    Objects.requireNonNull(returns, "returns");
    if (returns.length < 2) {
      throw new IllegalArgumentException(
          "returns must have at least 2 values but had " + returns.length);
    }
    double mean = 0.0;
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be finite but was " + returns[i]);
      }
      mean += returns[i];
    }
    mean /= returns.length;
    double ss = 0.0;
    for (double x : returns) {
      ss += (x - mean) * (x - mean);
    }
    double s = Math.sqrt(ss / (returns.length - 1));
    if (!(s > 0.0)) {
      throw new IllegalArgumentException("returns must not all be equal (sample sd was 0)");
    }
    return lowerConfidenceBet(mean, s, returns.length, r, confidence, constraints);
  }

  private static void requireInputs(
      double mu, double r, double sigma, KellyConstraints constraints) {
    Sizing.requireFinite(mu, "mu");
    Sizing.requireFinite(r, "r");
    if (!(sigma > 0.0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "sigma must be finite and > 0 but was %s", sigma));
    }
    Objects.requireNonNull(constraints, "constraints");
  }
}

package dev.tyche.risk.backtest;

import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * Likelihood-ratio backtests of a sequence of VaR exceedances.
 *
 * <p>With {@code I_t} in {0, 1} for {@code t = 1..n}, {@code x = sum I_t} and expected rate {@code
 * p}, and the convention {@code 0 ln 0 = 0} throughout:
 *
 * <pre>{@code
 * LR_POF = -2[(n - x) ln(1 - p) + x ln p] + 2[(n - x) ln(1 - x/n) + x ln(x/n)]      ~ chi2_1
 * n_ij   = #{t = 2..n : I_{t-1} = i, I_t = j}
 * pi01   = n01 / (n00 + n01),  pi11 = n11 / (n10 + n11),
 * pi     = (n01 + n11) / (n00 + n01 + n10 + n11)        (over the n - 1 transitions, not x / n)
 * LR_ind = -2[(n00 + n10) ln(1 - pi) + (n01 + n11) ln pi]
 *          + 2[n00 ln(1 - pi01) + n01 ln pi01 + n10 ln(1 - pi11) + n11 ln pi11]        ~ chi2_1
 * LR_CC  = LR_POF + LR_ind                                                              ~ chi2_2
 * }</pre>
 *
 * (Kupiec, Journal of Derivatives 3(2), 1995; Christoffersen, International Economic Review 39(4),
 * 1998, equations for {@code LR_uc}, {@code LR_ind}, {@code LR_cc}.) p-values are the upper tails
 * {@code Q(dof / 2, LR / 2)} of the chi-square distribution (regularised incomplete gamma), which
 * keeps relative accuracy for small p-values. Statistics that come out a rounding error below zero
 * are reported as 0.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class VarBacktests {

  private VarBacktests() {}

  /**
   * The exceedance indicators of realised returns against VaR forecasts: {@code I_t = -r_t > VaR_t}
   * (a loss strictly beyond the VaR), both positive-loss conventions.
   *
   * @param returns realised simple returns, finite
   * @param varForecasts the VaR forecast for each period (positive = loss), finite, same length
   * @return a new array of indicators
   */
  public static boolean[] exceedances(double[] returns, double[] varForecasts) {
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(varForecasts, "varForecasts");
    if (returns.length != varForecasts.length) {
      throw new IllegalArgumentException(
          "varForecasts must have the length of returns ("
              + returns.length
              + ") but had length "
              + varForecasts.length);
    }
    boolean[] out = new boolean[returns.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = isExceedance(returns[t], varForecasts[t], t);
    }
    return out;
  }

  /**
   * Kupiec's proportion-of-failures test.
   *
   * @param exceedances the indicators {@code I_t}, at least one period
   * @param expectedRate the expected exceedance rate {@code p = 1 - a}, in (0, 1)
   * @return the statistic and its p-value
   */
  public static KupiecResult kupiec(boolean[] exceedances, double expectedRate) {
    requireLength(exceedances, 1);
    Checks.probability("expectedRate", expectedRate);
    int x = 0;
    for (boolean e : exceedances) {
      x += e ? 1 : 0;
    }
    int n = exceedances.length;
    double lr = lrPof(n, x, expectedRate);
    return new KupiecResult(n, x, expectedRate, lr, chiSquareUpperTail(lr, 1));
  }

  /**
   * Christoffersen's independence test.
   *
   * @param exceedances the indicators {@code I_t}, at least two periods
   * @return the transition counts, probabilities, statistic and p-value
   */
  public static ChristoffersenResult christoffersen(boolean[] exceedances) {
    requireLength(exceedances, 2);
    int[] c = new int[4];
    for (int t = 1; t < exceedances.length; t++) {
      c[(exceedances[t - 1] ? 2 : 0) + (exceedances[t] ? 1 : 0)]++;
    }
    return christoffersen(c[0], c[1], c[2], c[3]);
  }

  /**
   * Christoffersen's conditional-coverage test, with both of its parts.
   *
   * @param exceedances the indicators {@code I_t}, at least two periods
   * @param expectedRate the expected exceedance rate {@code p = 1 - a}, in (0, 1)
   * @return the joint statistic, its p-value and both parts
   */
  public static ConditionalCoverageResult conditionalCoverage(
      boolean[] exceedances, double expectedRate) {
    requireLength(exceedances, 2);
    KupiecResult pof = kupiec(exceedances, expectedRate);
    ChristoffersenResult ind = christoffersen(exceedances);
    double lr = pof.lr() + ind.lr();
    return new ConditionalCoverageResult(pof, ind, lr, chiSquareUpperTail(lr, 2));
  }

  static ChristoffersenResult christoffersen(int n00, int n01, int n10, int n11) {
    int from0 = n00 + n01;
    int from1 = n10 + n11;
    double pi01 = from0 == 0 ? Double.NaN : (double) n01 / from0;
    double pi11 = from1 == 0 ? Double.NaN : (double) n11 / from1;
    double pi = (double) (n01 + n11) / (from0 + from1);
    double lr = lrInd(n00, n01, n10, n11);
    return new ChristoffersenResult(
        n00, n01, n10, n11, pi01, pi11, pi, lr, chiSquareUpperTail(lr, 1));
  }

  static boolean isExceedance(double realisedReturn, double varForecast, long index) {
    if (!Double.isFinite(realisedReturn)) {
      throw new IllegalArgumentException(
          "returns[" + index + "] must be finite but was " + realisedReturn);
    }
    if (!Double.isFinite(varForecast)) {
      throw new IllegalArgumentException(
          "varForecasts[" + index + "] must be finite but was " + varForecast);
    }
    return -realisedReturn > varForecast;
  }

  /** Kupiec's LR_POF from counts; allocation-free for the streaming monitor. */
  static double lrPof(int n, int x, double p) {
    double observed = (double) x / n;
    double restricted = xlny(n - x, 1.0 - p) + xlny(x, p);
    double unrestricted = xlny(n - x, 1.0 - observed) + xlny(x, observed);
    return Math.max(0.0, -2.0 * restricted + 2.0 * unrestricted);
  }

  /** Christoffersen's LR_ind from the transition counts; allocation-free. */
  static double lrInd(int n00, int n01, int n10, int n11) {
    int from0 = n00 + n01;
    int from1 = n10 + n11;
    double pi = (double) (n01 + n11) / (from0 + from1);
    double restricted = xlny(n00 + n10, 1.0 - pi) + xlny(n01 + n11, pi);
    double unrestricted = 0.0;
    if (from0 > 0) {
      double pi01 = (double) n01 / from0;
      unrestricted += xlny(n00, 1.0 - pi01) + xlny(n01, pi01);
    }
    if (from1 > 0) {
      double pi11 = (double) n11 / from1;
      unrestricted += xlny(n10, 1.0 - pi11) + xlny(n11, pi11);
    }
    return Math.max(0.0, -2.0 * restricted + 2.0 * unrestricted);
  }

  /** {@code P(chi2_dof > lr)} as the regularised upper incomplete gamma Q(dof/2, lr/2). */
  static double chiSquareUpperTail(double lr, int dof) {
    if (dof == 2) {
      return Math.exp(-0.5 * lr); // closed form of Q(1, lr/2)
    }
    return Gamma.regularizedGammaQ(0.5 * dof, 0.5 * lr);
  }

  /** {@code count * ln(y)} with {@code 0 ln 0 = 0} (and any zero count contributing zero). */
  private static double xlny(int count, double y) {
    return count == 0 ? 0.0 : count * Math.log(y);
  }

  private static void requireLength(boolean[] exceedances, int min) {
    Objects.requireNonNull(exceedances, "exceedances");
    if (exceedances.length < min) {
      throw new IllegalArgumentException(
          "exceedances must have at least "
              + min
              + " period"
              + (min == 1 ? "" : "s")
              + " but had "
              + exceedances.length);
    }
  }
}

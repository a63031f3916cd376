package dev.tyche.core.stats;

import java.util.OptionalInt;

/**
 * Performance metrics of a price or equity series and of its per-period simple returns.
 *
 * <p><b>Conventions.</b> Prices {@code P_0..P_n} (0-based) give {@code n} simple returns {@code r_t
 * = P_t / P_{t-1} - 1} ({@link Returns#simple}). Every annualised figure takes {@code
 * periodsPerYear} explicitly (365 for daily crypto bars, 252 for equity trading days, 52 for weeks,
 * 12 for months); it must be finite and {@code > 0}. The risk-free rate {@code rf} and the minimum
 * acceptable return {@code MAR} are per period, in the same units as the returns. Standard
 * deviations of returns are sample standard deviations (divisor {@code n - 1}).
 *
 * <p><b>Formulas.</b>
 *
 * <ul>
 *   <li>Total return {@code P_n / P_0 - 1}.
 *   <li>CAGR {@code (P_n / P_0)^(periodsPerYear / n) - 1}; the arithmetic variant {@code mean(r) *
 *       periodsPerYear}.
 *   <li>Annualised volatility {@code sd(r) sqrt(periodsPerYear)}.
 *   <li>Sharpe ratio (W. F. Sharpe, "The Sharpe Ratio", J. Portfolio Management 21(1) (1994) 49-58,
 *       the ex-post ratio): per period {@code mean(r - rf) / sd(r - rf)}; annualised by {@code
 *       sqrt(periodsPerYear)}, which assumes serially uncorrelated returns (A. W. Lo, "The
 *       Statistics of Sharpe Ratios", Financial Analysts Journal 58(4) (2002), eq. 12).
 *   <li>Downside deviation {@code sqrt((1/n) sum_t min(r_t - MAR, 0)^2)}, dividing by all {@code n}
 *       returns (F. A. Sortino and L. N. Price, "Performance measurement in a downside risk
 *       framework", J. Investing 3(3) (1994) 59-64); the variant dividing by the number of returns
 *       strictly below {@code MAR} is also offered.
 *   <li>Sortino ratio per period {@code (mean(r) - MAR) / downsideDeviation}, annualised by {@code
 *       sqrt(periodsPerYear)}.
 *   <li>Maximum drawdown {@code max_t (1 - P_t / max_{s<=t} P_s)} with its indices, see {@link
 *       Drawdown}.
 *   <li>Calmar ratio {@code CAGR / maxDrawdown} over the whole sample (T. W. Young, "Calmar Ratio:
 *       A Smoother Tool", Futures 20(1) (1991); Young used a 36-month window, this is the
 *       whole-sample form); the arithmetic variant uses {@code mean(r) * periodsPerYear}.
 *   <li>Omega ratio at threshold {@code L}: {@code sum max(r_t - L, 0) / sum max(L - r_t, 0)}, the
 *       empirical form of C. Keating and W. F. Shadwick, "A Universal Performance Measure", J.
 *       Performance Measurement 6(3) (2002) 59-84.
 *   <li>Win rate {@code #{r_t > 0} / n} (a zero return is not a win).
 *   <li>Profit factor {@code sum_{r_t > 0} r_t / |sum_{r_t < 0} r_t|}, on per-period returns.
 * </ul>
 *
 * <p><b>Degenerate input.</b> Invalid input throws {@link IllegalArgumentException}: NaN or
 * infinite values, non-positive prices, too few observations (2 prices / 1 return, or 2 returns
 * where a standard deviation is needed), {@code periodsPerYear <= 0}, non-finite {@code rf}, {@code
 * MAR} or threshold. Valid input whose ratio has a zero denominator does not throw:
 *
 * <ul>
 *   <li>Sharpe with {@code sd(r - rf) = 0}, Sortino with zero downside deviation and Calmar with
 *       zero maximum drawdown return {@link Double#NaN}: a risk-adjusted ratio without risk is
 *       undefined, and a NaN keeps a report of many strategies going where an exception would not;
 *   <li>Omega and profit factor, ratios of two non-negative sums, return {@link
 *       Double#POSITIVE_INFINITY} when only the loss side is zero and NaN when both sides are.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PerformanceMetrics {

  private PerformanceMetrics() {}

  /**
   * Every metric of this class for one price series, computed once.
   *
   * @param prices prices or equity {@code P_0..P_n}, at least 3, finite and {@code > 0}
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @param rfPerPeriod risk-free return per period for the Sharpe ratio, finite
   * @param mar minimum acceptable return per period for Sortino and Omega, finite
   * @return the summary
   * @throws IllegalArgumentException on invalid input, see the class description
   */
  public static PerformanceSummary summarize(
      double[] prices, double periodsPerYear, double rfPerPeriod, double mar) {
    Checks.prices(prices, "prices", 3);
    Checks.periodsPerYear(periodsPerYear);
    Checks.finite(rfPerPeriod, "rfPerPeriod");
    Checks.finite(mar, "mar");
    // Shared passes instead of one or more per public method: the returns, their compensated sum,
    // the all-equal test and every threshold sum in one loop (independent dependency chains, so
    // they overlap), then the mean's correction and the squared deviations. Every value is
    // computed by the same operations in the same order as Returns.simple, Descriptive.mean and
    // sampleStandardDeviation and the single-metric methods, so the summary equals them bit for
    // bit (PerformanceSummaryProperties checks it).
    int n = prices.length - 1;
    double[] r = new double[n];
    int firstBad = -1;
    double sum = 0.0;
    double compensation = 0.0;
    double first = prices[1] / prices[0] - 1.0;
    boolean allEqual = true;
    double squares = 0.0;
    int below = 0;
    double omegaGains = 0.0;
    double omegaLosses = 0.0;
    int wins = 0;
    double gains = 0.0;
    double losses = 0.0;
    // Threshold sums without data-dependent branches (returns go up and down at random): each sum
    // adds or subtracts what the single-metric loops do, or a +0.0 that leaves it unchanged (no
    // sum starts at or becomes -0.0).
    for (int t = 1; t <= n; t++) {
      double v = prices[t] / prices[t - 1] - 1.0;
      r[t - 1] = v;
      if (firstBad < 0 && !Double.isFinite(v)) {
        firstBad = t - 1;
      }
      // Descriptive.compensatedSum.
      double next = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? (sum - next) + v : (v - next) + sum;
      sum = next;
      allEqual &= v == first;
      double d = v - mar;
      double shortfall = Math.min(d, 0.0);
      squares += shortfall * shortfall;
      below += v < mar ? 1 : 0;
      omegaGains += Math.max(d, 0.0);
      omegaLosses -= shortfall;
      wins += v > 0.0 ? 1 : 0;
      gains += Math.max(v, 0.0);
      losses -= Math.min(v, 0.0);
    }
    if (firstBad >= 0) {
      // As Descriptive.mean reports it: prices can overflow their ratio.
      throw new IllegalArgumentException(
          "x[" + firstBad + "] must be finite but was " + r[firstBad]);
    }
    // Descriptive.meanOf: the compensated mean, corrected by the mean residual.
    double m = (sum + compensation) / n;
    double residual = 0.0;
    for (double v : r) {
      residual += v - m;
    }
    double mean = m + residual / n;
    // Descriptive.sumSquaredDeviations (Chan, Golub and LeVeque 1983, eq. 1.7).
    double ssd = 0.0;
    if (!allEqual) {
      double sq = 0.0;
      double c = 0.0;
      for (double v : r) {
        double dev = v - mean;
        sq += dev * dev;
        c += dev;
      }
      ssd = Math.max(0.0, sq - c * c / n);
    }
    double sd = Math.sqrt(ssd / (n - 1));
    double sqrtPpy = Math.sqrt(periodsPerYear);
    double sharpe;
    if (rfPerPeriod == 0.0) {
      // r - 0.0 == r exactly for every finite r, so the excess returns are the returns.
      sharpe = ratio(mean, sd);
    } else {
      double[] excess = new double[n];
      for (int i = 0; i < n; i++) {
        excess[i] = r[i] - rfPerPeriod;
      }
      // Finite returns minus a finite rate can still overflow, as in sharpeRatio.
      Checks.finite(excess, "x", 1);
      double excessMean = Descriptive.meanOf(excess);
      sharpe =
          ratio(
              excessMean,
              Math.sqrt(Descriptive.sumSquaredDeviations(excess, excessMean) / (n - 1)));
    }
    double dd = Math.sqrt(squares / n);
    double sortino = ratio(mean - mar, dd);
    double ddNeg = below == 0 ? 0.0 : Math.sqrt(squares / below);
    Drawdown drawdown = drawdownOf(prices);
    double cagr = Math.pow(prices[n] / prices[0], periodsPerYear / n) - 1.0;
    double arithmetic = mean * periodsPerYear;
    return new PerformanceSummary(
        n,
        periodsPerYear,
        rfPerPeriod,
        mar,
        mean,
        sd,
        sd * sqrtPpy,
        sharpe,
        sharpe * sqrtPpy,
        dd,
        sortino,
        sortino * sqrtPpy,
        ddNeg,
        ratio(mean - mar, ddNeg) * sqrtPpy,
        drawdown,
        prices[n] / prices[0] - 1.0,
        cagr,
        ratio(cagr, drawdown.maxDrawdown()),
        arithmetic,
        ratio(arithmetic, drawdown.maxDrawdown()),
        gainLossRatio(omegaGains, omegaLosses),
        (double) wins / n,
        gainLossRatio(gains, losses));
  }

  /**
   * Total return {@code P_n / P_0 - 1}.
   *
   * @param prices prices {@code P_0..P_n}, at least 2, finite and {@code > 0}
   * @return the total simple return as a fraction
   * @throws IllegalArgumentException on fewer than 2 prices or a bad price
   */
  public static double totalReturn(double[] prices) {
    Checks.prices(prices, "prices", 2);
    return prices[prices.length - 1] / prices[0] - 1.0;
  }

  /**
   * Compound annual growth rate {@code (P_n / P_0)^(periodsPerYear / n) - 1}, {@code n} = number of
   * periods (returns).
   *
   * @param prices prices {@code P_0..P_n}, at least 2, finite and {@code > 0}
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the CAGR as a fraction per year
   * @throws IllegalArgumentException on invalid input
   */
  public static double cagr(double[] prices, double periodsPerYear) {
    Checks.prices(prices, "prices", 2);
    Checks.periodsPerYear(periodsPerYear);
    int n = prices.length - 1;
    return Math.pow(prices[n] / prices[0], periodsPerYear / n) - 1.0;
  }

  /**
   * Arithmetic annual return {@code mean(r) * periodsPerYear}.
   *
   * @param returns per-period simple returns, at least 1, finite
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the annualised mean return
   * @throws IllegalArgumentException on invalid input
   */
  public static double arithmeticAnnualReturn(double[] returns, double periodsPerYear) {
    Checks.periodsPerYear(periodsPerYear);
    return Descriptive.mean(returns) * periodsPerYear;
  }

  /**
   * Annualised volatility {@code sd(r) sqrt(periodsPerYear)} with the sample standard deviation.
   *
   * @param returns per-period returns, at least 2, finite
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the annualised volatility
   * @throws IllegalArgumentException on invalid input
   */
  public static double annualVolatility(double[] returns, double periodsPerYear) {
    Checks.periodsPerYear(periodsPerYear);
    return Descriptive.sampleStandardDeviation(returns) * Math.sqrt(periodsPerYear);
  }

  /**
   * Per-period Sharpe ratio {@code mean(r - rf) / sd(r - rf)} (sample sd).
   *
   * @param returns per-period simple returns, at least 2, finite
   * @param rfPerPeriod risk-free return per period, finite
   * @return the Sharpe ratio, or NaN if the excess returns have zero standard deviation
   * @throws IllegalArgumentException on invalid input
   */
  public static double sharpeRatio(double[] returns, double rfPerPeriod) {
    Checks.finite(returns, "returns", 2);
    Checks.finite(rfPerPeriod, "rfPerPeriod");
    double[] excess = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      excess[i] = returns[i] - rfPerPeriod;
    }
    return ratio(Descriptive.mean(excess), Descriptive.sampleStandardDeviation(excess));
  }

  /**
   * Annualised Sharpe ratio {@code sharpeRatio(returns, rf) * sqrt(periodsPerYear)}.
   *
   * @param returns per-period simple returns, at least 2, finite
   * @param rfPerPeriod risk-free return per period, finite
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the annualised Sharpe ratio, or NaN if the excess returns have zero standard deviation
   * @throws IllegalArgumentException on invalid input
   */
  public static double annualisedSharpeRatio(
      double[] returns, double rfPerPeriod, double periodsPerYear) {
    Checks.periodsPerYear(periodsPerYear);
    return sharpeRatio(returns, rfPerPeriod) * Math.sqrt(periodsPerYear);
  }

  /**
   * Downside deviation {@code sqrt((1/n) sum_t min(r_t - MAR, 0)^2)} over all {@code n} returns.
   *
   * @param returns per-period returns, at least 1, finite
   * @param mar minimum acceptable return per period, finite
   * @return the downside deviation, {@code >= 0}
   * @throws IllegalArgumentException on invalid input
   */
  public static double downsideDeviation(double[] returns, double mar) {
    Checks.finite(returns, "returns", 1);
    Checks.finite(mar, "mar");
    return Math.sqrt(downsideSquares(returns, mar) / returns.length);
  }

  /**
   * Downside deviation dividing by the number {@code k} of returns strictly below {@code MAR}:
   * {@code sqrt((1/k) sum_t min(r_t - MAR, 0)^2)}; 0 when {@code k = 0}.
   *
   * @param returns per-period returns, at least 1, finite
   * @param mar minimum acceptable return per period, finite
   * @return the downside deviation of the shortfalls, {@code >= 0}
   * @throws IllegalArgumentException on invalid input
   */
  public static double downsideDeviationNegativeOnly(double[] returns, double mar) {
    Checks.finite(returns, "returns", 1);
    Checks.finite(mar, "mar");
    int k = 0;
    for (double r : returns) {
      if (r < mar) {
        k++;
      }
    }
    return k == 0 ? 0.0 : Math.sqrt(downsideSquares(returns, mar) / k);
  }

  /**
   * Per-period Sortino ratio {@code (mean(r) - MAR) / downsideDeviation(r, MAR)}.
   *
   * @param returns per-period returns, at least 1, finite
   * @param mar minimum acceptable return per period, finite
   * @return the Sortino ratio, or NaN if no return is below {@code MAR}
   * @throws IllegalArgumentException on invalid input
   */
  public static double sortinoRatio(double[] returns, double mar) {
    return ratio(Descriptive.mean(returns) - mar, downsideDeviation(returns, mar));
  }

  /**
   * Annualised Sortino ratio {@code sortinoRatio(returns, MAR) * sqrt(periodsPerYear)}.
   *
   * @param returns per-period returns, at least 1, finite
   * @param mar minimum acceptable return per period, finite
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the annualised Sortino ratio, or NaN if no return is below {@code MAR}
   * @throws IllegalArgumentException on invalid input
   */
  public static double annualisedSortinoRatio(double[] returns, double mar, double periodsPerYear) {
    Checks.periodsPerYear(periodsPerYear);
    return sortinoRatio(returns, mar) * Math.sqrt(periodsPerYear);
  }

  /**
   * Annualised Sortino ratio with {@link #downsideDeviationNegativeOnly} in the denominator.
   *
   * @param returns per-period returns, at least 1, finite
   * @param mar minimum acceptable return per period, finite
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the ratio, or NaN if no return is below {@code MAR}
   * @throws IllegalArgumentException on invalid input
   */
  public static double annualisedSortinoRatioNegativeOnly(
      double[] returns, double mar, double periodsPerYear) {
    Checks.periodsPerYear(periodsPerYear);
    double mean = Descriptive.mean(returns);
    return ratio(mean - mar, downsideDeviationNegativeOnly(returns, mar))
        * Math.sqrt(periodsPerYear);
  }

  /**
   * Maximum drawdown of a price or equity series with its peak, trough and recovery; see {@link
   * Drawdown} for the exact index rules.
   *
   * @param prices prices {@code P_0..P_n}, at least 2, finite and {@code > 0}
   * @return the drawdown
   * @throws IllegalArgumentException on fewer than 2 prices or a bad price
   */
  public static Drawdown maxDrawdown(double[] prices) {
    Checks.prices(prices, "prices", 2);
    return drawdownOf(prices);
  }

  /** {@link #maxDrawdown} of checked prices. */
  private static Drawdown drawdownOf(double[] prices) {
    int runningPeak = 0;
    double worst = 0.0;
    int peak = 0;
    int trough = 0;
    for (int t = 0; t < prices.length; t++) {
      // >= moves the peak to the latest index at the running maximum.
      if (prices[t] >= prices[runningPeak]) {
        runningPeak = t;
      }
      double dd = 1.0 - prices[t] / prices[runningPeak];
      if (dd > worst) {
        worst = dd;
        peak = runningPeak;
        trough = t;
      }
    }
    OptionalInt recovery = OptionalInt.empty();
    for (int t = trough + 1; t < prices.length; t++) {
      if (prices[t] >= prices[peak]) {
        recovery = OptionalInt.of(t);
        break;
      }
    }
    int end = recovery.isPresent() ? recovery.getAsInt() : prices.length - 1;
    return new Drawdown(worst, peak, trough, recovery, end - peak, prices[peak], prices[trough]);
  }

  /**
   * Calmar ratio {@code CAGR / maxDrawdown} over the whole sample.
   *
   * @param prices prices {@code P_0..P_n}, at least 2, finite and {@code > 0}
   * @param periodsPerYear periods per year, finite and {@code > 0}
   * @return the Calmar ratio, or NaN if the maximum drawdown is 0
   * @throws IllegalArgumentException on invalid input
   */
  public static double calmarRatio(double[] prices, double periodsPerYear) {
    return ratio(cagr(prices, periodsPerYear), maxDrawdown(prices).maxDrawdown());
  }

  /**
   * Omega ratio {@code sum max(r_t - L, 0) / sum max(L - r_t, 0)} at threshold {@code L}.
   *
   * @param returns per-period returns, at least 1, finite
   * @param threshold the threshold {@code L} per period, finite
   * @return the Omega ratio; +Infinity if no return is below {@code L} and some is above, NaN if
   *     all equal {@code L}
   * @throws IllegalArgumentException on invalid input
   */
  public static double omegaRatio(double[] returns, double threshold) {
    Checks.finite(returns, "returns", 1);
    Checks.finite(threshold, "threshold");
    double gains = 0.0;
    double losses = 0.0;
    for (double r : returns) {
      double d = r - threshold;
      if (d > 0.0) {
        gains += d;
      } else {
        losses -= d;
      }
    }
    return gainLossRatio(gains, losses);
  }

  /**
   * Win rate: the fraction of returns strictly greater than 0.
   *
   * @param returns per-period returns, at least 1, finite
   * @return the win rate in {@code [0, 1]}
   * @throws IllegalArgumentException on invalid input
   */
  public static double winRate(double[] returns) {
    Checks.finite(returns, "returns", 1);
    int wins = 0;
    for (double r : returns) {
      if (r > 0.0) {
        wins++;
      }
    }
    return (double) wins / returns.length;
  }

  /**
   * Profit factor {@code sum of positive returns / |sum of negative returns|}.
   *
   * @param returns per-period returns (or per-trade profits), at least 1, finite
   * @return the profit factor; +Infinity if there are gains and no losses, NaN if neither
   * @throws IllegalArgumentException on invalid input
   */
  public static double profitFactor(double[] returns) {
    Checks.finite(returns, "returns", 1);
    double gains = 0.0;
    double losses = 0.0;
    for (double r : returns) {
      if (r > 0.0) {
        gains += r;
      } else {
        losses -= r;
      }
    }
    return gainLossRatio(gains, losses);
  }

  private static double downsideSquares(double[] returns, double mar) {
    double s = 0.0;
    for (double r : returns) {
      double d = Math.min(r - mar, 0.0);
      s += d * d;
    }
    return s;
  }

  /** Numerator over a risk denominator; zero risk makes the ratio undefined (NaN). */
  private static double ratio(double numerator, double denominator) {
    return denominator == 0.0 ? Double.NaN : numerator / denominator;
  }

  private static double gainLossRatio(double gains, double losses) {
    if (losses == 0.0) {
      return gains == 0.0 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    return gains / losses;
  }
}

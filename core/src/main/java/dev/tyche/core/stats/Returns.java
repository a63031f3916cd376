package dev.tyche.core.stats;

import java.util.Objects;

/**
 * Returns from a price (or equity) series and back.
 *
 * <p>For prices {@code P_0..P_n} (0-based) there are {@code n} returns, {@code r[t-1]} belonging to
 * the step from {@code P_{t-1}} to {@code P_t}:
 *
 * <ul>
 *   <li>simple (arithmetic) return {@code r_t = P_t / P_{t-1} - 1};
 *   <li>log (continuously compounded) return {@code l_t = ln(P_t / P_{t-1})}.
 * </ul>
 *
 * <p>Simple returns compound multiplicatively ({@code P_n / P_0 = prod(1 + r_t)}) and aggregate
 * across assets; log returns add over time ({@code ln(P_n / P_0) = sum l_t}). See J. Y. Campbell,
 * A. W. Lo and A. C. MacKinlay, <i>The Econometrics of Financial Markets</i> (1997), section 1.4.
 *
 * <p>Prices must be finite and strictly positive; the error message names the index and the value.
 *
 * <p>Immutable and thread-safe.
 */
public final class Returns {

  private Returns() {}

  /**
   * Simple returns {@code r_t = P_t / P_{t-1} - 1}, {@code t = 1..n}.
   *
   * @param prices prices {@code P_0..P_n}, at least 2, all finite and {@code > 0}
   * @return {@code n = prices.length - 1} simple returns (fractions, 0.01 = 1 %)
   * @throws IllegalArgumentException if fewer than 2 prices or a price is NaN, infinite or {@code
   *     <= 0}
   */
  public static double[] simple(double[] prices) {
    Checks.prices(prices, "prices", 2);
    double[] r = new double[prices.length - 1];
    for (int t = 1; t < prices.length; t++) {
      r[t - 1] = prices[t] / prices[t - 1] - 1.0;
    }
    return r;
  }

  /**
   * Log returns {@code l_t = ln(P_t / P_{t-1})}, {@code t = 1..n}.
   *
   * @param prices prices {@code P_0..P_n}, at least 2, all finite and {@code > 0}
   * @return {@code n = prices.length - 1} log returns (natural logarithm, not percent)
   * @throws IllegalArgumentException if fewer than 2 prices or a price is NaN, infinite or {@code
   *     <= 0}
   */
  public static double[] log(double[] prices) {
    Checks.prices(prices, "prices", 2);
    double[] r = new double[prices.length - 1];
    for (int t = 1; t < prices.length; t++) {
      // log of the ratio, not the difference of logs: one rounding instead of a cancellation.
      r[t - 1] = Math.log(prices[t] / prices[t - 1]);
    }
    return r;
  }

  /**
   * Equity curve from simple returns: {@code E_0 = initial}, {@code E_t = E_{t-1} (1 + r_t)}.
   *
   * @param returns simple returns, finite and {@code >= -1} (a return of -1 is a total loss)
   * @param initial the starting value {@code E_0}, finite and {@code > 0}
   * @return {@code returns.length + 1} values {@code E_0..E_n}
   * @throws IllegalArgumentException if a return is NaN, infinite or {@code < -1}, or {@code
   *     initial} is not finite and positive
   */
  public static double[] equityFromSimple(double[] returns, double initial) {
    requireSimpleReturns(returns);
    requireInitial(initial);
    double[] e = new double[returns.length + 1];
    e[0] = initial;
    for (int t = 0; t < returns.length; t++) {
      e[t + 1] = e[t] * (1.0 + returns[t]);
    }
    return e;
  }

  /**
   * Equity curve from log returns: {@code E_0 = initial}, {@code E_t = E_{t-1} exp(l_t)}.
   *
   * @param logReturns log returns, all finite
   * @param initial the starting value {@code E_0}, finite and {@code > 0}
   * @return {@code logReturns.length + 1} values {@code E_0..E_n}
   * @throws IllegalArgumentException if a log return is NaN or infinite, or {@code initial} is not
   *     finite and positive
   */
  public static double[] equityFromLog(double[] logReturns, double initial) {
    Checks.finite(logReturns, "logReturns", 0);
    requireInitial(initial);
    double[] e = new double[logReturns.length + 1];
    e[0] = initial;
    for (int t = 0; t < logReturns.length; t++) {
      e[t + 1] = e[t] * Math.exp(logReturns[t]);
    }
    return e;
  }

  /**
   * Cumulative (compounded) simple return after each period: {@code C_t = prod_{s<=t}(1 + r_s) -
   * 1}.
   *
   * @param returns simple returns, finite and {@code >= -1}
   * @return {@code returns.length} cumulative returns; the last one is the total return
   * @throws IllegalArgumentException if a return is NaN, infinite or {@code < -1}
   */
  public static double[] cumulativeSimple(double[] returns) {
    requireSimpleReturns(returns);
    double[] c = new double[returns.length];
    double growth = 1.0;
    for (int t = 0; t < returns.length; t++) {
      growth *= 1.0 + returns[t];
      c[t] = growth - 1.0;
    }
    return c;
  }

  /**
   * Converts a simple return to a log return, {@code ln(1 + r)}, using {@link Math#log1p} so that
   * small returns keep their precision.
   *
   * @param simpleReturn the simple return, finite and {@code > -1}
   * @return the log return
   * @throws IllegalArgumentException if the return is not finite or {@code <= -1}
   */
  public static double toLog(double simpleReturn) {
    if (!Double.isFinite(simpleReturn) || simpleReturn <= -1.0) {
      throw new IllegalArgumentException(
          "simpleReturn must be finite and > -1 but was " + simpleReturn);
    }
    return Math.log1p(simpleReturn);
  }

  /**
   * Converts a log return to a simple return, {@code exp(l) - 1}, using {@link Math#expm1}.
   *
   * @param logReturn the log return, finite
   * @return the simple return
   * @throws IllegalArgumentException if the return is not finite
   */
  public static double toSimple(double logReturn) {
    return Math.expm1(Checks.finite(logReturn, "logReturn"));
  }

  private static void requireSimpleReturns(double[] returns) {
    Objects.requireNonNull(returns, "returns");
    for (int i = 0; i < returns.length; i++) {
      double r = returns[i];
      if (!Double.isFinite(r) || r < -1.0) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be a finite simple return >= -1 but was " + r);
      }
    }
  }

  private static void requireInitial(double initial) {
    if (!Double.isFinite(initial) || initial <= 0.0) {
      throw new IllegalArgumentException("initial must be finite and > 0 but was " + initial);
    }
  }
}

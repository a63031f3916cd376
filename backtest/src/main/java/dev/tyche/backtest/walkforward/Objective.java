package dev.tyche.backtest.walkforward;

import dev.tyche.core.stats.Descriptive;
import dev.tyche.core.stats.PerformanceMetrics;

/**
 * A score of a return series; higher is better. Used to choose parameters in-sample and to report
 * in-sample and out-of-sample performance.
 *
 * <p>A score may be {@link Double#NaN} when it is undefined (for example a Sharpe ratio of a
 * constant series); a NaN score ranks below every number.
 *
 * <p>Implementations must be thread-safe (they are called from sweep workers).
 */
@FunctionalInterface
public interface Objective {

  /**
   * Scores a return series.
   *
   * @param returns per-period simple returns, at least one, finite
   * @return the score, higher is better, or NaN if undefined
   */
  double score(double[] returns);

  /**
   * The per-period Sharpe ratio {@code mean(r) / sd(r)} with a zero risk-free rate and the sample
   * standard deviation ({@link PerformanceMetrics#sharpeRatio}); NaN for fewer than 2 returns or
   * zero deviation. Not annualised: multiply by {@code sqrt(periodsPerYear)} when reporting.
   *
   * @return the Sharpe objective
   */
  static Objective sharpe() {
    return SharpeObjective.INSTANCE;
  }

  /**
   * The mean per-period return ({@link Descriptive#mean}).
   *
   * @return the mean-return objective
   */
  static Objective meanReturn() {
    return Descriptive::mean;
  }

  /**
   * Whether score {@code a} beats score {@code b}: a number beats NaN; otherwise strictly greater.
   *
   * @param a the challenger
   * @param b the incumbent
   * @return true if {@code a} is strictly better
   */
  static boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    return Double.isNaN(b) || a > b;
  }
}

/** The Sharpe objective as a singleton, so that callers can recognise it and use fast paths. */
enum SharpeObjective implements Objective {
  INSTANCE;

  @Override
  public double score(double[] returns) {
    return returns.length < 2 ? Double.NaN : PerformanceMetrics.sharpeRatio(returns, 0.0);
  }
}

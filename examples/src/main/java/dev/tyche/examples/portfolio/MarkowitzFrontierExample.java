package dev.tyche.examples.portfolio;

import dev.tyche.core.data.BarSeries;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.TextTable;
import dev.tyche.portfolio.optimize.MeanVarianceOptimizer;
import dev.tyche.portfolio.optimize.PortfolioConstraints;
import dev.tyche.portfolio.optimize.PortfolioResult;
import dev.tyche.risk.covariance.CovarianceEstimators;
import dev.tyche.risk.covariance.LedoitWolf;
import dev.tyche.risk.covariance.ShrunkCovariance;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Markowitz (1952, "Portfolio Selection", Journal of Finance 7(1)) mean-variance portfolios of the
 * perpetuals whose daily bars are bundled (BTCUSDT and ETHUSDT): days common to both series, simple
 * daily returns, the Ledoit-Wolf covariance shrunk towards a scaled identity (Ledoit and Wolf 2004,
 * "A well-conditioned estimator for large-dimensional covariance matrices", JMVA 88(2)), and the
 * long-only minimum-variance and maximum-Sharpe portfolios and efficient frontier, with the
 * unconstrained minimum-variance portfolio for comparison.
 *
 * <p>Means and covariances are sample estimates from the past; mean returns in particular are
 * estimated with large error, so the maximum-Sharpe weights are fragile. Annualisation uses 365
 * periods a year and a zero risk-free rate.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class MarkowitzFrontierExample {

  /** Days per year for annualisation. */
  static final int DAYS_PER_YEAR = 365;

  /** Points on the frontier table. */
  static final int FRONTIER_POINTS = 9;

  private MarkowitzFrontierExample() {}

  /**
   * What the example computes.
   *
   * @param symbols the assets, in column order
   * @param days open times of the common days
   * @param returns daily simple returns, one row per day after the first, one column per asset
   * @param mu mean daily returns
   * @param covariance the Ledoit-Wolf covariance of daily returns
   * @param shrinkage the Ledoit-Wolf shrinkage intensity
   * @param minimumVariance the long-only minimum-variance portfolio
   * @param maximumSharpe the long-only maximum-Sharpe portfolio
   * @param unconstrainedMinimumVariance the fully invested minimum-variance portfolio, shorts
   *     allowed
   * @param frontier the long-only efficient frontier
   */
  record Result(
      List<String> symbols,
      long[] days,
      double[][] returns,
      double[] mu,
      double[][] covariance,
      double shrinkage,
      PortfolioResult minimumVariance,
      PortfolioResult maximumSharpe,
      PortfolioResult unconstrainedMinimumVariance,
      List<PortfolioResult> frontier) {}

  /**
   * Runs the example on the bundled data.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<BarSeries> series = new ArrayList<>();
    for (String s : BundledData.SYMBOLS) {
      series.add(BundledData.daily(s));
    }
    Result r = compute(BundledData.SYMBOLS, series);
    print(out, r);
    out.flush();
  }

  /**
   * Aligns the series on common days and optimises.
   *
   * @param symbols the names, one per series
   * @param series daily bars, at least two series
   * @return the result
   */
  static Result compute(List<String> symbols, List<BarSeries> series) {
    if (series.size() < 2 || series.size() != symbols.size()) {
      throw new IllegalArgumentException(
          "need at least two series and one symbol each but have "
              + series.size()
              + " series and "
              + symbols.size()
              + " symbols");
    }
    // Inner join on the bar's open time: every row then holds the same day for every asset.
    Set<Long> common = new TreeSet<>();
    for (long t : series.get(0).openTimes()) {
      common.add(t);
    }
    for (BarSeries s : series) {
      Set<Long> these = new HashSet<>();
      for (long t : s.openTimes()) {
        these.add(t);
      }
      common.retainAll(these);
    }
    long[] days = common.stream().mapToLong(Long::longValue).toArray();
    int n = series.size();
    double[][] close = new double[days.length][n];
    for (int j = 0; j < n; j++) {
      BarSeries s = series.get(j);
      Map<Long, Double> byTime = new HashMap<>();
      for (int i = 0; i < s.size(); i++) {
        byTime.put(s.openTime(i), s.close(i));
      }
      for (int i = 0; i < days.length; i++) {
        close[i][j] = byTime.get(days[i]);
      }
    }
    double[][] returns = new double[days.length - 1][n];
    for (int i = 1; i < days.length; i++) {
      for (int j = 0; j < n; j++) {
        returns[i - 1][j] = close[i][j] / close[i - 1][j] - 1;
      }
    }
    double[] mu = CovarianceEstimators.columnMeans(returns);
    ShrunkCovariance lw = LedoitWolf.scaledIdentity(returns);
    double[][] cov = lw.covariance();
    MeanVarianceOptimizer optimizer = new MeanVarianceOptimizer(mu, cov, 0.0, DAYS_PER_YEAR);
    PortfolioConstraints longOnly = PortfolioConstraints.longOnly(n);
    return new Result(
        List.copyOf(symbols),
        days,
        returns,
        mu,
        cov,
        lw.shrinkage(),
        optimizer.minimumVariance(longOnly),
        optimizer.maximumSharpe(longOnly),
        optimizer.minimumVariance(PortfolioConstraints.unconstrained(n)),
        optimizer.efficientFrontier(FRONTIER_POINTS, longOnly));
  }

  private static void print(PrintStream out, Result r) {
    int n = r.symbols().size();
    out.println("Tyche example: Markowitz portfolios of " + String.join(" and ", r.symbols()));
    out.printf(
        Locale.ROOT,
        "Data: bundled Binance daily bars, %d common days %s .. %s UTC, %d daily returns.%n",
        r.days().length,
        day(r.days()[0]),
        day(r.days()[r.days().length - 1]),
        r.returns().length);
    out.printf(
        Locale.ROOT,
        "Covariance: Ledoit-Wolf, shrinkage intensity %.3f. Annualised x 365, rf = 0.%n",
        r.shrinkage());
    out.println();
    TextTable assets = new TextTable("asset", "mean % a year", "vol % a year", "Sharpe");
    for (int i = 0; i < n; i++) {
      double m = DAYS_PER_YEAR * r.mu()[i];
      double v = Math.sqrt(DAYS_PER_YEAR * r.covariance()[i][i]);
      assets.row(
          r.symbols().get(i),
          TextTable.fixed(100 * m, 1),
          TextTable.fixed(100 * v, 1),
          TextTable.fixed(m / v, 2));
    }
    assets.print(out);
    double rho = r.covariance()[0][1] / Math.sqrt(r.covariance()[0][0] * r.covariance()[1][1]);
    out.printf(
        Locale.ROOT, "correlation %s-%s: %.3f%n", r.symbols().get(0), r.symbols().get(1), rho);
    out.println();

    List<String> header = new ArrayList<>(List.of("portfolio"));
    for (String s : r.symbols()) {
      header.add("w " + s);
    }
    header.addAll(List.of("mean % a year", "vol % a year", "Sharpe", "status"));
    TextTable p = new TextTable(header.toArray(new String[0]));
    portfolioRow(p, "min variance, long only", r.minimumVariance());
    portfolioRow(p, "max Sharpe, long only", r.maximumSharpe());
    portfolioRow(p, "min variance, shorts allowed", r.unconstrainedMinimumVariance());
    p.print(out);
    out.println();
    out.println("Long-only efficient frontier (from minimum variance to the highest mean)");
    TextTable f = new TextTable(header.toArray(new String[0]));
    int k = 1;
    for (PortfolioResult pr : r.frontier()) {
      portfolioRow(f, "point " + k++, pr);
    }
    f.print(out);
    out.println();
    out.println("Historical sample estimates, not forecasts: a different period gives different");
    out.println("weights, and the mean estimates dominate that error.");
  }

  private static void portfolioRow(TextTable t, String name, PortfolioResult p) {
    List<String> cells = new ArrayList<>(List.of(name));
    for (double w : p.weights()) {
      cells.add(TextTable.pct(w, 1));
    }
    cells.add(TextTable.fixed(100 * p.annualizedReturn(), 1));
    cells.add(TextTable.fixed(100 * p.annualizedVolatility(), 1));
    cells.add(TextTable.fixed(p.annualizedSharpe(), 2));
    cells.add(p.status().toString());
    t.row(cells.toArray(new String[0]));
  }

  static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }
}

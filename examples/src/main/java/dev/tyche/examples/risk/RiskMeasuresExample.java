package dev.tyche.examples.risk;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.stats.Returns;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.TextTable;
import dev.tyche.risk.backtest.ChristoffersenResult;
import dev.tyche.risk.backtest.KupiecResult;
import dev.tyche.risk.backtest.VarBacktests;
import dev.tyche.risk.var.CvarRule;
import dev.tyche.risk.var.QuantileRule;
import dev.tyche.risk.var.RollingHistoricalVar;
import dev.tyche.risk.var.SdConvention;
import dev.tyche.risk.var.ValueAtRisk;
import dev.tyche.risk.var.VarEstimate;
import dev.tyche.risk.volatility.EwmaVolatility;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One-day Value at Risk and expected shortfall (CVaR) of a long BTCUSDT perpetual position, from
 * the bundled daily bars, by four methods at 95 % and 99 %, followed by an out-of-sample backtest
 * of two rolling 99 % forecasts with the Kupiec (1995) unconditional-coverage and Christoffersen
 * (1998) independence tests.
 *
 * <p>Returns are simple daily close-to-close returns; VaR and CVaR are positive fractions of the
 * position's value (a loss). Methods: historical (type-7 quantile, CVaR the mean of the worst
 * {@code ceil(n p)} returns), Gaussian with sample mean and sd, Cornish-Fisher (Favre and Galeano
 * 2002, sample-sd convention) and RiskMetrics EWMA with {@code lambda = 0.94} (J.P. Morgan, 1996).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class RiskMeasuresExample {

  /** The confidence levels of the table. */
  static final double[] CONFIDENCES = {0.95, 0.99};

  /** The rolling window of the backtest, in days. */
  static final int WINDOW = 250;

  /** The confidence level of the backtest. */
  static final double BACKTEST_CONFIDENCE = 0.99;

  private RiskMeasuresExample() {}

  /**
   * One row of the estimate table.
   *
   * @param estimate the estimate
   */
  record Row(VarEstimate estimate) {}

  /**
   * One rolling forecast's backtest.
   *
   * @param name the forecast's name
   * @param forecasts the VaR forecast for each test day, positive = loss
   * @param kupiec the unconditional-coverage test
   * @param christoffersen the independence test
   */
  record Backtest(
      String name, double[] forecasts, KupiecResult kupiec, ChristoffersenResult christoffersen) {}

  /**
   * Everything the example prints.
   *
   * @param returns the daily simple returns
   * @param estimates the full-sample estimates, by confidence then method
   * @param realised the returns of the test days (after the first {@link #WINDOW} returns)
   * @param backtests the rolling historical and EWMA backtests
   */
  record Result(
      double[] returns, List<VarEstimate> estimates, double[] realised, List<Backtest> backtests) {}

  /**
   * Runs the example on the bundled data.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BarSeries btc = BundledData.daily("BTCUSDT");
    Result result = compute(Returns.simple(btc.closes()));
    print(out, btc, result);
    out.flush();
  }

  /**
   * Computes the estimates and the backtests.
   *
   * @param r daily simple returns, more than {@link #WINDOW} of them, finite
   * @return the result
   */
  static Result compute(double[] r) {
    if (r.length <= WINDOW + 1) {
      throw new IllegalArgumentException(
          "need more than " + (WINDOW + 1) + " returns but have " + r.length);
    }
    List<VarEstimate> estimates = new ArrayList<>();
    for (double a : CONFIDENCES) {
      estimates.add(
          ValueAtRisk.historical(r, a, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN));
      estimates.add(ValueAtRisk.gaussian(r, a));
      estimates.add(ValueAtRisk.cornishFisher(r, a).estimate(SdConvention.SAMPLE));
      estimates.add(ValueAtRisk.ewma(r, a, EwmaVolatility.RISKMETRICS_DAILY_LAMBDA));
    }

    // Each forecast for day t uses returns before t only; EWMA starts from the mean square of the
    // first window so both forecasts begin on the same day.
    RollingHistoricalVar rolling = new RollingHistoricalVar(WINDOW, BACKTEST_CONFIDENCE);
    EwmaVolatility ewma =
        new EwmaVolatility(
            EwmaVolatility.RISKMETRICS_DAILY_LAMBDA,
            EwmaVolatility.meanSquare(Arrays.copyOfRange(r, 0, WINDOW)));
    int tests = r.length - WINDOW;
    double[] realised = new double[tests];
    double[] hist = new double[tests];
    double[] ew = new double[tests];
    for (int t = 0; t < r.length; t++) {
      if (t >= WINDOW) {
        int i = t - WINDOW;
        realised[i] = r[t];
        hist[i] = rolling.var(QuantileRule.TYPE_7_LINEAR);
        ew[i] = ValueAtRisk.gaussian(0.0, ewma.volatility(), BACKTEST_CONFIDENCE).var();
        ewma.update(r[t]);
      }
      rolling.update(r[t]);
    }
    List<Backtest> backtests =
        List.of(
            backtest("historical, 250 d", realised, hist),
            backtest("EWMA, lambda 0.94", realised, ew));
    return new Result(r, List.copyOf(estimates), realised, backtests);
  }

  private static Backtest backtest(String name, double[] realised, double[] forecasts) {
    boolean[] hits = VarBacktests.exceedances(realised, forecasts);
    return new Backtest(
        name,
        forecasts,
        VarBacktests.kupiec(hits, 1 - BACKTEST_CONFIDENCE),
        VarBacktests.christoffersen(hits));
  }

  private static void print(PrintStream out, BarSeries btc, Result result) {
    out.println("Tyche example: one-day VaR and CVaR of a long BTCUSDT perpetual position");
    out.printf(
        Locale.ROOT,
        "Data: bundled Binance daily bars %s .. %s UTC, %d simple close-to-close returns.%n",
        day(btc.openTime(0)),
        day(btc.openTime(btc.size() - 1)),
        result.returns().length);
    out.println("VaR and CVaR are losses as a fraction of the position's value, one day ahead.");
    out.println();
    TextTable t = new TextTable("method", "confidence", "VaR", "CVaR");
    for (VarEstimate e : result.estimates()) {
      t.row(
          e.method().toString().toLowerCase(Locale.ROOT).replace('_', ' '),
          TextTable.pct(e.confidence(), 0),
          TextTable.pct(e.var(), 2),
          TextTable.pct(e.cvar(), 2));
    }
    t.print(out);
    out.println();
    out.printf(
        Locale.ROOT,
        "Backtest: 99 %% VaR forecast each day from data before it, %d test days%n",
        result.realised().length);
    out.println("(a day is an exceedance when its loss is larger than the forecast).");
    out.println();
    TextTable b =
        new TextTable(
            "forecast", "exceedances", "expected", "rate", "Kupiec p", "Christoffersen p");
    for (Backtest bt : result.backtests()) {
      KupiecResult k = bt.kupiec();
      b.row(
          bt.name(),
          Integer.toString(k.exceedances()),
          TextTable.fixed(k.n() * k.expectedRate(), 1),
          TextTable.pct(k.exceedances() / (double) k.n(), 2),
          TextTable.fixed(k.pValue(), 3),
          TextTable.fixed(bt.christoffersen().pValue(), 3));
    }
    b.print(out);
    out.println();
    out.println("A small Kupiec p-value (below 0.05, say) says the exceedance rate differs from");
    out.println("1 % more than chance explains; a small Christoffersen p-value says exceedances");
    out.println("cluster. These describe past data; they do not promise future coverage.");
  }

  static String day(long epochMillis) {
    return java.time.Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }
}

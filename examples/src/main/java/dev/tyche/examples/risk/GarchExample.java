package dev.tyche.examples.risk;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.stats.Returns;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.TextTable;
import dev.tyche.risk.volatility.EwmaVolatility;
import dev.tyche.risk.volatility.GarchFit;
import dev.tyche.risk.volatility.GarchModel;
import dev.tyche.risk.volatility.GarchParameters;
import dev.tyche.risk.volatility.GarchSpec;
import dev.tyche.risk.volatility.Innovations;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A GARCH(1,1) model (Bollerslev 1986, "Generalized autoregressive conditional heteroskedasticity",
 * Journal of Econometrics 31(3), eq. (3)) fitted by maximum likelihood to the daily log returns of
 * the bundled BTCUSDT perpetual bars, with Student-t and with normal innovations; the in-sample
 * conditional volatility of the last days next to RiskMetrics EWMA; and the variance forecast
 * {@code h_{N+k} = omega + (alpha1 + beta1) h_{N+k-1}} converging to the unconditional variance
 * {@code omega / (1 - alpha1 - beta1)}.
 *
 * <p>Returns are daily log returns in percent ({@code 100 ln(c_t / c_(t-1))}); volatilities are
 * annualised with {@code sqrt(365)} (crypto trades every day). Only a fit whose status is {@code
 * CONVERGED} is used for the forecast: the Student-t fit if it is reliable, else the normal one.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class GarchExample {

  /** Forecast horizons of the table, in days. */
  static final int[] HORIZONS = {1, 5, 10, 20, 60, 250};

  /** Days of conditional volatility shown at the end of the sample. */
  static final int LAST_DAYS = 5;

  /** Days per year for annualisation. */
  static final double DAYS_PER_YEAR = 365.0;

  private GarchExample() {}

  /**
   * What the example computes.
   *
   * @param x daily log returns in percent
   * @param studentT the Student-t fit
   * @param normal the normal fit
   * @param used the fit used for the forecast (one of the two, reliable)
   * @param ewmaVariance the EWMA (0.94) variance of each day, seeded with the first 30 days' mean
   *     square, in percent squared
   * @param forecast the variance forecast for days {@code N+1 .. N+max(HORIZONS)}
   */
  record Result(
      double[] x,
      GarchFit studentT,
      GarchFit normal,
      GarchFit used,
      double[] ewmaVariance,
      double[] forecast) {}

  /**
   * Runs the example on the bundled data.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BarSeries btc = BundledData.daily("BTCUSDT");
    Result r = compute(btc.closes());
    print(out, btc, r);
    out.flush();
  }

  /**
   * Fits the models and forecasts.
   *
   * @param closes daily closes, at least 100, positive
   * @return the result
   * @throws IllegalStateException if neither fit is reliable
   */
  static Result compute(double[] closes) {
    if (closes.length < 100) {
      throw new IllegalArgumentException("need at least 100 closes but have " + closes.length);
    }
    // Percent returns keep omega far from the optimiser's lower bound (the usual GARCH scale).
    double[] x = Arrays.stream(Returns.log(closes)).map(v -> 100 * v).toArray();
    GarchFit t = GarchModel.of(GarchSpec.garch().withInnovations(Innovations.STUDENT_T)).fit(x);
    GarchFit n = GarchModel.of(GarchSpec.garch()).fit(x);
    GarchFit used = t.isReliable() ? t : n;
    if (!used.isReliable()) {
      throw new IllegalStateException(
          "no reliable GARCH fit: Student-t "
              + t.status()
              + " ("
              + t.statusDetail()
              + "), normal "
              + n.status()
              + " ("
              + n.statusDetail()
              + ")");
    }
    double[] ewma =
        EwmaVolatility.varianceSeries(
            EwmaVolatility.RISKMETRICS_DAILY_LAMBDA,
            EwmaVolatility.meanSquare(Arrays.copyOfRange(x, 0, 30)),
            x);
    double[] forecast = used.varianceForecast(HORIZONS[HORIZONS.length - 1]);
    return new Result(x, t, n, used, ewma, forecast);
  }

  /**
   * Annualised volatility in percent from a daily variance in percent squared.
   *
   * @param dailyVariance percent squared
   * @return {@code sqrt(365 h)}, percent a year
   */
  static double annualised(double dailyVariance) {
    return Math.sqrt(DAYS_PER_YEAR * dailyVariance);
  }

  private static void print(PrintStream out, BarSeries btc, Result r) {
    out.println("Tyche example: GARCH(1,1) on BTCUSDT perpetual daily log returns");
    out.printf(
        Locale.ROOT,
        "Data: bundled Binance daily bars %s .. %s UTC, %d log returns in percent.%n",
        RiskMeasuresExample.day(btc.openTime(0)),
        RiskMeasuresExample.day(btc.openTime(btc.size() - 1)),
        r.x().length);
    out.println();
    TextTable fits =
        new TextTable(
            "innovations",
            "status",
            "mu %",
            "omega",
            "alpha1",
            "beta1",
            "shape nu",
            "persistence",
            "half-life d",
            "log-lik");
    fitRow(fits, "Student-t", r.studentT());
    fitRow(fits, "normal", r.normal());
    fits.print(out);
    if (r.used() != r.studentT()) {
      out.printf(
          Locale.ROOT,
          "The Student-t fit is not used: its status is %s (persistence alpha1 + beta1 = %.4f;%n"
              + "a value >= 1 has no long-run variance). The library reports such a fit with its%n"
              + "status rather than passing it off as usable.%n",
          r.studentT().status(),
          r.studentT().persistence());
    }
    out.printf(
        Locale.ROOT,
        "Used below: the %s fit (status CONVERGED). Long-run volatility %.1f %% a year.%n",
        r.used() == r.studentT() ? "Student-t" : "normal",
        annualised(r.used().unconditionalVariance()));
    out.println();

    out.println("Conditional volatility of the last days (in-sample, % a year)");
    TextTable last = new TextTable("day (UTC)", "return %", "GARCH", "EWMA 0.94");
    double[] h = r.used().conditionalVariances();
    for (int i = r.x().length - LAST_DAYS; i < r.x().length; i++) {
      // x[i] is the return over bar i + 1, which opens on that day.
      last.row(
          RiskMeasuresExample.day(btc.openTime(i + 1)),
          TextTable.fixed(r.x()[i], 2),
          TextTable.fixed(annualised(h[i]), 1),
          TextTable.fixed(annualised(r.ewmaVariance()[i]), 1));
    }
    last.print(out);
    out.println();

    out.println("Forecast after the last day of data");
    TextTable f = new TextTable("days ahead", "daily vol %", "annualised %", "vol over horizon %");
    for (int k : HORIZONS) {
      double cumulative = 0;
      for (int j = 0; j < k; j++) {
        cumulative += r.forecast()[j];
      }
      f.row(
          Integer.toString(k),
          TextTable.fixed(Math.sqrt(r.forecast()[k - 1]), 2),
          TextTable.fixed(annualised(r.forecast()[k - 1]), 1),
          TextTable.fixed(Math.sqrt(cumulative), 1));
    }
    f.print(out);
    out.println();
    out.println("'vol over horizon' is sqrt of the summed daily variances: the sd of the k-day");
    out.println("log return under the model. A model estimate from past data, not a prediction");
    out.println("of what the market will do.");
  }

  private static void fitRow(TextTable t, String name, GarchFit f) {
    GarchParameters p = f.parameters();
    t.row(
        name,
        f.status().toString(),
        TextTable.fixed(p.mu(), 4),
        TextTable.fixed(p.omega(), 4),
        TextTable.fixed(p.alpha1(), 4),
        TextTable.fixed(p.beta1(), 4),
        Double.isFinite(p.shape()) ? TextTable.fixed(p.shape(), 2) : "-",
        TextTable.fixed(f.persistence(), 4),
        Double.isFinite(f.halfLife()) ? TextTable.fixed(f.halfLife(), 1) : "inf",
        TextTable.fixed(f.logLikelihood(), 1));
  }
}

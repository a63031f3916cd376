package dev.tyche.examples;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.data.DataIssue;
import dev.tyche.core.data.DataQualityReport;
import dev.tyche.core.data.DataValidator;
import dev.tyche.core.data.FundingRateCsvReader;
import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.stats.Drawdown;
import dev.tyche.core.stats.PerformanceMetrics;
import dev.tyche.core.stats.PerformanceSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The flagship example: loads the bundled Binance BTCUSDT perpetual 1-hour bars from the class
 * path, validates them, prints the data-quality report, and describes what buying at the first real
 * close and holding to the last close would have done.
 *
 * <p>Everything printed is a description of the past: not a forecast, not a promise of profit.
 */
public final class FlagshipExample {
  static final String BARS = "binance-futures-um-BTCUSDT-1h.csv.gz";
  static final String FUNDING = "binance-futures-um-BTCUSDT-fundingRate.csv.gz";
  static final Symbol SYMBOL = Symbol.of("BTCUSDT");

  /** Hours in a 365-day year: the periods-per-year convention for 1h crypto (trades 24/7). */
  static final double HOURS_PER_YEAR = 24.0 * 365.0;

  private FlagshipExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws UncheckedIOException if the bundled data cannot be read
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      run(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled data", e);
    }
    out.flush();
  }

  static void run(PrintStream out) throws IOException {
    BarSeries series;
    try (InputStream in = resource(BARS)) {
      series = KlineCsvReader.readSeries(in, BARS, KlineCsvOptions.of(SYMBOL, "1h"));
    }
    List<FundingRate> funding;
    try (InputStream in = resource(FUNDING)) {
      funding = FundingRateCsvReader.read(in, FUNDING, SYMBOL);
    }

    out.println("Tyche flagship example: Binance USDT-M perpetual " + SYMBOL + ", 1-hour bars");
    out.println("Source: bundled copy of public Binance data (see data/README.md), read from the");
    out.println("class path; all times UTC; a bar stamped 10:00 covers [10:00, 11:00).");
    out.println();

    DataQualityReport report = DataValidator.defaults().validate(series);
    out.print(report.toText(8));
    out.println();

    // Start after the launch placeholders: those prices were never traded in size.
    int start = 0;
    for (DataIssue issue : report.issuesOf(DataIssue.Kind.LAUNCH_PLACEHOLDER)) {
      while (start < series.size() && series.lineNumber(start) <= issue.lineNumber()) {
        start++;
      }
    }
    BuyAndHold stats = buyAndHold(series, start);
    printStats(out, series, start, stats, funding);
  }

  private static InputStream resource(String name) {
    InputStream in = FlagshipExample.class.getResourceAsStream("/data/" + name);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("bundled resource /data/" + name + " is missing from the class path"));
    }
    return in;
  }

  private static void printStats(
      PrintStream out, BarSeries s, int start, BuyAndHold b, List<FundingRate> funding) {
    long hour = s.intervalMillis();
    String rule = "+" + "-".repeat(30) + "+" + "-".repeat(40) + "+";
    out.println("Buy-and-hold, " + SYMBOL + " perpetual, close to close (historical description)");
    out.println(rule);
    row(
        out,
        "period (bar closes, UTC)",
        time(s.closeTime(start) + 1, hour) + " .. " + time(s.closeTime(s.size() - 1) + 1, hour));
    row(out, "bars (hourly returns)", b.returns() + 1 + " (" + b.returns() + ")");
    row(out, "skipped launch placeholders", Integer.toString(start));
    row(out, "first close (USDT)", fixed(s.close(start), 2));
    row(out, "last close (USDT)", fixed(s.close(s.size() - 1), 2));
    row(out, "total return", pct(b.totalReturn()));
    row(out, "years (returns / 8760)", fixed(b.years(), 3));
    row(out, "CAGR", pct(b.cagr()));
    row(
        out,
        "annualised volatility",
        String.format(Locale.ROOT, "%.2f %%", 100 * b.annualVolatility()));
    row(out, "Sharpe ratio (rf = 0)", fixed(b.sharpe(), 3));
    row(out, "max drawdown", pct(-b.maxDrawdown()));
    row(
        out,
        "  peak (bar close)",
        time(s.closeTime(b.peakIndex()) + 1, hour) + " @ " + fixed(s.close(b.peakIndex()), 2));
    row(
        out,
        "  trough (bar close)",
        time(s.closeTime(b.troughIndex()) + 1, hour) + " @ " + fixed(s.close(b.troughIndex()), 2));
    row(
        out,
        "  recovered",
        b.recoveryIndex() < 0
            ? "not by the last bar"
            : time(s.closeTime(b.recoveryIndex()) + 1, hour));
    out.println(rule);
    double fundingSum = 0;
    for (FundingRate f : funding) {
      fundingSum += f.rate().toDouble();
    }
    out.printf(
        Locale.ROOT,
        "Conventions: simple hourly returns r = c_t / c_(t-1) - 1; volatility = sample%n");
    out.printf(
        Locale.ROOT,
        "sd(r) x sqrt(8760) (24 x 365 periods per year); Sharpe = mean(r) / sd(r) x%n");
    out.printf(
        Locale.ROOT,
        "sqrt(8760) with a zero risk-free rate; CAGR = (last / first)^(1 / years) - 1;%n");
    out.printf(
        Locale.ROOT, "max drawdown = largest fall of a close below the highest close before it.%n");
    out.printf(
        Locale.ROOT,
        "Not included: fees, slippage and funding. A long perpetual pays funding; the rates%n");
    out.printf(
        Locale.ROOT,
        "of the %d settlements %s .. %s (bundled file) add up to %s%n",
        funding.size(),
        time(funding.get(0).nominalTime(), hour),
        time(funding.get(funding.size() - 1).nominalTime(), hour),
        pct(fundingSum));
    out.printf(Locale.ROOT, "(each payment is rate x position notional at that settlement).%n");
    out.println();
    out.println("This describes what happened in past data. It is not a forecast, not advice and");
    out.println("not a promise of profit; past returns say little about future returns.");
  }

  private static void row(PrintStream out, String name, String value) {
    out.printf(Locale.ROOT, "| %-28s | %38s |%n", name, value);
  }

  private static String time(long epochMillis, long intervalMillis) {
    return DataQualityReport.formatTime(epochMillis, intervalMillis);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%+.2f %%", 100 * fraction);
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  // ---------------------------------------------------------------------------------------------
  // Buy-and-hold statistics, from core's PerformanceMetrics. Sharpe (1994), "The Sharpe Ratio",
  // Journal of Portfolio Management 21(1), with a zero benchmark; annualisation by sqrt(periods
  // per year) assumes i.i.d. returns (Lo 2002, "The Statistics of Sharpe Ratios", FAJ 58(4)).
  // ---------------------------------------------------------------------------------------------

  /**
   * Buy-and-hold statistics of a close series.
   *
   * @param returns the number of hourly returns
   * @param totalReturn last close / first close - 1
   * @param years returns / (24 x 365)
   * @param cagr compound annual growth rate
   * @param annualVolatility sample sd of hourly simple returns x sqrt(8760)
   * @param sharpe mean / sd of hourly simple returns x sqrt(8760), rf = 0
   * @param maxDrawdown largest peak-to-trough fall of the close, as a positive fraction
   * @param peakIndex row of the peak before the largest fall
   * @param troughIndex row of the trough
   * @param recoveryIndex first row after the trough at or above the peak, or -1
   */
  record BuyAndHold(
      int returns,
      double totalReturn,
      double years,
      double cagr,
      double annualVolatility,
      double sharpe,
      double maxDrawdown,
      int peakIndex,
      int troughIndex,
      int recoveryIndex) {}

  static BuyAndHold buyAndHold(BarSeries s, int from) {
    int n = s.size() - 1 - from;
    if (n < 2) {
      throw new IllegalArgumentException(
          "need at least 3 closes after row " + from + " but have " + (n + 1));
    }
    double[] closes = Arrays.copyOfRange(s.closes(), from, s.size());
    PerformanceSummary p = PerformanceMetrics.summarize(closes, HOURS_PER_YEAR, 0.0, 0.0);
    Drawdown dd = p.drawdown();
    return new BuyAndHold(
        p.returnCount(),
        p.totalReturn(),
        p.returnCount() / HOURS_PER_YEAR,
        p.cagr(),
        p.annualVolatility(),
        p.sharpeAnnualised(),
        dd.maxDrawdown(),
        from + dd.peakIndex(),
        from + dd.troughIndex(),
        dd.recoveryIndex().isPresent() ? from + dd.recoveryIndex().getAsInt() : -1);
  }
}

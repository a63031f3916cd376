package dev.tyche.backtest.report;

import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.Contribution;
import dev.tyche.backtest.result.CostSummary;
import dev.tyche.backtest.result.EquityCurve;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.backtest.result.ResultWriter;
import dev.tyche.backtest.result.SleeveAttribution;
import dev.tyche.core.num.Money;
import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.portfolio.attribution.LinkedAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Renders a {@link BacktestResult} as one self-contained HTML page: no external scripts, styles,
 * fonts or images; charts are inline SVG generated here, each a well-formed XML element.
 *
 * <p>Sections (each a {@code <section>} with the id in brackets): a statement that the results are
 * a historical simulation (disclaimer), the summary table (summary), the costs table (costs),
 * equity with regimes shaded when a regime series is given (equity), drawdown (drawdown), gross and
 * net exposure (exposure), the monthly returns heat map (monthly), per-strategy and per-regime
 * contributions (contributions), the Brinson-Fachler attribution per strategy sleeve and per
 * regime, linked over all periods with Carino's method (attribution; see {@link SleeveAttribution})
 * and the trades table, truncated to {@link ReportOptions#maxTradeRows()} with a count of the rest
 * (trades). {@link #render(BacktestResult, ReportOptions)} uses the default attribution (the
 * sleeves against their equal-weight portfolio); pass another to the three-argument overload.
 *
 * <p>Output depends only on the result and the options, so equal inputs give identical pages.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
public final class HtmlReport {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param r the result
   * @param options the layout
   * @return the HTML text
   */
  public static String render(BacktestResult r, ReportOptions options) {
    Objects.requireNonNull(r, "result must not be null");
    return render(r, options, SleeveAttribution.ofDefault(r));
  }

  /**
   * Renders the page with a given attribution.
   *
   * @param r the result
   * @param options the layout
   * @param attribution the attribution to show, or empty for a note that there is none
   * @return the HTML text
   */
  public static String render(
      BacktestResult r, ReportOptions options, Optional<SleeveAttribution> attribution) {
    Objects.requireNonNull(r, "result must not be null");
    Objects.requireNonNull(options, "options must not be null");
    Objects.requireNonNull(attribution, "attribution must not be null (use Optional.empty())");
    EquityCurve c = r.equity();
    long[] t = c.times();
    int w = options.chartWidth();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    h.append("<title>").append(Html.escape(options.title())).append("</title>\n");
    h.append("<style>\n")
        .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:")
        .append(w + 40)
        .append("px}\n")
        .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 6px}\n")
        .append("table{border-collapse:collapse;font-size:13px}\n")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
        .append("th{background:#f2f2f2}td.l,th.l{text-align:left}\n")
        .append(".disclaimer{border:2px solid #b00;background:#fff4f4;padding:8px 12px;")
        .append("font-weight:bold}\n")
        .append(".note{font-size:12px;color:#555}\n")
        .append(
            ".legend span{display:inline-block;padding:1px 6px;margin-right:6px;font-size:12px}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(options.title())).append("</h1>\n");
    h.append("<p class=\"note\">Run ")
        .append(Html.escape(r.name()))
        .append(t.length > 0 ? ", " + time(t[0]) + " to " + time(t[t.length - 1]) + " UTC" : "")
        .append(", ")
        .append(t.length)
        .append(" samples.</p>\n");

    h.append("<section id=\"disclaimer\"><p class=\"disclaimer\">")
        .append(Html.escape(ResultWriter.DISCLAIMER))
        .append(" The figures below come from replaying historical data through a simulated venue")
        .append(" with modelled fees, funding and slippage; real trading would differ.</p>")
        .append("</section>\n");

    summary(h, r);
    costs(h, r);

    h.append("<section id=\"equity\"><h2>Equity</h2>\n");
    if (r.regimes().isPresent()) {
      regimeLegend(h, r.regimes().get());
    }
    h.append(
        Svg.timeChart(
            "equity-chart",
            "Equity (" + r.initialEquity().asset() + ")",
            t,
            List.of(
                new Svg.Series(
                    "equity " + r.initialEquity().asset(), c.equity(), "#1f5fa8", false)),
            w,
            320,
            false,
            r.regimes(),
            false));
    h.append("\n</section>\n");

    h.append("<section id=\"drawdown\"><h2>Drawdown</h2>\n");
    double[] dd = c.drawdown();
    double[] neg = new double[dd.length];
    for (int i = 0; i < dd.length; i++) {
      neg[i] = -dd[i];
    }
    h.append(
        Svg.timeChart(
            "drawdown-chart",
            "Drawdown from the running peak",
            t,
            List.of(new Svg.Series("drawdown", neg, "#c0392b", true)),
            w,
            200,
            true,
            r.regimes(),
            true));
    h.append("\n</section>\n");

    h.append("<section id=\"exposure\"><h2>Exposure</h2>\n");
    h.append(
        "<p class=\"note\">Gross = sum |position notional| / equity; net = sum signed notional /"
            + " equity (1 = a long position worth the whole equity).</p>\n");
    h.append(
        Svg.timeChart(
            "exposure-chart",
            "Gross and net exposure as multiples of equity",
            t,
            List.of(
                new Svg.Series("net", c.netExposure(), "#2ca02c", false),
                new Svg.Series("gross (dashed)", c.grossExposure(), "#555555", false, true)),
            w,
            200,
            false,
            Optional.empty(),
            true));
    h.append("\n</section>\n");

    monthly(h, t, c.equity(), w);
    contributions(h, r);
    attribution(h, attribution);
    trades(h, r, options.maxTradeRows());

    h.append("<p class=\"note\">")
        .append(Html.escape(ResultWriter.DISCLAIMER))
        .append("</p>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * Renders the page and writes it, UTF-8.
   *
   * @param r the result
   * @param options the layout
   * @param file the output file (parent directories are created)
   * @throws IOException if it cannot be written
   */
  public static void write(BacktestResult r, ReportOptions options, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(r, options), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ sections

  private static void summary(StringBuilder h, BacktestResult r) {
    h.append("<section id=\"summary\"><h2>Summary</h2>\n<table>\n");
    String a = " " + r.initialEquity().asset();
    row(h, "Initial equity", money(r.initialEquity()) + a);
    row(h, "Final equity", money(r.finalEquity()) + a);
    row(h, "Net PnL", money(r.pnl()) + a);
    row(h, "Total return", pct(r.totalReturn()));
    row(h, "Max drawdown (sampled)", pct(r.equity().maxDrawdown()));
    if (r.metrics().isPresent()) {
      PerformanceSummary m = r.metrics().get();
      row(h, "CAGR", pct(m.cagr()));
      row(h, "Annualised volatility", pct(m.annualVolatility()));
      row(h, "Sharpe ratio (annualised, rf = 0)", dec(m.sharpeAnnualised()));
      row(h, "Sortino ratio (annualised, MAR = 0)", dec(m.sortinoAnnualised()));
      row(h, "Calmar ratio", dec(m.calmar()));
      row(h, "Omega ratio (threshold 0)", dec(m.omega()));
      row(h, "Win rate (per period)", pct(m.winRate()));
      row(h, "Profit factor (per period)", dec(m.profitFactor()));
      row(h, "Periods per year (annualisation)", dec(m.periodsPerYear()));
    } else {
      row(h, "Metrics", "not computed (fewer than 3 samples or non-positive equity)");
    }
    row(h, "Orders submitted / denied", r.ordersSubmitted() + " / " + r.ordersDenied());
    row(h, "Fills", Integer.toString(r.fills().size()));
    row(h, "Funding settlements with a position", Integer.toString(r.funding().size()));
    h.append("</table>\n");
    h.append(
        "<p class=\"note\">Metrics from core's PerformanceMetrics on the sampled equity curve:"
            + " simple per-period returns, sample standard deviation, annualised with the"
            + " periods per year shown (Sharpe 1994; Sortino and Price 1994; Young 1991;"
            + " Keating and Shadwick 2002).</p>\n</section>\n");
  }

  private static void costs(StringBuilder h, BacktestResult r) {
    CostSummary c = r.costs();
    double base = r.initialEquity().amount().toDouble();
    String a = " " + r.initialEquity().asset();
    h.append("<section id=\"costs\"><h2>Costs</h2>\n<table>\n");
    h.append("<tr><th class=\"l\">Cost</th><th>Amount</th><th>% of initial equity</th></tr>\n");
    costRow(h, "Maker fees (paid)", c.makerFees(), base, a);
    costRow(h, "Taker fees (paid)", c.takerFees(), base, a);
    costRow(h, "Total fees (paid)", c.totalFees(), base, a);
    costRow(h, "Funding (received; negative = paid)", c.funding(), base, a);
    costRow(h, "Slippage vs decision price (cost)", c.slippage(), base, a);
    h.append("</table>\n");
    h.append(
        "<p class=\"note\">Fees and funding are exact ledger totals; funding is settled at the"
            + " funding times and rates of the data. Slippage is the implementation shortfall of"
            + " each fill against the venue's reference price when the order was sent (Perold"
            + " 1988); it is already inside the PnL through the fill prices.</p>\n</section>\n");
  }

  private static void costRow(StringBuilder h, String name, Money m, double base, String a) {
    h.append("<tr><td class=\"l\">")
        .append(Html.escape(name))
        .append("</td><td>")
        .append(money(m))
        .append(Html.escape(a))
        .append("</td><td>")
        .append(pct(m.amount().toDouble() / base))
        .append("</td></tr>\n");
  }

  private static void regimeLegend(StringBuilder h, RegimeSeries r) {
    h.append("<p class=\"legend\">Shaded regimes: ");
    List<String> labels = r.distinctLabels();
    for (int i = 0; i < labels.size(); i++) {
      h.append("<span style=\"background:")
          .append(Svg.REGIME_COLORS[i % Svg.REGIME_COLORS.length])
          .append("33\">")
          .append(Html.escape(labels.get(i)))
          .append("</span>");
    }
    h.append("</p>\n");
  }

  private static void monthly(StringBuilder h, long[] t, double[] equity, int width) {
    h.append("<section id=\"monthly\"><h2>Monthly returns</h2>\n");
    MonthlyReturns m = MonthlyReturns.of(t, equity);
    TreeSet<Integer> years = new TreeSet<>();
    for (YearMonth ym : m.months()) {
      years.add(ym.getYear());
    }
    int cell = Math.min(70, (width - 70) / 13);
    int cellH = 26;
    int svgW = 60 + 13 * cell;
    int svgH = 22 + cellH * Math.max(1, years.size());
    double maxAbs = 1e-12;
    for (double v : m.returns()) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"monthly-chart\" width=\"")
        .append(svgW)
        .append("\" height=\"")
        .append(svgH)
        .append("\" viewBox=\"0 0 ")
        .append(svgW)
        .append(' ')
        .append(svgH)
        .append("\" role=\"img\" aria-label=\"Monthly returns heat map\">");
    s.append("<title>Monthly returns heat map (UTC calendar months)</title>");
    for (int k = 0; k < 12; k++) {
      s.append("<text x=\"")
          .append(60 + k * cell + cell / 2)
          .append("\" y=\"15\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333333\">")
          .append(MONTHS[k])
          .append("</text>");
    }
    s.append("<text x=\"")
        .append(60 + 12 * cell + cell / 2)
        .append("\" y=\"15\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333333\">Year</text>");
    int row = 0;
    for (int year : years) {
      int y = 22 + row * cellH;
      s.append("<text x=\"52\" y=\"")
          .append(y + cellH / 2 + 4)
          .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#333333\">")
          .append(year)
          .append("</text>");
      double compound = 1.0;
      boolean any = false;
      for (int k = 0; k < m.months().size(); k++) {
        YearMonth ym = m.months().get(k);
        if (ym.getYear() != year) {
          continue;
        }
        double v = m.returns()[k];
        compound *= 1.0 + v;
        any = true;
        cell(s, 60 + (ym.getMonthValue() - 1) * cell, y, cell, cellH, v, maxAbs, ym.toString());
      }
      if (any) {
        cell(s, 60 + 12 * cell, y, cell, cellH, compound - 1.0, maxAbs, year + " (compounded)");
      }
      row++;
    }
    s.append("</svg>");
    h.append(s).append('\n');
    h.append(
        "<p class=\"note\">Each cell: last equity sample of the month over the last of the"
            + " previous month, minus 1 (the first month from the first sample). Green = gain, red"
            + " = loss; colour intensity relative to the largest monthly move.</p>\n</section>\n");
  }

  private static void cell(
      StringBuilder s, int x, int y, int w, int hgt, double v, double maxAbs, String title) {
    double f = Math.min(1.0, Math.abs(v) / maxAbs);
    int r;
    int g;
    int b;
    if (v >= 0) {
      r = (int) Math.round(255 - f * (255 - 46));
      g = (int) Math.round(255 - f * (255 - 160));
      b = (int) Math.round(255 - f * (255 - 67));
    } else {
      r = (int) Math.round(255 - f * (255 - 214));
      g = (int) Math.round(255 - f * (255 - 39));
      b = (int) Math.round(255 - f * (255 - 40));
    }
    s.append("<rect x=\"")
        .append(x + 1)
        .append("\" y=\"")
        .append(y + 1)
        .append("\" width=\"")
        .append(w - 2)
        .append("\" height=\"")
        .append(hgt - 2)
        .append("\" fill=\"")
        .append(String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b))
        .append("\"><title>")
        .append(Html.escape(title + ": " + pct(v)))
        .append("</title></rect>");
    s.append("<text x=\"")
        .append(x + w / 2)
        .append("\" y=\"")
        .append(y + hgt / 2 + 4)
        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"")
        .append(f > 0.6 ? "#ffffff" : "#111111")
        .append("\">")
        .append(String.format(Locale.ROOT, "%.1f%%", 100 * v))
        .append("</text>");
  }

  private static void contributions(StringBuilder h, BacktestResult r) {
    h.append("<section id=\"contributions\"><h2>Contributions</h2>\n");
    h.append("<table>\n<tr><th class=\"l\">Strategy</th><th>PnL</th><th>Fees</th>")
        .append("<th>Funding</th><th>Slippage</th><th>Fills</th></tr>\n");
    for (Contribution c : r.byStrategy()) {
      h.append("<tr><td class=\"l\">")
          .append(Html.escape(c.key()))
          .append("</td><td>")
          .append(dec2(c.pnl()))
          .append("</td><td>")
          .append(dec2(c.fees()))
          .append("</td><td>")
          .append(dec2(c.funding()))
          .append("</td><td>")
          .append(dec2(c.slippage()))
          .append("</td><td>")
          .append(c.fills())
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!r.byRegime().isEmpty()) {
      h.append("<h2>By regime</h2>\n<table>\n<tr><th class=\"l\">Regime</th><th>PnL</th>")
          .append("<th>Periods</th></tr>\n");
      for (Contribution c : r.byRegime()) {
        h.append("<tr><td class=\"l\">")
            .append(Html.escape(c.key()))
            .append("</td><td>")
            .append(dec2(c.pnl()))
            .append("</td><td>")
            .append(c.periods())
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append(
        "<p class=\"note\">Per strategy: a private ledger of the strategy's own fills and funding,"
            + " marked like the account. Per regime: equity change over the periods that began in"
            + " that regime.</p>\n</section>\n");
  }

  private static void attribution(StringBuilder h, Optional<SleeveAttribution> a) {
    h.append("<section id=\"attribution\"><h2>Attribution (Brinson-Fachler)</h2>\n");
    if (a.isEmpty()) {
      h.append(
          "<p class=\"note\">No attribution: it needs at least two samples, a strategy series"
              + " and positive sleeve capital throughout.</p>\n</section>\n");
      return;
    }
    LinkedAttribution<String> s = a.get().bySleeve();
    h.append("<p class=\"note\">")
        .append(a.get().periodCount())
        .append(" periods linked with Carino's logarithmic method. Portfolio ")
        .append(pct(s.portfolioReturn()))
        .append(", benchmark ")
        .append(pct(s.benchmarkReturn()))
        .append(", active ")
        .append(pct(s.activeReturn()))
        .append(" (compounded).</p>\n");
    effectsTable(h, "Strategy", s.segments(), s);
    if (a.get().byRegime().isPresent()) {
      h.append("<h2>Attribution by regime</h2>\n");
      effectsTable(h, "Regime", a.get().byRegime().get().segments(), s);
    }
    h.append(
        "<p class=\"note\">Sleeves hold notional capital (their share of the initial equity plus"
            + " their PnL); effects are fractions of the portfolio's value. Per regime: the linked"
            + " effects of the periods that began in that regime.</p>\n</section>\n");
  }

  private static void effectsTable(
      StringBuilder h, String what, Map<String, SegmentEffects> rows, LinkedAttribution<String> s) {
    h.append("<table>\n<tr><th class=\"l\">")
        .append(what)
        .append("</th><th>Allocation</th><th>Selection</th><th>Interaction</th>")
        .append("<th>Total</th></tr>\n");
    for (Map.Entry<String, SegmentEffects> e : rows.entrySet()) {
      effectsRow(h, Html.escape(e.getKey()), e.getValue());
    }
    effectsRow(
        h, "<b>Total</b>", new SegmentEffects(s.allocation(), s.selection(), s.interaction()));
    h.append("</table>\n");
  }

  private static void effectsRow(StringBuilder h, String label, SegmentEffects e) {
    h.append("<tr><td class=\"l\">")
        .append(label)
        .append("</td><td>")
        .append(pct(e.allocation()))
        .append("</td><td>")
        .append(pct(e.selection()))
        .append("</td><td>")
        .append(pct(e.interaction()))
        .append("</td><td>")
        .append(pct(e.total()))
        .append("</td></tr>\n");
  }

  private static void trades(StringBuilder h, BacktestResult r, int max) {
    List<FillRecord> fills = r.fills();
    int shown = Math.min(max, fills.size());
    h.append("<section id=\"trades\"><h2>Trades</h2>\n");
    h.append("<p class=\"note\">Showing ")
        .append(shown)
        .append(" of ")
        .append(fills.size())
        .append(" fills");
    if (fills.size() > shown) {
      h.append(" (")
          .append(fills.size() - shown)
          .append(" more not shown; the full list is in fills.csv / result.json)");
    }
    h.append(".</p>\n<table>\n<tr><th class=\"l\">Time (UTC)</th><th class=\"l\">Strategy</th>")
        .append("<th class=\"l\">Symbol</th><th class=\"l\">Side</th><th>Price</th>")
        .append("<th>Quantity</th><th>Fee</th><th class=\"l\">Liquidity</th>")
        .append("<th>Slippage</th></tr>\n");
    for (int i = 0; i < shown; i++) {
      FillRecord f = fills.get(i);
      h.append("<tr><td class=\"l\">")
          .append(time(f.time()))
          .append("</td><td class=\"l\">")
          .append(Html.escape(f.strategy()))
          .append("</td><td class=\"l\">")
          .append(Html.escape(f.symbol().value()))
          .append("</td><td class=\"l\">")
          .append(f.side())
          .append(f.liquidation() ? " (liquidation)" : "")
          .append("</td><td>")
          .append(f.price().toPlainString())
          .append("</td><td>")
          .append(f.quantity().toPlainString())
          .append("</td><td>")
          .append(f.fee().amount().toPlainString())
          .append("</td><td class=\"l\">")
          .append(f.liquidity())
          .append("</td><td>")
          .append(dec2(f.slippage().amount().toDouble()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n</section>\n");
  }

  // ------------------------------------------------------------------ formatting

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><td class=\"l\">")
        .append(Html.escape(name))
        .append("</td><td>")
        .append(Html.escape(value))
        .append("</td></tr>\n");
  }

  private static String time(long t) {
    return TIME.format(Instant.ofEpochMilli(t));
  }

  private static String money(Money m) {
    return String.format(Locale.ROOT, "%,.2f", m.amount().toDouble());
  }

  private static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "n/a";
  }

  private static String dec(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
  }

  private static String dec2(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
  }
}

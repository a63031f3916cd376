package dev.tyche.backtest.result;

import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.portfolio.attribution.LinkedAttribution;
import dev.tyche.portfolio.attribution.PeriodAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import dev.tyche.portfolio.attribution.SegmentReturns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link BacktestResult} as JSON (one document with everything but the event log) and as
 * CSV files (equity curve, fills, funding, Brinson-Fachler attribution). Output depends only on the
 * result (and the attribution passed, if any), so equal inputs give byte-identical files.
 *
 * <p>The methods without an attribution argument use {@link SleeveAttribution#ofDefault}: the
 * sleeves against their equal-weight portfolio; pass a {@link SleeveAttribution} computed with
 * other {@link AttributionSettings} (e.g. a buy-and-hold benchmark) to write that instead. When no
 * attribution can be computed the JSON field {@code attribution} is {@code null} and the
 * attribution CSV files have only their header.
 *
 * <p>Number formats: exact money, prices and quantities are written as the ledger's decimal text
 * (JSON numbers); analytics as Java's shortest round-trip {@code double} text; non-finite values
 * (an undefined ratio) as JSON {@code null} and as an empty CSV cell. Times are UTC epoch ms.
 *
 * <p>JSON is produced by a small hand-written writer (no Jackson in the backtest module: the design
 * keeps Jackson inside {@code exchange-binance}).
 *
 * <p>Immutable and thread-safe (a static utility).
 */
public final class ResultWriter {

  /** The disclaimer every output carries. */
  public static final String DISCLAIMER =
      "Historical simulation on past data: not a forecast, not advice and not a promise of profit.";

  private ResultWriter() {}

  /**
   * The result as a JSON document.
   *
   * @param r the result
   * @return the JSON text
   */
  public static String toJson(BacktestResult r) {
    Objects.requireNonNull(r, "result must not be null");
    return toJson(r, SleeveAttribution.ofDefault(r));
  }

  /**
   * The result and an attribution as a JSON document. The {@code attribution} field holds the
   * Carino-linked totals ({@code portfolioReturn}, {@code benchmarkReturn}, {@code activeReturn},
   * {@code bySleeve}, {@code byRegime}) and, under {@code periods}, per period its end time,
   * portfolio, benchmark and unattributed return and, per sleeve, weights, returns and effects as
   * parallel arrays.
   *
   * @param r the result
   * @param attribution the attribution to include, or empty for {@code null}
   * @return the JSON text
   */
  public static String toJson(BacktestResult r, Optional<SleeveAttribution> attribution) {
    Objects.requireNonNull(r, "result must not be null");
    Objects.requireNonNull(attribution, "attribution must not be null (use Optional.empty())");
    Json j = new Json().beginObject();
    j.field("name", r.name());
    j.field("disclaimer", DISCLAIMER);
    j.field("valuationAsset", r.initialEquity().asset().toString());
    j.name("initialEquity").raw(r.initialEquity().amount().toPlainString());
    j.name("finalEquity").raw(r.finalEquity().amount().toPlainString());
    j.name("pnl").raw(r.pnl().amount().toPlainString());
    j.field("totalReturn", r.totalReturn());
    j.field("periodsPerYear", r.periodsPerYear());
    j.field("ordersSubmitted", r.ordersSubmitted());
    j.field("ordersDenied", r.ordersDenied());
    CostSummary c = r.costs();
    j.name("costs").beginObject();
    j.name("makerFees").raw(c.makerFees().amount().toPlainString());
    j.name("takerFees").raw(c.takerFees().amount().toPlainString());
    j.name("totalFees").raw(c.totalFees().amount().toPlainString());
    j.name("funding").raw(c.funding().amount().toPlainString());
    j.name("slippage").raw(c.slippage().amount().toPlainString());
    j.endObject();
    j.name("metrics");
    if (r.metrics().isPresent()) {
      metrics(j, r.metrics().get());
    } else {
      j.value((String) null);
    }
    j.name("byStrategy");
    contributions(j, r.byStrategy());
    j.name("byRegime");
    contributions(j, r.byRegime());
    EquityCurve e = r.equity();
    j.name("equityCurve").beginObject();
    j.name("time").beginArray();
    for (long t : e.times()) {
      j.value(t);
    }
    j.endArray();
    array(j, "equity", e.equity());
    array(j, "drawdown", e.drawdown());
    array(j, "grossExposure", e.grossExposure());
    array(j, "netExposure", e.netExposure());
    j.endObject();
    j.name("strategySeries").beginArray();
    for (StrategySeries s : r.strategySeries()) {
      j.beginObject().field("strategy", s.strategy());
      array(j, "pnl", s.pnl());
      array(j, "netExposure", s.netExposure());
      j.endObject();
    }
    j.endArray();
    j.name("fills").beginArray();
    for (FillRecord f : r.fills()) {
      j.beginObject();
      j.field("time", f.time());
      j.field("strategy", f.strategy());
      j.field("clientOrderId", f.clientOrderId());
      j.field("symbol", f.symbol().value());
      j.field("side", f.side().name());
      j.name("price").raw(f.price().toPlainString());
      j.name("quantity").raw(f.quantity().toPlainString());
      j.name("fee").raw(f.fee().amount().toPlainString());
      j.field("feeAsset", f.fee().asset().toString());
      j.field("liquidity", f.liquidity().name());
      j.name("decisionPrice");
      if (f.decisionPrice().isPresent()) {
        j.raw(f.decisionPrice().get().toPlainString());
      } else {
        j.value((String) null);
      }
      j.name("slippage").raw(f.slippage().amount().toPlainString());
      j.name("liquidation").value(f.liquidation());
      j.endObject();
    }
    j.endArray();
    j.name("funding").beginArray();
    for (FundingRecord f : r.funding()) {
      j.beginObject();
      j.field("fundingTime", f.fundingTime());
      j.field("symbol", f.symbol().value());
      j.name("rate").raw(f.rate().toPlainString());
      j.name("markPrice").raw(f.markPrice().toPlainString());
      j.name("amount").raw(f.amount().amount().toPlainString());
      j.endObject();
    }
    j.endArray();
    j.name("regimes");
    if (r.regimes().isPresent()) {
      RegimeSeries rs = r.regimes().get();
      j.beginObject().name("time").beginArray();
      for (long t : rs.times()) {
        j.value(t);
      }
      j.endArray().name("label").beginArray();
      for (String l : rs.labels()) {
        j.value(l);
      }
      j.endArray().endObject();
    } else {
      j.value((String) null);
    }
    j.name("attribution");
    if (attribution.isPresent()) {
      attribution(j, attribution.get());
    } else {
      j.value((String) null);
    }
    j.endObject();
    return j.toString();
  }

  private static void attribution(Json j, SleeveAttribution a) {
    LinkedAttribution<String> linked = a.bySleeve();
    j.beginObject();
    j.field("method", "Brinson-Fachler per period, Carino logarithmic linking");
    j.field("portfolioReturn", linked.portfolioReturn());
    j.field("benchmarkReturn", linked.benchmarkReturn());
    j.field("activeReturn", linked.activeReturn());
    j.field("allocation", linked.allocation());
    j.field("selection", linked.selection());
    j.field("interaction", linked.interaction());
    j.name("bySleeve");
    effects(j, linked.segments());
    j.name("byRegime");
    if (a.byRegime().isPresent()) {
      effects(j, a.byRegime().get().segments());
    } else {
      j.value((String) null);
    }
    j.name("periods").beginObject();
    j.name("end").beginArray();
    for (long t : a.periodEnds()) {
      j.value(t);
    }
    j.endArray();
    List<PeriodAttribution<String>> periods = a.periods();
    int n = periods.size();
    double[] rp = new double[n];
    double[] rb = new double[n];
    for (int t = 0; t < n; t++) {
      rp[t] = periods.get(t).portfolioReturn();
      rb[t] = periods.get(t).benchmarkReturn();
    }
    array(j, "portfolioReturn", rp);
    array(j, "benchmarkReturn", rb);
    array(j, "unattributed", a.unattributed());
    j.name("sleeves").beginArray();
    List<Map<String, SegmentReturns>> inputs = a.inputs();
    for (String s : a.sleeves()) {
      double[][] cols = new double[7][n];
      for (int t = 0; t < n; t++) {
        SegmentReturns in = inputs.get(t).get(s);
        SegmentEffects e = periods.get(t).segments().get(s);
        cols[0][t] = in.portfolioWeight();
        cols[1][t] = in.benchmarkWeight();
        cols[2][t] = in.portfolioReturn();
        cols[3][t] = in.benchmarkReturn();
        cols[4][t] = e.allocation();
        cols[5][t] = e.selection();
        cols[6][t] = e.interaction();
      }
      j.beginObject().field("sleeve", s);
      array(j, "portfolioWeight", cols[0]);
      array(j, "benchmarkWeight", cols[1]);
      array(j, "portfolioReturn", cols[2]);
      array(j, "benchmarkReturn", cols[3]);
      array(j, "allocation", cols[4]);
      array(j, "selection", cols[5]);
      array(j, "interaction", cols[6]);
      j.endObject();
    }
    j.endArray();
    j.endObject();
    j.endObject();
  }

  private static void effects(Json j, Map<String, SegmentEffects> segments) {
    j.beginArray();
    for (Map.Entry<String, SegmentEffects> e : segments.entrySet()) {
      j.beginObject();
      j.field("key", e.getKey());
      j.field("allocation", e.getValue().allocation());
      j.field("selection", e.getValue().selection());
      j.field("interaction", e.getValue().interaction());
      j.field("total", e.getValue().total());
      j.endObject();
    }
    j.endArray();
  }

  private static void metrics(Json j, PerformanceSummary m) {
    j.beginObject();
    j.field("returnCount", m.returnCount());
    j.field("periodsPerYear", m.periodsPerYear());
    j.field("rfPerPeriod", m.rfPerPeriod());
    j.field("mar", m.mar());
    j.field("meanReturn", m.meanReturn());
    j.field("sdReturn", m.sdReturn());
    j.field("annualVolatility", m.annualVolatility());
    j.field("sharpePerPeriod", m.sharpePerPeriod());
    j.field("sharpeAnnualised", m.sharpeAnnualised());
    j.field("downsideDeviation", m.downsideDeviation());
    j.field("sortinoPerPeriod", m.sortinoPerPeriod());
    j.field("sortinoAnnualised", m.sortinoAnnualised());
    j.field("downsideDeviationNegativeOnly", m.downsideDeviationNegativeOnly());
    j.field("sortinoAnnualisedNegativeOnly", m.sortinoAnnualisedNegativeOnly());
    j.field("maxDrawdown", m.maxDrawdown());
    j.field("totalReturn", m.totalReturn());
    j.field("cagr", m.cagr());
    j.field("calmar", m.calmar());
    j.field("arithmeticAnnualReturn", m.arithmeticAnnualReturn());
    j.field("calmarArithmetic", m.calmarArithmetic());
    j.field("omega", m.omega());
    j.field("winRate", m.winRate());
    j.field("profitFactor", m.profitFactor());
    j.endObject();
  }

  private static void contributions(Json j, List<Contribution> list) {
    j.beginArray();
    for (Contribution c : list) {
      j.beginObject();
      j.field("key", c.key());
      j.field("pnl", c.pnl());
      j.field("fees", c.fees());
      j.field("funding", c.funding());
      j.field("slippage", c.slippage());
      j.field("fills", c.fills());
      j.field("periods", c.periods());
      j.endObject();
    }
    j.endArray();
  }

  private static void array(Json j, String name, double[] values) {
    j.name(name).beginArray();
    for (double v : values) {
      j.value(v);
    }
    j.endArray();
  }

  /**
   * The equity curve as CSV: {@code time,equity,drawdown,gross_exposure,net_exposure}.
   *
   * @param r the result
   * @return the CSV text, with a header line, LF line ends
   */
  public static String equityCsv(BacktestResult r) {
    EquityCurve e = r.equity();
    long[] t = e.times();
    double[] eq = e.equity();
    double[] dd = e.drawdown();
    double[] g = e.grossExposure();
    double[] n = e.netExposure();
    StringBuilder sb = new StringBuilder("time,equity,drawdown,gross_exposure,net_exposure\n");
    for (int i = 0; i < t.length; i++) {
      sb.append(t[i])
          .append(',')
          .append(cell(eq[i]))
          .append(',')
          .append(cell(dd[i]))
          .append(',')
          .append(cell(g[i]))
          .append(',')
          .append(cell(n[i]))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * The fills as CSV: {@code
   * time,strategy,client_order_id,symbol,side,price,quantity,fee,fee_asset,liquidity,decision_price,slippage,liquidation}.
   *
   * @param r the result
   * @return the CSV text, with a header line, LF line ends
   */
  public static String fillsCsv(BacktestResult r) {
    StringBuilder sb =
        new StringBuilder(
            "time,strategy,client_order_id,symbol,side,price,quantity,fee,fee_asset,liquidity,"
                + "decision_price,slippage,liquidation\n");
    for (FillRecord f : r.fills()) {
      sb.append(f.time())
          .append(',')
          .append(csvText(f.strategy()))
          .append(',')
          .append(csvText(f.clientOrderId()))
          .append(',')
          .append(csvText(f.symbol().value()))
          .append(',')
          .append(f.side().name())
          .append(',')
          .append(f.price().toPlainString())
          .append(',')
          .append(f.quantity().toPlainString())
          .append(',')
          .append(f.fee().amount().toPlainString())
          .append(',')
          .append(csvText(f.fee().asset().toString()))
          .append(',')
          .append(f.liquidity().name())
          .append(',')
          .append(f.decisionPrice().map(p -> p.toPlainString()).orElse(""))
          .append(',')
          .append(f.slippage().amount().toPlainString())
          .append(',')
          .append(f.liquidation())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * The funding settlements as CSV: {@code funding_time,symbol,rate,mark_price,amount}.
   *
   * @param r the result
   * @return the CSV text, with a header line, LF line ends
   */
  public static String fundingCsv(BacktestResult r) {
    StringBuilder sb = new StringBuilder("funding_time,symbol,rate,mark_price,amount\n");
    for (FundingRecord f : r.funding()) {
      sb.append(f.fundingTime())
          .append(',')
          .append(csvText(f.symbol().value()))
          .append(',')
          .append(f.rate().toPlainString())
          .append(',')
          .append(f.markPrice().toPlainString())
          .append(',')
          .append(f.amount().amount().toPlainString())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * The per-period attribution as CSV, one row per period and sleeve: {@code
   * period_end,sleeve,portfolio_weight,benchmark_weight,portfolio_return,benchmark_return,allocation,selection,interaction}.
   *
   * @param a the attribution, or empty for the header only
   * @return the CSV text, with a header line, LF line ends
   */
  public static String attributionCsv(Optional<SleeveAttribution> a) {
    StringBuilder sb =
        new StringBuilder(
            "period_end,sleeve,portfolio_weight,benchmark_weight,portfolio_return,"
                + "benchmark_return,allocation,selection,interaction\n");
    if (a.isEmpty()) {
      return sb.toString();
    }
    long[] ends = a.get().periodEnds();
    List<Map<String, SegmentReturns>> inputs = a.get().inputs();
    List<PeriodAttribution<String>> periods = a.get().periods();
    for (int t = 0; t < ends.length; t++) {
      for (Map.Entry<String, SegmentReturns> x : inputs.get(t).entrySet()) {
        SegmentReturns in = x.getValue();
        SegmentEffects e = periods.get(t).segments().get(x.getKey());
        sb.append(ends[t])
            .append(',')
            .append(csvText(x.getKey()))
            .append(',')
            .append(cell(in.portfolioWeight()))
            .append(',')
            .append(cell(in.benchmarkWeight()))
            .append(',')
            .append(cell(in.portfolioReturn()))
            .append(',')
            .append(cell(in.benchmarkReturn()))
            .append(',')
            .append(cell(e.allocation()))
            .append(',')
            .append(cell(e.selection()))
            .append(',')
            .append(cell(e.interaction()))
            .append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The Carino-linked attribution totals as CSV: {@code
   * scope,key,allocation,selection,interaction,total}, with scope {@code sleeve} (one row per
   * sleeve), {@code regime} (one row per regime label, if any) and {@code total} (key {@code
   * active}, whose total is the compounded active return).
   *
   * @param a the attribution, or empty for the header only
   * @return the CSV text, with a header line, LF line ends
   */
  public static String attributionLinkedCsv(Optional<SleeveAttribution> a) {
    StringBuilder sb = new StringBuilder("scope,key,allocation,selection,interaction,total\n");
    if (a.isEmpty()) {
      return sb.toString();
    }
    LinkedAttribution<String> s = a.get().bySleeve();
    linkedRows(sb, "sleeve", s.segments());
    if (a.get().byRegime().isPresent()) {
      linkedRows(sb, "regime", a.get().byRegime().get().segments());
    }
    linkedRows(
        sb,
        "total",
        Map.of("active", new SegmentEffects(s.allocation(), s.selection(), s.interaction())));
    return sb.toString();
  }

  private static void linkedRows(StringBuilder sb, String scope, Map<String, SegmentEffects> m) {
    for (Map.Entry<String, SegmentEffects> e : m.entrySet()) {
      sb.append(scope)
          .append(',')
          .append(csvText(e.getKey()))
          .append(',')
          .append(cell(e.getValue().allocation()))
          .append(',')
          .append(cell(e.getValue().selection()))
          .append(',')
          .append(cell(e.getValue().interaction()))
          .append(',')
          .append(cell(e.getValue().total()))
          .append('\n');
    }
  }

  /**
   * Writes {@code result.json}, {@code equity.csv}, {@code fills.csv}, {@code funding.csv}, {@code
   * attribution.csv} and {@code attribution_linked.csv} into a directory (created if missing),
   * UTF-8, with the default attribution ({@link SleeveAttribution#ofDefault}).
   *
   * @param r the result
   * @param directory the directory
   * @throws IOException if a file cannot be written
   */
  public static void writeAll(BacktestResult r, Path directory) throws IOException {
    writeAll(r, directory, SleeveAttribution.ofDefault(r));
  }

  /**
   * Writes the same files as {@link #writeAll(BacktestResult, Path)} with a given attribution.
   *
   * @param r the result
   * @param directory the directory
   * @param attribution the attribution, or empty for none
   * @throws IOException if a file cannot be written
   */
  public static void writeAll(
      BacktestResult r, Path directory, Optional<SleeveAttribution> attribution)
      throws IOException {
    Objects.requireNonNull(attribution, "attribution must not be null (use Optional.empty())");
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("attribution.csv"), attributionCsv(attribution), StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve("attribution_linked.csv"),
        attributionLinkedCsv(attribution),
        StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve("result.json"), toJson(r, attribution), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("equity.csv"), equityCsv(r), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("fills.csv"), fillsCsv(r), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("funding.csv"), fundingCsv(r), StandardCharsets.UTF_8);
  }

  private static String cell(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  /** RFC 4180 quoting for text cells that contain a comma, quote or line break. */
  static String csvText(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}

package dev.tyche.examples;

import dev.tyche.backtest.feed.EventFeed;
import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.overfit.Cscv;
import dev.tyche.backtest.overfit.CscvResult;
import dev.tyche.backtest.overfit.DeflatedSharpe;
import dev.tyche.backtest.report.HtmlReport;
import dev.tyche.backtest.report.ReportOptions;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.backtest.result.ResultWriter;
import dev.tyche.backtest.runner.BacktestConfig;
import dev.tyche.backtest.runner.BacktestRunner;
import dev.tyche.backtest.sweep.Dimension;
import dev.tyche.backtest.sweep.ParallelSweep;
import dev.tyche.backtest.sweep.ParameterSearch;
import dev.tyche.backtest.sweep.ParameterSet;
import dev.tyche.backtest.sweep.ParameterSpace;
import dev.tyche.backtest.sweep.SweepCancellation;
import dev.tyche.backtest.sweep.SweepResult;
import dev.tyche.backtest.sweep.TaskOutcome;
import dev.tyche.backtest.walkforward.Objective;
import dev.tyche.backtest.walkforward.PeriodReturns;
import dev.tyche.backtest.walkforward.WalkForward;
import dev.tyche.backtest.walkforward.WalkForwardResult;
import dev.tyche.backtest.walkforward.WindowResult;
import dev.tyche.backtest.walkforward.WindowSpec;
import dev.tyche.core.data.BarSeries;
import dev.tyche.core.data.DataQualityReport;
import dev.tyche.core.data.DataValidator;
import dev.tyche.core.data.FundingRateCsvReader;
import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.stats.PerformanceMetrics;
import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.SystemClock;
import dev.tyche.examples.flagship.DailyBars;
import dev.tyche.examples.flagship.FlagshipStrategy;
import dev.tyche.examples.flagship.FlagshipStrategy.Params;
import dev.tyche.examples.flagship.RegimeTable;
import dev.tyche.execution.sim.FeeSchedule;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.execution.sim.SlippageModel;
import dev.tyche.risk.pretrade.MaxGrossLeverageRule;
import dev.tyche.strategy.allocation.MarketRegime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flagship example: a walk-forward backtest of a regime-switching, multi-signal strategy on the
 * bundled real Binance BTCUSDT and ETHUSDT perpetual hourly bars and funding rates, through the
 * whole library (see {@link FlagshipStrategy} for the decision and execution chain).
 *
 * <ol>
 *   <li>Load and validate the bundled data; aggregate daily bars; run the regime detector.
 *   <li>Run one full backtest per candidate of a small grid (trend EMA periods x Kelly fraction) in
 *       parallel, with a console progress bar; each gives a daily return series.
 *   <li>Walk forward (rolling 365-day training, 91-day test): pick the best in-sample candidate by
 *       per-day Sharpe, stitch the test windows' returns.
 *   <li>Replay the walk-forward decisions as one continuous out-of-sample backtest (parameters
 *       switch at each test window's start, positions carry over), which gives the fills, fees,
 *       funding and slippage, the HTML report and the JSON/CSV results.
 *   <li>Deflated Sharpe ratio and the probability of backtest overfitting (CSCV) of the search.
 * </ol>
 *
 * <p>It reports whatever comes out. Nothing here is a forecast or a claim of profit.
 */
public final class FlagshipExample {

  static final Symbol BTC = Symbol.of("BTCUSDT");
  static final Symbol ETH = Symbol.of("ETHUSDT");
  static final long DAY = 86_400_000L;
  static final String DISCLAIMER =
      "DISCLAIMER: a description of past data under stated assumptions; not a forecast, not advice,"
          + " no claim of profit.";

  /**
   * What to run.
   *
   * @param from first hour included, UTC ms (a day start)
   * @param to first hour excluded, UTC ms (a day start)
   * @param trainDays walk-forward training days
   * @param testDays walk-forward test days
   * @param space the parameter grid
   * @param threads sweep threads
   * @param outputDir where the report and results go
   * @param progress whether to draw the progress bar
   */
  record Config(
      long from,
      long to,
      int trainDays,
      int testDays,
      ParameterSpace space,
      int threads,
      Path outputDir,
      boolean progress) {

    static Config defaults() {
      return new Config(
          Instant.parse("2019-11-28T00:00:00Z").toEpochMilli(),
          // The bundled funding history ends with the 2023-06-22 08:00 settlement.
          Instant.parse("2023-06-22T00:00:00Z").toEpochMilli(),
          365,
          91,
          ParameterSpace.of(
              Dimension.of("trendFast", 10, 20),
              Dimension.of("trendSlow", 50, 100),
              Dimension.of("kelly", 0.25, 0.5)),
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          Path.of("target", "tyche-flagship"),
          true);
    }
  }

  /**
   * What a run produced.
   *
   * @param summary the printed summary, without timings and paths (for determinism checks)
   * @param walkForward the walk-forward result
   * @param replay the continuous out-of-sample backtest
   * @param report the HTML report
   */
  record Outcome(
      String summary, WalkForwardResult walkForward, BacktestResult replay, Path report) {}

  private FlagshipExample() {}

  /**
   * Runs the example with the default configuration.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long start = SystemClock.INSTANCE.currentTimeMillis();
    try {
      run(Config.defaults(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled data or write the report", e);
    }
    out.printf(
        Locale.ROOT,
        "wall time %.1f s%n",
        (SystemClock.INSTANCE.currentTimeMillis() - start) / 1000.0);
    out.flush();
  }

  static Outcome run(Config c, PrintStream console) throws IOException {
    StringBuilder text = new StringBuilder();
    Printer out = new Printer(console, text);
    out.line("Tyche flagship: walk-forward backtest on real Binance USDT-M perpetuals");
    out.line(
        "BTCUSDT and ETHUSDT 1h bars and funding rates (bundled public data, see data/README.md)");
    out.line("");

    // ---------------------------------------------------------------- data
    Map<Symbol, List<Bar>> hourly = new LinkedHashMap<>();
    Map<Symbol, List<FundingRate>> funding = new LinkedHashMap<>();
    out.line("Data quality (DataValidator, whole files)");
    for (Symbol s : List.of(BTC, ETH)) {
      String bars = "binance-futures-um-" + s.value() + "-1h.csv.gz";
      String rates = "binance-futures-um-" + s.value() + "-fundingRate.csv.gz";
      BarSeries series;
      try (InputStream in = resource(bars)) {
        series = KlineCsvReader.readSeries(in, bars, KlineCsvOptions.of(s, "1h"));
      }
      DataQualityReport q = DataValidator.defaults().validate(series);
      out.line(indent(q.toText(2)));
      List<Bar> all;
      try (InputStream in = resource(bars)) {
        all = KlineCsvReader.readBars(in, bars, KlineCsvOptions.of(s, "1h"));
      }
      hourly.put(s, HistoricalFeeds.window(all, c.from(), c.to()));
      try (InputStream in = resource(rates)) {
        funding.put(
            s, HistoricalFeeds.window(FundingRateCsvReader.read(in, rates, s), c.from(), c.to()));
      }
    }
    out.printf(
        "Backtest span %s .. %s (UTC): %d + %d hourly bars, %d + %d funding settlements%n",
        date(c.from()),
        date(c.to()),
        hourly.get(BTC).size(),
        hourly.get(ETH).size(),
        funding.get(BTC).size(),
        funding.get(ETH).size());

    Map<Symbol, List<Bar>> daily = new LinkedHashMap<>();
    Map<Symbol, RegimeTable.Regimes> regimes = new LinkedHashMap<>();
    for (Symbol s : hourly.keySet()) {
      daily.put(s, DailyBars.of(hourly.get(s)));
      regimes.put(s, RegimeTable.of(daily.get(s)));
    }
    out.line("");
    out.line(
        "Regime detector (4-state HMM on trend and GARCH volatility, daily, causal): days per regime");
    out.printf("  %-18s %8s %8s%n", "regime", "BTCUSDT", "ETHUSDT");
    for (MarketRegime r : MarketRegime.values()) {
      out.printf(
          "  %-18s %8d %8d%n",
          r, regimes.get(BTC).counts()[r.ordinal()], regimes.get(ETH).counts()[r.ordinal()]);
    }

    // ---------------------------------------------------------------- candidates
    List<ParameterSet> grid = c.space().grid();
    List<Params> candidates = new ArrayList<>();
    for (ParameterSet p : grid) {
      candidates.add(params(p));
    }
    Market market = new Market(hourly, funding, daily, regimes, candidates);
    out.line("");
    out.printf(
        "Sweep: %d candidates (%s), one full backtest each, %d threads%n",
        grid.size(),
        c.space().dimensions().stream().map(d -> d.name() + " " + d.values()).toList(),
        c.threads());
    ParallelSweep sweep = new ParallelSweep(c.threads(), SystemClock.INSTANCE);
    ProgressBar bar = new ProgressBar(console, c.progress());
    SweepResult<Params, BacktestResult> runs =
        sweep.run(
            candidates,
            p ->
                market.run(
                    "candidate " + p,
                    FlagshipStrategy.Schedule.constant(p),
                    c.from(),
                    c.to(),
                    Long.MIN_VALUE),
            bar,
            new SweepCancellation());
    bar.finish();
    long[] dayStarts = dayStarts(c.from(), c.to());
    double[][] matrix = new double[dayStarts.length][grid.size()];
    for (TaskOutcome<Params, BacktestResult> o : runs.outcomes()) {
      if (o.status() != TaskOutcome.Status.SUCCEEDED) {
        throw new IllegalStateException(
            "candidate " + o.input() + " failed", o.error().orElse(null));
      }

      double[] r = dailyReturns(o.value().orElseThrow(), dayStarts);
      for (int t = 0; t < r.length; t++) {
        matrix[t][o.index()] = r[t];
      }
    }

    // ---------------------------------------------------------------- walk-forward
    Map<ParameterSet, Integer> column = new LinkedHashMap<>();
    for (int i = 0; i < grid.size(); i++) {
      column.put(grid.get(i), i);
    }
    WalkForward wf =
        new WalkForward(
            WindowSpec.rolling(c.trainDays(), c.testDays()),
            c.space(),
            ParameterSearch.grid(),
            Objective.sharpe());
    // Each candidate's run is causal (the library's no-look-ahead guarantee), so its return on
    // day t depends on data up to day t only; slicing it is a valid Evaluator.
    WalkForwardResult result =
        wf.run(
            dayStarts,
            (p, from, to) -> {
              int j = column.get(p);
              double[] r = new double[to - from];
              for (int t = from; t < to; t++) {
                r[t - from] = matrix[t][j];
              }
              return PeriodReturns.of(r);
            });
    double ann = Math.sqrt(365.0);
    out.line("");
    out.line(
        "Walk-forward (rolling "
            + c.trainDays()
            + "-day training, "
            + c.testDays()
            + "-day test; objective: per-day Sharpe, annualised x sqrt(365) below)");
    out.printf(
        "  %-3s %-23s %-28s %9s %9s %9s%n",
        "#", "test window (UTC)", "chosen (in-sample)", "IS Sharpe", "OOS ret", "OOS Shrp");
    long[] starts = new long[result.windows().size()];
    List<Params> chosen = new ArrayList<>();
    for (WindowResult w : result.windows()) {
      int k = w.window().index();
      long a = dayStarts[w.window().test().from()];
      long b = dayStarts[w.window().test().to() - 1] + DAY;
      starts[k] = a;
      Params p = params(w.chosen());
      chosen.add(p);
      out.printf(
          "  %-3d %-23s %-28s %9.2f %+8.2f%% %9.2f%n",
          k,
          date(a) + ".." + date(b),
          "EMA " + p.trendFast() + "/" + p.trendSlow() + " Kelly x" + p.kellyFraction(),
          w.inSampleScore() * ann,
          100 * compound(w.testReturns().returns()),
          w.outOfSampleScore() * ann);
    }
    double[] oos = result.oosReturns();
    PerformanceSummary stitched = summary(oos);
    out.line("");
    out.line(
        "Stitched out-of-sample (walk-forward returns of the chosen candidates, "
            + oos.length
            + " days)");
    printMetrics(out, stitched);

    // ---------------------------------------------------------------- OOS replay
    long replayFrom = starts[0];
    long replayTo =
        dayStarts[result.windows().get(result.windows().size() - 1).window().test().to() - 1] + DAY;
    FlagshipStrategy.Schedule schedule = new FlagshipStrategy.Schedule(starts, chosen);
    BacktestResult replay =
        market.run("Tyche flagship OOS replay", schedule, replayFrom, replayTo, replayFrom);
    out.line("");
    out.printf(
        "Continuous OOS replay %s .. %s: one backtest, parameters switched at each window start%n",
        date(replayFrom), date(replayTo));
    out.printf(
        "  initial equity %s, final equity %s, total return %+.2f %%%n",
        replay.initialEquity(),
        replay.finalEquity().round(2, java.math.RoundingMode.HALF_EVEN),
        100 * replay.totalReturn());
    double[] replayDaily = dailyReturns(replay, dayStarts(replayFrom, replayTo));
    printMetrics(out, summary(replayDaily));
    out.printf(
        "  fills %d, orders submitted %d, denied by the risk gate %d%n",
        replay.fills().size(), replay.ordersSubmitted(), replay.ordersDenied());
    out.printf(
        "  costs (USDT): maker fees %s, taker fees %s, funding %s (negative = paid), slippage %s%n",
        money(replay.costs().makerFees()),
        money(replay.costs().takerFees()),
        money(replay.costs().funding()),
        money(replay.costs().slippage()));
    out.printf(
        "  buy-and-hold over the same span: BTCUSDT %+.2f %%, ETHUSDT %+.2f %% (no costs)%n",
        100 * buyAndHold(hourly.get(BTC), replayFrom, replayTo),
        100 * buyAndHold(hourly.get(ETH), replayFrom, replayTo));

    // ---------------------------------------------------------------- overfitting
    int firstTest = result.windows().get(0).window().test().from();
    int lastTest = result.windows().get(result.windows().size() - 1).window().test().to();
    double[][] span = new double[lastTest - firstTest][];
    for (int t = firstTest; t < lastTest; t++) {
      span[t - firstTest] = matrix[t];
    }
    double[] trialSharpes = new double[grid.size()];
    for (int j = 0; j < grid.size(); j++) {
      double[] col = new double[span.length];
      for (int t = 0; t < span.length; t++) {
        col[t] = span[t][j];
      }
      trialSharpes[j] = Objective.sharpe().score(col);
      if (!Double.isFinite(trialSharpes[j])) {
        trialSharpes[j] = 0.0;
      }
    }
    StringBuilder trials =
        new StringBuilder("  per-candidate Sharpe over the test days (annualised):");
    for (int j = 0; j < grid.size(); j++) {
      Params p = candidates.get(j);
      trials.append(
          String.format(
              Locale.ROOT,
              " %d/%d x%s %.2f;",
              p.trendFast(),
              p.trendSlow(),
              p.kellyFraction(),
              trialSharpes[j] * ann));
    }
    DeflatedSharpe.Deflation dsr = DeflatedSharpe.of(oos, trialSharpes);
    int partitions = Math.min(8, 2 * (span.length / 4 / 2));
    CscvResult cscv = Cscv.run(span, Math.max(2, partitions));
    out.line("");
    out.line("Selection bias (" + grid.size() + " trials over the " + span.length + " test days)");
    out.printf(
        "  stitched OOS Sharpe %.3f per day; expected max Sharpe of %d zero-skill trials %.3f%n",
        dsr.sharpe(), dsr.trials(), dsr.expectedMaximumSharpe());
    out.printf(
        "  probabilistic Sharpe (vs 0) %.3f, deflated Sharpe ratio %.3f%n",
        dsr.probabilisticSharpeRatio(), dsr.deflatedSharpeRatio());
    out.line(trials.toString());
    out.printf(
        "  CSCV with S = %d: PBO %.3f, probability of OOS loss %.3f, degradation slope %.3f%n",
        cscv.partitions(), cscv.pbo(), cscv.probabilityOfLoss(), cscv.degradationSlope());

    // ---------------------------------------------------------------- outputs
    Path dir = c.outputDir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path report = dir.resolve("report.html");
    HtmlReport.write(
        replay,
        ReportOptions.titled("Tyche flagship: walk-forward OOS replay, BTCUSDT + ETHUSDT 1h"),
        report);
    ResultWriter.writeAll(replay, dir);
    Files.writeString(
        dir.resolve("walkforward.csv"), walkForwardCsv(result, dayStarts), StandardCharsets.UTF_8);
    out.line("");
    out.line(
        "Assumptions: Binance VIP0 fees; market children fill at the next hourly open plus 1 bp");
    out.line("and square-root impact (SlippageModel 1 bp, 10); real funding at each settlement;");
    out.line(
        "no funding-carry sleeve (no spot data bundled); regime table computed once (causal).");
    out.line(DISCLAIMER);
    console.println("report  " + report);
    console.println(
        "results "
            + dir.resolve("result.json")
            + ", equity.csv, fills.csv, funding.csv, walkforward.csv");
    return new Outcome(text.toString(), result, replay, report);
  }

  // ------------------------------------------------------------------ backtest wiring

  /** Everything shared by the runs; read-only, so runs may execute in parallel. */
  private record Market(
      Map<Symbol, List<Bar>> hourly,
      Map<Symbol, List<FundingRate>> funding,
      Map<Symbol, List<Bar>> daily,
      Map<Symbol, RegimeTable.Regimes> regimes,
      List<Params> candidates) {

    BacktestResult run(
        String name, FlagshipStrategy.Schedule schedule, long from, long to, long warmUpUntil) {
      List<Instrument> instruments = List.of(perp(BTC, "BTC"), perp(ETH, "ETH"));
      SimulatedVenueConfig venue =
          SimulatedVenueConfig.of(
                  new FillModel.Bars(
                      FillModel.BarFillPrice.NEXT_OPEN, new SlippageModel(1.0, 10.0)))
              .withFees(FeeSchedule.BINANCE_VIP0)
              .withSeed(7);
      StrategyId id = StrategyId.of("flagship");
      BacktestConfig config =
          new BacktestConfig(
              name,
              instruments,
              Money.of(Asset.USDT, Decimal.parse("100000")),
              venue,
              List.of(new MaxGrossLeverageRule(3.0)),
              Map.of(
                  id,
                  () ->
                      new FlagshipStrategy(
                          instruments, daily, regimes, schedule, candidates, warmUpUntil)),
              24 * 365.0,
              0L,
              java.util.Optional.of(regimeSeries(regimes.get(BTC), from, to)));
      List<EventFeed> feeds = new ArrayList<>();
      for (Symbol s : hourly.keySet()) {
        feeds.add(
            HistoricalFeeds.bars(
                s.value() + "-1h", HistoricalFeeds.window(hourly.get(s), from, to)));
      }
      for (Symbol s : funding.keySet()) {
        feeds.add(
            HistoricalFeeds.fundingRates(
                s.value() + "-funding", HistoricalFeeds.window(funding.get(s), from, to)));
      }
      return BacktestRunner.run(config, feeds);
    }
  }

  private static Instrument perp(Symbol s, String base) {
    return Instrument.builder(s)
        .assets(Asset.of(base), Asset.USDT)
        .tickSize("0.01")
        .stepSize("0.001")
        .build();
  }

  /** BTCUSDT's regime changes within [from, to), for the report's shading. */
  private static RegimeSeries regimeSeries(RegimeTable.Regimes r, long from, long to) {
    List<Long> times = new ArrayList<>();
    List<MarketRegime> labels = new ArrayList<>();
    times.add(from);
    labels.add(r.at(from));
    long[] t = r.closeTimes();
    for (int i = 0; i < t.length; i++) {
      if (t[i] > from && t[i] < to && r.regimes().get(i) != labels.get(labels.size() - 1)) {
        times.add(t[i]);
        labels.add(r.regimes().get(i));
      }
    }
    return RegimeSeries.ofRegimes(times.stream().mapToLong(Long::longValue).toArray(), labels);
  }

  // ------------------------------------------------------------------ numbers

  static Params params(ParameterSet p) {
    return new Params(p.getInt("trendFast"), p.getInt("trendSlow"), p.get("kelly"));
  }

  static long[] dayStarts(long from, long to) {
    int n = (int) ((to - from) / DAY);
    long[] d = new long[n];
    for (int i = 0; i < n; i++) {
      d[i] = from + i * DAY;
    }
    return d;
  }

  /**
   * Daily simple returns of a run's equity: the equity at each day's end is the last sample at or
   * before it (the initial deposit before the first sample).
   */
  static double[] dailyReturns(BacktestResult r, long[] dayStarts) {
    long[] t = r.equity().times();
    double[] e = r.equity().equity();
    double[] out = new double[dayStarts.length];
    double previous = r.initialEquity().amount().toDouble();
    int k = -1;
    for (int d = 0; d < dayStarts.length; d++) {
      long end = dayStarts[d] + DAY - 1;
      while (k + 1 < t.length && t[k + 1] <= end) {
        k++;
      }
      double now = k >= 0 ? e[k] : previous;
      out[d] = now / previous - 1.0;
      previous = now;
    }
    return out;
  }

  static PerformanceSummary summary(double[] dailyReturns) {
    double[] eq = new double[dailyReturns.length + 1];
    eq[0] = 1.0;
    for (int i = 0; i < dailyReturns.length; i++) {
      eq[i + 1] = eq[i] * (1 + dailyReturns[i]);
    }
    return PerformanceMetrics.summarize(eq, 365.0, 0.0, 0.0);
  }

  private static double compound(double[] r) {
    double g = 1;
    for (double x : r) {
      g *= 1 + x;
    }
    return g - 1;
  }

  private static double buyAndHold(List<Bar> bars, long from, long to) {
    Bar first = null;
    Bar last = null;
    for (Bar b : bars) {
      if (b.openTime() >= from && b.openTime() < to) {
        if (first == null) {
          first = b;
        }
        last = b;
      }
    }
    return first == null ? 0.0 : last.close().toDouble() / first.open().toDouble() - 1.0;
  }

  private static void printMetrics(Printer out, PerformanceSummary s) {
    out.printf(
        "  total return %+.2f %%, CAGR %+.2f %%, ann. volatility %.2f %%, Sharpe %.2f, max drawdown %.2f %%%n",
        100 * s.totalReturn(),
        100 * s.cagr(),
        100 * s.annualVolatility(),
        s.sharpeAnnualised(),
        100 * s.maxDrawdown());
  }

  private static String walkForwardCsv(WalkForwardResult r, long[] dayStarts) {
    StringBuilder b =
        new StringBuilder(
            "window,test_from,test_to,chosen,is_sharpe_per_day,oos_sharpe_per_day,oos_return\n");
    for (WindowResult w : r.windows()) {
      b.append(w.window().index())
          .append(',')
          .append(date(dayStarts[w.window().test().from()]))
          .append(',')
          .append(date(dayStarts[w.window().test().to() - 1] + DAY))
          .append(",\"")
          .append(w.chosen())
          .append("\",")
          .append(w.inSampleScore())
          .append(',')
          .append(w.outOfSampleScore())
          .append(',')
          .append(compound(w.testReturns().returns()))
          .append('\n');
    }
    return b.toString();
  }

  private static String money(Money m) {
    return m.amount().round(2, java.math.RoundingMode.HALF_EVEN).toString();
  }

  static String date(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }

  private static String indent(String s) {
    return ("  " + s.strip()).replace("\n", "\n  ");
  }

  private static InputStream resource(String name) {
    InputStream in = FlagshipExample.class.getResourceAsStream("/data/" + name);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("bundled resource /data/" + name + " is missing from the class path"));
    }
    return in;
  }

  /** Prints to the console and keeps a copy of the summary text. */
  private static final class Printer {
    private final PrintStream out;
    private final StringBuilder copy;

    Printer(PrintStream out, StringBuilder copy) {
      this.out = out;
      this.copy = copy;
    }

    void line(String s) {
      out.println(s);
      copy.append(s).append('\n');
    }

    void printf(String format, Object... args) {
      String s = String.format(Locale.ROOT, format, args);
      out.print(s);
      copy.append(s);
    }
  }
}

package dev.tyche.backtest.runner;

import static dev.tyche.backtest.runner.Fixtures.BTC;
import static dev.tyche.backtest.runner.Fixtures.BTC_PERP;
import static dev.tyche.backtest.runner.Fixtures.DEPOSIT;
import static dev.tyche.backtest.runner.Fixtures.ETH;
import static dev.tyche.backtest.runner.Fixtures.ETH_PERP;
import static dev.tyche.backtest.runner.Fixtures.HOUR;
import static dev.tyche.backtest.runner.Fixtures.S1;
import static dev.tyche.backtest.runner.Fixtures.S2;
import static dev.tyche.backtest.runner.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.report.HtmlReport;
import dev.tyche.backtest.report.ReportOptions;
import dev.tyche.backtest.result.AttributionSettings;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.backtest.result.ResultWriter;
import dev.tyche.backtest.result.SleeveAttribution;
import dev.tyche.core.market.Bar;
import dev.tyche.core.order.Side;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.portfolio.attribution.PeriodAttribution;
import dev.tyche.portfolio.attribution.SegmentEffects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attribution of a real multi-strategy run: identities, writer and report. */
class RunnerAttributionTest {

  @Test
  void aTwoSleeveRunIsAttributedPerSleeveAndRegimeAndWrittenOut(@TempDir Path dir)
      throws Exception {
    List<Bar> btc = Fixtures.walk(BTC, 41, 300, 20_000, 0);
    List<Bar> eth = Fixtures.walk(ETH, 42, 300, 1_500, 0);
    Map<StrategyId, Supplier<? extends Strategy>> strategies = new LinkedHashMap<>();
    strategies.put(S1, () -> Fixtures.trend(BTC));
    strategies.put(S2, () -> Fixtures.trend(ETH));
    long[] regimeTimes = {T0, T0 + 150 * HOUR};
    BacktestConfig c =
        new BacktestConfig(
            "attr",
            List.of(BTC_PERP, ETH_PERP),
            DEPOSIT,
            Fixtures.venue(),
            List.of(),
            strategies,
            24 * 365.0,
            0,
            Optional.of(new RegimeSeries(regimeTimes, List.of("calm", "storm"))));
    BacktestResult r =
        BacktestRunner.run(
            c, List.of(HistoricalFeeds.bars("btc", btc), HistoricalFeeds.bars("eth", eth)));
    assertThat(r.fills()).isNotEmpty();

    // Buy-and-hold benchmark: each sleeve against holding its own instrument, 50 / 50.
    long[] times = r.equity().times();
    AttributionSettings bh =
        AttributionSettings.equalWeight()
            .withBenchmark(Map.of(), Map.of("s1", closes(times, btc), "s2", closes(times, eth)));
    SleeveAttribution x = SleeveAttribution.of(r, bh);
    assertThat(x.sleeves()).containsExactly("s1", "s2");
    assertThat(x.periodCount()).isEqualTo(r.equity().size() - 1);
    double gp = 1;
    double gb = 1;
    for (PeriodAttribution<String> p : x.periods()) {
      double sum = 0;
      for (SegmentEffects e : p.segments().values()) {
        sum += e.total();
      }
      assertThat(sum).isCloseTo(p.activeReturn(), within(1e-14));
      gp *= 1 + p.portfolioReturn();
      gb *= 1 + p.benchmarkReturn();
    }
    // The sleeves' PnLs add up to the account's (no liquidation, no funding here).
    double[] e = r.equity().equity();
    assertThat(gp).isCloseTo(e[e.length - 1] / e[0], within(1e-9));
    for (double u : x.unattributed()) {
      assertThat(u).isCloseTo(0.0, within(1e-9));
    }
    double bySleeve = 0;
    for (SegmentEffects s : x.bySleeve().segments().values()) {
      bySleeve += s.total();
    }
    assertThat(bySleeve).isCloseTo(gp - gb, within(1e-12));
    double byRegime = 0;
    for (SegmentEffects s : x.byRegime().orElseThrow().segments().values()) {
      byRegime += s.total();
    }
    assertThat(x.byRegime().orElseThrow().segments()).containsOnlyKeys("calm", "storm");
    assertThat(byRegime).isCloseTo(gp - gb, within(1e-12));
    // A real benchmark makes selection non-trivial.
    assertThat(Math.abs(x.bySleeve().selection())).isGreaterThan(1e-6);

    ResultWriter.writeAll(r, dir, Optional.of(x));
    String csv = Files.readString(dir.resolve("attribution.csv"), StandardCharsets.UTF_8);
    assertThat(csv.split("\n")).hasSize(1 + 2 * x.periodCount());
    assertThat(csv)
        .startsWith(
            "period_end,sleeve,portfolio_weight,benchmark_weight,portfolio_return,"
                + "benchmark_return,allocation,selection,interaction\n"
                + times[1]
                + ",s1,");
    String linked = Files.readString(dir.resolve("attribution_linked.csv"), StandardCharsets.UTF_8);
    assertThat(linked.split("\n")).hasSize(1 + 2 + 2 + 1).contains("total,active," + cells(x));
    String json = Files.readString(dir.resolve("result.json"), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"attribution\":{\"method\":\"Brinson-Fachler per period, Carino")
        .contains("\"bySleeve\":[{\"key\":\"s1\"")
        .contains("\"byRegime\":[{\"key\":\"calm\"");
    String html = HtmlReport.render(r, ReportOptions.titled("attr"), Optional.of(x));
    assertThat(html)
        .contains("<section id=\"attribution\">")
        .contains("Attribution by regime")
        .contains("<td class=\"l\">storm</td>");
    // The default (equal-weight) attribution is what the one-argument methods use.
    SleeveAttribution d = SleeveAttribution.ofDefault(r).orElseThrow();
    assertThat(ResultWriter.toJson(r)).isEqualTo(ResultWriter.toJson(r, Optional.of(d)));
    assertThat(HtmlReport.render(r, ReportOptions.titled("attr")))
        .isEqualTo(HtmlReport.render(r, ReportOptions.titled("attr"), Optional.of(d)));
    assertThat(d.bySleeve().selection()).isEqualTo(0.0);
    String none = HtmlReport.render(r, ReportOptions.titled("attr"), Optional.empty());
    assertThat(none).contains("No attribution");
    assertThat(ResultWriter.toJson(r, Optional.empty())).contains("\"attribution\":null");
    assertThat(ResultWriter.attributionCsv(Optional.empty())).hasLineCount(1);
    assertThat(ResultWriter.attributionLinkedCsv(Optional.empty())).hasLineCount(1);
  }

  @Test
  void theSampledEquityEqualsAnIndependentReplayOfFillsFundingAndCloses() {
    // The runner values the account with shortcuts (balance + unrealised PnL; the previous row
    // while flat and nothing was booked). Recompute every sample from the fills, the funding and
    // the bar closes (the engine's marks with bar data) and compare.
    List<Bar> btc = Fixtures.walk(BTC, 51, 400, 20_000, 0);
    List<Bar> eth = Fixtures.walk(ETH, 52, 400, 1_500, 0);
    Map<StrategyId, Supplier<? extends Strategy>> strategies = new LinkedHashMap<>();
    strategies.put(S1, () -> Fixtures.trend(BTC));
    strategies.put(S2, () -> Fixtures.trend(ETH));
    BacktestConfig c =
        new BacktestConfig(
            "replay",
            List.of(BTC_PERP, ETH_PERP),
            DEPOSIT,
            Fixtures.venue(),
            List.of(),
            strategies,
            24 * 365.0,
            0,
            Optional.empty());
    BacktestResult r =
        BacktestRunner.run(
            c,
            List.of(
                HistoricalFeeds.bars("btc", btc),
                HistoricalFeeds.bars("eth", eth),
                HistoricalFeeds.fundingRates("f", Fixtures.funding(BTC, btc, 5))));
    assertThat(r.fills()).hasSizeGreaterThan(10);
    assertThat(r.funding()).isNotEmpty();
    long[] t = r.equity().times();
    double[] eq = r.equity().equity();
    double[] net = r.equity().netExposure();
    int f = 0;
    int g = 0;
    double cash = DEPOSIT.amount().toDouble();
    double qBtc = 0;
    double qEth = 0;
    int flatSamples = 0;
    for (int i = 0; i < t.length; i++) {
      while (f < r.fills().size() && r.fills().get(f).time() <= t[i]) {
        FillRecord x = r.fills().get(f++);
        double q = x.quantity().toDouble() * (x.side() == Side.BUY ? 1 : -1);
        cash -= q * x.price().toDouble() + x.fee().amount().toDouble();
        if (x.symbol().equals(BTC)) {
          qBtc += q;
        } else {
          qEth += q;
        }
      }
      while (g < r.funding().size() && r.funding().get(g).fundingTime() <= t[i]) {
        cash += r.funding().get(g++).amount().amount().toDouble();
      }
      int bar = (int) ((t[i] - btc.get(0).closeTime()) / HOUR);
      double mBtc = btc.get(bar).close().toDouble();
      double mEth = eth.get(bar).close().toDouble();
      double equity = cash + qBtc * mBtc + qEth * mEth;
      assertThat(eq[i]).as("equity at sample %d", i).isCloseTo(equity, within(1e-6));
      assertThat(net[i])
          .as("net exposure at sample %d", i)
          .isCloseTo((qBtc * mBtc + qEth * mEth) / equity, within(1e-9));
      flatSamples += qBtc == 0 && qEth == 0 ? 1 : 0;
    }
    assertThat(flatSamples).isGreaterThan(0);
  }

  private static String cells(SleeveAttribution x) {
    double a = x.bySleeve().allocation();
    double s = x.bySleeve().selection();
    double i = x.bySleeve().interaction();
    return a + "," + s + "," + i + "," + (a + s + i);
  }

  /** Buy-and-hold returns of the bars' closes, sampled at the curve's times. */
  private static double[] closes(long[] sampleTimes, List<Bar> bars) {
    long[] t = new long[bars.size()];
    double[] p = new double[bars.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = bars.get(i).closeTime();
      p[i] = bars.get(i).close().toDouble();
    }
    return AttributionSettings.periodReturns(sampleTimes, t, p);
  }
}

package dev.tyche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.sweep.Dimension;
import dev.tyche.backtest.sweep.ParameterSpace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the flagship on a shortened period (2021-01-01 .. 2022-07-01, 120-day training, 60-day test,
 * two candidates) and checks structural invariants, not returns.
 */
class FlagshipExampleTest {

  @TempDir static Path dir;
  static FlagshipExample.Outcome first;
  static String console;

  static FlagshipExample.Config config(Path out) {
    return new FlagshipExample.Config(
        Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2022-07-01T00:00:00Z").toEpochMilli(),
        120,
        60,
        ParameterSpace.of(
            Dimension.of("trendFast", 10),
            Dimension.of("trendSlow", 40, 80),
            Dimension.of("kelly", 0.5)),
        2,
        out,
        true);
  }

  @BeforeAll
  static void runOnce() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      first = FlagshipExample.run(config(dir.resolve("a")), ps);
    }
    console = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(console);
  }

  @Test
  void printsEverySection() {
    assertThat(console)
        .contains("Data quality report: binance-futures-um-BTCUSDT-1h.csv.gz")
        .contains("Data quality report: binance-futures-um-ETHUSDT-1h.csv.gz")
        .contains("Regime detector")
        .contains("2/2 runs")
        .contains("Walk-forward (rolling 120-day training, 60-day test")
        .contains("Stitched out-of-sample")
        .contains("Continuous OOS replay")
        .contains("maker fees", "taker fees", "funding", "slippage")
        .contains("deflated Sharpe ratio", "PBO")
        .contains(FlagshipExample.DISCLAIMER)
        .contains("report  " + first.report());
    // (540 - 120) / 60 = 7 windows.
    assertThat(first.walkForward().windows()).hasSize(7);
    assertThat(first.walkForward().oosReturns()).hasSize(7 * 60);
  }

  @Test
  void reportIsWellFormedAndHasItsSections() throws Exception {
    Path report = first.report();
    assertThat(report).exists();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("<svg").contains("Tyche flagship").containsIgnoringCase("drawdown");
    // Every inline chart must parse as XML on its own.
    Matcher m = Pattern.compile("(?s)<svg.*?</svg>").matcher(html);
    int charts = 0;
    while (m.find()) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
      charts++;
    }
    assertThat(charts).isGreaterThanOrEqualTo(2);
    for (String f : new String[] {"result.json", "equity.csv", "fills.csv", "walkforward.csv"}) {
      assertThat(report.getParent().resolve(f)).exists();
    }
  }

  @Test
  void replayEquityIsContinuousAndCostsArePositive() {
    BacktestResult r = first.replay();
    long[] t = r.equity().times();
    double[] e = r.equity().equity();
    assertThat(t.length).isGreaterThan(7 * 60 * 24 - 24);
    for (int i = 1; i < t.length; i++) {
      // one sample per hourly close of the merged feed: never a gap longer than an hour
      assertThat(t[i] - t[i - 1]).isPositive().isLessThanOrEqualTo(3_600_000L);
      assertThat(Double.isFinite(e[i]) && e[i] > 0).isTrue();
    }
    assertThat(r.fills()).isNotEmpty();
    assertThat(r.costs().totalFees().signum()).isPositive();
    assertThat(r.funding()).isNotEmpty();
    // The stitched walk-forward series covers consecutive test windows without gaps.
    int[] p = first.walkForward().oosPeriods();
    for (int i = 1; i < p.length; i++) {
      assertThat(p[i]).isEqualTo(p[i - 1] + 1);
    }
  }

  @Test
  void twoRunsGiveIdenticalSummaries() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FlagshipExample.Outcome second;
    try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      second = FlagshipExample.run(config(dir.resolve("b")), ps);
    }
    assertThat(second.summary()).isEqualTo(first.summary());
    assertThat(second.replay().equity().equity()).containsExactly(first.replay().equity().equity());
  }

  @Test
  void dailyReturnsCompoundToTheRunsTotalReturn() {
    BacktestResult r = first.replay();
    long from = r.equity().times()[0] / FlagshipExample.DAY * FlagshipExample.DAY;
    long to =
        (r.equity().times()[r.equity().size() - 1] / FlagshipExample.DAY + 1) * FlagshipExample.DAY;
    double[] d = FlagshipExample.dailyReturns(r, FlagshipExample.dayStarts(from, to));
    double g = 1;
    for (double x : d) {
      g *= 1 + x;
    }
    double last = r.equity().equity()[r.equity().size() - 1];
    assertThat(g)
        .isCloseTo(
            last / r.initialEquity().amount().toDouble(),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void progressBarRendersProportionally() {
    assertThat(ProgressBar.render(4, 8, 1500))
        .contains("[###############---------------] 4/8 runs")
        .contains("1.5 s");
    assertThat(ProgressBar.render(0, 0, 0)).contains("0/0 runs");
  }
}

package dev.tyche.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.Contribution;
import dev.tyche.backtest.result.CostSummary;
import dev.tyche.backtest.result.EquityCurve;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import dev.tyche.core.stats.PerformanceMetrics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {
  static final long T0 = 1_672_531_200_000L;
  static final long HOUR = 3_600_000L;
  static final Symbol BTC = Symbol.of("BTCUSDT");

  /** A synthetic result over 70 days of hourly samples with 30 fills and a regime series. */
  static BacktestResult result(String name, boolean regimes) {
    int n = 70 * 24;
    long[] t = new long[n];
    double[] e = new double[n];
    double[] g = new double[n];
    double[] net = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * HOUR + HOUR - 1;
      e[i] = 10_000 * (1 + 0.1 * Math.sin(i / 200.0) + i * 2e-5);
      net[i] = (i / 100) % 3 - 1;
      g[i] = Math.abs(net[i]);
    }
    List<FillRecord> fills = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      fills.add(
          new FillRecord(
              t[i * 10],
              "s<1>&\"x\"",
              "c" + i,
              BTC,
              i % 2 == 0 ? Side.BUY : Side.SELL,
              Price.parse("20000.1"),
              Quantity.parse("0.010"),
              Money.of(Asset.USDT, Decimal.parse("0.1")),
              Liquidity.TAKER,
              Optional.of(Price.parse("20000.0")),
              Money.of(Asset.USDT, Decimal.parse("0.001")),
              false));
    }
    Money zero = Money.zero(Asset.USDT, 0);
    Optional<RegimeSeries> rs =
        regimes
            ? Optional.of(
                new RegimeSeries(
                    new long[] {T0, T0 + 500 * HOUR, T0 + 1000 * HOUR},
                    List.of("BULL <low vol>", "BEAR & high", "BULL <low vol>")))
            : Optional.empty();
    return new BacktestResult(
        name,
        Money.of(Asset.USDT, Decimal.parse("10000")),
        Money.of(Asset.USDT, Decimal.fromDouble(e[n - 1], 8, java.math.RoundingMode.HALF_EVEN)),
        8760,
        EquityCurve.of(t, e, g, net),
        fills,
        List.of(),
        new CostSummary(zero, Money.of(Asset.USDT, Decimal.parse("3")), zero, zero),
        List.of(new Contribution("s<1>&\"x\"", 12.5, 3, 0, 0.03, 30, n)),
        rs.isPresent() ? List.of(new Contribution("BULL <low vol>", 1, 0, 0, 0, 0, 10)) : List.of(),
        List.of(),
        rs,
        Optional.of(PerformanceMetrics.summarize(e, 8760, 0, 0)),
        30,
        2,
        List.of());
  }

  static List<String> svgBlocks(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everySvgChartIsWellFormedXmlAndEverySectionIsPresent() throws Exception {
    String html = HtmlReport.render(result("run <1>", true), new ReportOptions("T & <T>", 12, 900));
    List<String> svgs = svgBlocks(html);
    assertThat(svgs).hasSize(4);
    List<String> ids = new ArrayList<>();
    for (String svg : svgs) {
      Document d = parse(svg);
      Element root = d.getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      ids.add(root.getAttribute("id"));
    }
    assertThat(ids)
        .containsExactly("equity-chart", "drawdown-chart", "exposure-chart", "monthly-chart");
    for (String section :
        List.of(
            "disclaimer",
            "summary",
            "costs",
            "equity",
            "drawdown",
            "exposure",
            "monthly",
            "contributions",
            "trades")) {
      assertThat(html).contains("<section id=\"" + section + "\">");
    }
    assertThat(html).contains("not a forecast").contains("not a promise of profit");
    // Text is escaped in HTML and in SVG.
    assertThat(html).contains("T &amp; &lt;T&gt;").doesNotContain("<T>").doesNotContain("s<1>");
    // Trades are truncated with a count.
    assertThat(html).contains("Showing 12 of 30 fills").contains("18 more not shown");
    // Self-contained: no external resources (the only URL is the SVG namespace).
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http:")
        .doesNotContain("https:")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(");
    // Regimes shade the equity chart: one rect per regime span, with the label as title.
    Document equity = parse(svgs.get(0));
    int shaded = 0;
    for (int i = 0; i < equity.getElementsByTagName("rect").getLength(); i++) {
      Element r = (Element) equity.getElementsByTagName("rect").item(i);
      if (r.hasAttribute("fill-opacity")) {
        shaded++;
      }
    }
    assertThat(shaded).isEqualTo(3);
    // Monthly heat map: Jan, Feb, Mar 2023 plus the year cell.
    Document monthly = parse(svgs.get(3));
    assertThat(monthly.getElementsByTagName("rect").getLength()).isEqualTo(4);
    assertThat(html).contains("By regime");
  }

  @Test
  void withoutRegimesNothingIsShadedAndWritingCreatesTheFile(@TempDir Path dir) throws Exception {
    BacktestResult r = result("plain", false);
    Path file = dir.resolve("sub").resolve("r.html");
    HtmlReport.write(r, ReportOptions.titled("plain"), file);
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).isEqualTo(HtmlReport.render(r, ReportOptions.titled("plain")));
    assertThat(html).doesNotContain("Shaded regimes").doesNotContain("By regime");
    assertThat(parse(svgBlocks(html).get(0)).getElementsByTagName("polyline").getLength())
        .isEqualTo(1);
    assertThat(html).contains("Showing 30 of 30 fills.");
  }

  @Test
  void monthlyReturnsChainFromMonthEndToMonthEnd() {
    long jan31 = 1_675_209_599_999L; // 2023-01-31T23:59:59.999Z
    long[] t = {T0 + HOUR - 1, jan31, jan31 + HOUR, jan31 + 30 * 24 * HOUR};
    double[] e = {100, 110, 99, 121};
    MonthlyReturns m = MonthlyReturns.of(t, e);
    assertThat(m.months())
        .extracting(Object::toString)
        .containsExactly("2023-01", "2023-02", "2023-03");
    // Each month from the previous month's last sample: 110/100, 99/110, 121/99.
    assertThat(m.returns()[0]).isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(m.returns()[1]).isCloseTo(-0.10, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(m.returns()[2])
        .isCloseTo(121.0 / 99.0 - 1, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(MonthlyReturns.of(new long[0], new double[0]).months()).isEmpty();
  }

  @Test
  void niceTicksAreRoundAndCoverTheRange() {
    double[] ticks = Svg.niceTicks(9_870, 16_230, 5);
    assertThat(ticks[0]).isLessThanOrEqualTo(9_870);
    assertThat(ticks[ticks.length - 1]).isGreaterThanOrEqualTo(16_230);
    assertThat(ticks[1] - ticks[0]).isEqualTo(2_000.0);
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> new ReportOptions("t", -1, 800)).hasMessageContaining("maxTradeRows");
    assertThatThrownBy(() -> new ReportOptions("t", 1, 100)).hasMessageContaining("chartWidth");
  }
}

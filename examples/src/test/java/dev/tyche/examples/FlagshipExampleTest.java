package dev.tyche.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FlagshipExampleTest {

  private static String runMain() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      FlagshipExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    return out;
  }

  /** Closes read independently of the library: plain JDK, String.split, Double.parseDouble. */
  private static List<Double> closes() throws IOException {
    List<Double> closes = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    FlagshipExampleTest.class.getResourceAsStream("/data/" + FlagshipExample.BARS)),
                StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        closes.add(Double.parseDouble(line.split(",")[4]));
      }
    }
    return closes;
  }

  @Test
  void printsTheQualityReportAndBuyAndHoldStatistics() throws IOException {
    String out = runMain();
    assertThat(out)
        .contains("Data quality report: binance-futures-um-BTCUSDT-1h.csv.gz")
        .contains("rows               33692")
        .contains("ANOMALY: launch placeholder (2)")
        .contains("2019-09-08 17:00", "2019-09-09 00:00", "2019-09-09 01:00")
        .contains("quality score")
        .contains("Buy-and-hold")
        .contains("Sharpe ratio (rf = 0)", "max drawdown", "CAGR", "annualised volatility")
        .contains("24 x 365 periods per year")
        .contains("not a forecast", "not a promise of profit");

    // Independent recomputation: the first real close is the third bar's (after 2 placeholders).
    List<Double> c = closes();
    assertThat(c).hasSize(33692);
    double first = c.get(2);
    double last = c.get(c.size() - 1);
    assertThat(first).isEqualTo(10340.12);
    double total = last / first - 1;
    int returns = c.size() - 3;
    double cagr = Math.pow(last / first, 24.0 * 365.0 / returns) - 1;
    double peak = first;
    double maxDd = 0;
    for (int i = 2; i < c.size(); i++) {
      peak = Math.max(peak, c.get(i));
      maxDd = Math.max(maxDd, 1 - c.get(i) / peak);
    }
    assertThat(out)
        .contains(String.format(Locale.ROOT, "%+.2f %%", 100 * total))
        .contains(String.format(Locale.ROOT, "%+.2f %%", 100 * cagr))
        .contains(String.format(Locale.ROOT, "%+.2f %%", -100 * maxDd))
        .contains("33690 (" + returns + ")");
  }

  @Test
  void buyAndHoldMatchesHandComputedValuesOnATinySeries() {
    dev.tyche.core.data.BarSeries.Builder b =
        dev.tyche.core.data.BarSeries.builder(dev.tyche.core.id.Symbol.of("X"), 3_600_000L, "tiny");
    double[] closes = {100, 110, 99, 121};
    for (int i = 0; i < closes.length; i++) {
      b.add(i + 2, i * 3_600_000L, closes[i], closes[i], closes[i], closes[i], 1);
    }
    FlagshipExample.BuyAndHold s = FlagshipExample.buyAndHold(b.build(), 0);
    // returns +0.10, -0.10, +0.2222...; mean 0.0740740..., sample sd 0.16450...
    double mean = (0.1 - 0.1 + 22.0 / 99) / 3;
    double var =
        (Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2) + Math.pow(22.0 / 99 - mean, 2)) / 2;
    assertThat(s.returns()).isEqualTo(3);
    assertThat(s.totalReturn()).isCloseTo(0.21, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.sharpe())
        .isCloseTo(
            mean / Math.sqrt(var) * Math.sqrt(8760), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.maxDrawdown()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.peakIndex()).isEqualTo(1);
    assertThat(s.troughIndex()).isEqualTo(2);
    assertThat(s.recoveryIndex()).isEqualTo(3);
  }
}

package dev.tyche.strategy.regime.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.strategy.allocation.MarketRegime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Binance USDT-M BTCUSDT data. Loose, documented checks: during the sell-offs of May 2021
 * (2021-05-12..05-31) and June 2022 (2022-06-13..06-30) at least 80 % of the daily labels are high
 * volatility or crisis, and at least one is a crisis in May 2021. March 2020 is not in the daily
 * file (it starts 2020-05-31), so the hourly file is used from its start to 2020-04-30 with hourly
 * settings, and at least 80 % of the hours of 2020-03-12..03-13 must be high volatility or crisis.
 * A full run must finish well within 10 s (a timeout, not a benchmark).
 */
class RegimeDetectorRealDataTest {

  private static List<Bar> read(String file, String interval) throws IOException {
    Path dir = Path.of(System.getProperty("tyche.data.dir"));
    return KlineCsvReader.readBars(
        dir.resolve(file), KlineCsvOptions.of(Symbol.of("BTCUSDT"), interval));
  }

  private static long millis(String day) {
    return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static boolean highOrCrisis(MarketRegime r) {
    return r == MarketRegime.CRISIS || r.volatility() == MarketRegime.Volatility.HIGH;
  }

  private static double share(List<Bar> bars, List<RegimeEstimate> run, String from, String to) {
    int n = 0;
    int hit = 0;
    for (int i = 0; i < bars.size(); i++) {
      long t = bars.get(i).openTime();
      if (t >= millis(from) && t < millis(to) + 86_400_000L) {
        n++;
        hit += highOrCrisis(run.get(i).regime()) ? 1 : 0;
      }
    }
    assertThat(n).as("bars in %s..%s", from, to).isPositive();
    return hit / (double) n;
  }

  private static boolean anyCrisis(List<Bar> bars, List<RegimeEstimate> run, String f, String t) {
    for (int i = 0; i < bars.size(); i++) {
      long o = bars.get(i).openTime();
      if (o >= millis(f)
          && o < millis(t) + 86_400_000L
          && run.get(i).regime() == MarketRegime.CRISIS) {
        return true;
      }
    }
    return false;
  }

  @Test
  void dailyBtcSellOffsAreHighVolatilityOrCrisis() throws IOException {
    List<Bar> bars = read("binance-futures-um-BTCUSDT-1d.csv.gz", "1d");
    assertThat(bars).hasSize(1676);
    List<RegimeEstimate> run = new ArrayList<>();
    RegimeDetector d = new RegimeDetector(RegimeDetectorConfig.defaults());
    assertTimeout(
        Duration.ofSeconds(10),
        () -> {
          for (Bar b : bars) {
            run.add(d.update(b));
          }
        });
    double may = share(bars, run, "2021-05-12", "2021-05-31");
    double june = share(bars, run, "2022-06-13", "2022-06-30");
    Map<MarketRegime, Integer> counts = new EnumMap<>(MarketRegime.class);
    run.forEach(e -> counts.merge(e.regime(), 1, Integer::sum));
    System.out.printf(
        "regime BTCUSDT 1d: %d fits; high-vol or crisis share May 2021 %.2f, June 2022 %.2f; %s%n",
        d.fitCount(), may, june, counts);
    assertThat(may).isGreaterThanOrEqualTo(0.8);
    assertThat(june).isGreaterThanOrEqualTo(0.8);
    assertThat(anyCrisis(bars, run, "2021-05-12", "2021-05-31")).isTrue();
    // Not everything is a crisis: the label is informative.
    assertThat(counts.getOrDefault(MarketRegime.CRISIS, 0)).isLessThan(bars.size() / 10);
    assertThat(run.get(bars.size() - 1).isWarm()).isTrue();
  }

  @Test
  void hourlyBtcMarch2020IsHighVolatilityOrCrisis() throws IOException {
    List<Bar> all = read("binance-futures-um-BTCUSDT-1h.csv.gz", "1h");
    List<Bar> bars = new ArrayList<>();
    for (Bar b : all) {
      if (b.openTime() < millis("2020-05-01")) {
        bars.add(b);
      }
    }
    // Hourly settings: trend over 2 days, a rolling 3-month window refitted weekly after 6 weeks,
    // crisis drawdown measured from the 7-day peak.
    RegimeDetectorConfig hourly =
        RegimeDetectorConfig.defaults()
            .withTrend(48, 0.05, 0.0)
            .withSchedule(FitWindow.ROLLING, 2160, 1000, 168)
            .withCrisis(1.5, 0.25, 168);
    List<RegimeEstimate> run = new ArrayList<>();
    RegimeDetector d = new RegimeDetector(hourly);
    assertTimeout(
        Duration.ofSeconds(10),
        () -> {
          for (Bar b : bars) {
            run.add(d.update(b));
          }
        });
    double march = share(bars, run, "2020-03-12", "2020-03-13");
    System.out.printf(
        "regime BTCUSDT 1h to 2020-04: %d fits; high-vol or crisis share 12-13 March 2020 %.2f%n",
        d.fitCount(), march);
    assertThat(march).isGreaterThanOrEqualTo(0.8);
  }
}

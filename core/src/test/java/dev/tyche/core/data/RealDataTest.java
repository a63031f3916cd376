package dev.tyche.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in the shared data folder loads, matches the README's table, and the validator finds
 * exactly the quirks the README lists.
 */
class RealDataTest {
  private static final Path DIR = Path.of(System.getProperty("tyche.data.dir", "../shared/data"));
  private static final Pattern NAME =
      Pattern.compile("binance-(?:futures-um|spot)-([A-Z0-9]+)-(1h|1d|1m|markPrice-8h)[-.].*");

  /** The README's table: rows, first and last open time (UTC), layout. */
  private record Expected(int rows, String first, String last, KlineLayout layout) {}

  private static final KlineLayout A = KlineLayout.OPEN_TIME_OHLCV;
  private static final KlineLayout B = KlineLayout.TIMESTAMP_OHLCV_DATETIME;

  private static final Map<String, Expected> KLINES =
      Map.ofEntries(
          Map.entry(
              "binance-futures-um-BTCUSDT-1h.csv.gz",
              new Expected(33692, "2019-09-08T17:00", "2023-07-13T12:00", A)),
          Map.entry(
              "binance-futures-um-ETHUSDT-1h.csv.gz",
              new Expected(31782, "2019-11-27T07:00", "2023-07-13T12:00", A)),
          Map.entry(
              "binance-futures-um-BNBUSDT-1h.csv.gz",
              new Expected(29981, "2020-02-10T08:00", "2023-07-13T12:00", A)),
          Map.entry(
              "binance-futures-um-XRPUSDT-1h.csv.gz",
              new Expected(30821, "2020-01-06T08:00", "2023-07-13T12:00", A)),
          Map.entry(
              "binance-futures-um-LTCUSDT-1h.csv.gz",
              new Expected(43648, "2020-01-09T08:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-futures-um-ETCUSDT-1h.csv.gz",
              new Expected(43480, "2020-01-16T08:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-spot-BTCUSDT-1h.csv.gz",
              new Expected(22839, "2022-05-25T08:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-spot-ETHUSDT-1h.csv.gz",
              new Expected(22839, "2022-05-25T08:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-spot-SOLUSDT-1h.csv.gz",
              new Expected(22839, "2022-05-25T08:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-spot-ADAUSDT-1h.csv.gz",
              new Expected(22832, "2022-05-25T15:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-spot-DOGEUSDT-1h.csv.gz",
              new Expected(22832, "2022-05-25T15:00", "2024-12-31T23:00", B)),
          Map.entry(
              "binance-futures-um-BTCUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-ETHUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-BNBUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-XRPUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-SOLUSDT-1d.csv.gz",
              new Expected(1570, "2020-09-14T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-ADAUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-DOGEUSDT-1d.csv.gz",
              new Expected(1636, "2020-07-10T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-LINKUSDT-1d.csv.gz",
              new Expected(1676, "2020-05-31T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-LTCUSDT-1d.csv.gz",
              new Expected(1819, "2020-01-09T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-ETCUSDT-1d.csv.gz",
              new Expected(1812, "2020-01-16T00:00", "2024-12-31T00:00", B)),
          Map.entry(
              "binance-futures-um-BTCUSDT-1m-2023-07-18_2023-08-17.csv.gz",
              new Expected(43199, "2023-07-18T11:13", "2023-08-17T11:11", A)),
          Map.entry(
              "binance-futures-um-ETHUSDT-1m-2023-07-03_2023-08-17.csv.gz",
              new Expected(64066, "2023-07-03T23:26", "2023-08-17T11:11", A)),
          Map.entry(
              "binance-futures-um-BTCUSDT-markPrice-8h-2023-07-04_2023-08-17.csv.gz",
              new Expected(131, "2023-07-04T16:00", "2023-08-17T00:00", A)));

  private static final Map<String, Expected> FUNDING =
      Map.of(
          "binance-futures-um-BTCUSDT-fundingRate.csv.gz",
          new Expected(4144, "2019-09-10T08:00", "2023-06-22T08:00", null),
          "binance-futures-um-ETHUSDT-fundingRate.csv.gz",
          new Expected(3910, "2019-11-27T08:00", "2023-06-22T08:00", null),
          "binance-futures-um-BTCUSDT-fundingRate-2023-07-04_2023-08-17.csv.gz",
          new Expected(131, "2023-07-04T16:00", "2023-08-17T00:00", null));

  static long utc(String isoMinute) {
    return LocalDateTime.parse(isoMinute).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static Symbol symbolOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new AssertionError("cannot interpret data file name " + fileName);
    }
    return Symbol.of(m.group(1));
  }

  static KlineCsvOptions optionsFor(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new AssertionError("cannot interpret data file name " + fileName);
    }
    String code = m.group(2).equals("markPrice-8h") ? "8h" : m.group(2);
    return KlineCsvOptions.of(Symbol.of(m.group(1)), code);
  }

  static BarSeries series(String fileName) throws IOException {
    return KlineCsvReader.readSeries(DIR.resolve(fileName), optionsFor(fileName));
  }

  static DataQualityReport report(String fileName) throws IOException {
    return DataValidator.defaults().validate(series(fileName));
  }

  private static List<String> dataFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".gz"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void everyDataFileIsKnownToThisTest() throws IOException {
    // A new file in the folder that this test cannot interpret must fail, not be skipped.
    TreeSet<String> unknown = new TreeSet<>(dataFiles());
    unknown.removeAll(KLINES.keySet());
    unknown.removeAll(FUNDING.keySet());
    unknown.remove("binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz"); // layout D, not klines
    assertThat(unknown).isEmpty();
    assertThat(dataFiles()).containsAll(KLINES.keySet()).containsAll(FUNDING.keySet());
  }

  @Test
  void everyKlineFileLoadsStrictlyWithTheReadmeRowCountAndSpan() throws IOException {
    for (Map.Entry<String, Expected> e : KLINES.entrySet()) {
      String name = e.getKey();
      Expected want = e.getValue();
      KlineLayout layout;
      try (KlineCsvReader reader = KlineCsvReader.open(DIR.resolve(name), optionsFor(name))) {
        layout = reader.layout();
        assertThat(reader.hasHeader()).as(name).isTrue();
      }
      BarSeries s = series(name);
      List<Bar> bars = KlineCsvReader.readBars(DIR.resolve(name), optionsFor(name));
      assertThat(layout).as(name).isEqualTo(want.layout());
      assertThat(s.size()).as(name).isEqualTo(want.rows());
      assertThat(bars).as(name).hasSize(want.rows());
      assertThat(s.openTime(0)).as(name).isEqualTo(utc(want.first()));
      assertThat(s.openTime(s.size() - 1)).as(name).isEqualTo(utc(want.last()));
      assertThat(s.lineNumber(0)).as(name).isEqualTo(2);
      for (int i = 0; i < s.size(); i++) {
        Bar b = bars.get(i);
        // The double columns and the exact bars come from two conversions of the same text.
        assertThat(b.openTime()).isEqualTo(s.openTime(i));
        assertThat(b.close().toDouble()).as(name + " row " + i).isEqualTo(s.close(i));
        assertThat(b.high().toDouble()).as(name + " row " + i).isEqualTo(s.high(i));
        assertThat(b.volume().toDouble())
            .as(name + " row " + i)
            .isCloseTo(s.volume(i), org.assertj.core.data.Percentage.withPercentage(1e-12));
      }
      System.out.println("data " + name + ": " + s.size() + " bars, layout " + layout);
    }
  }

  @Test
  void everyFundingFileLoadsWithTheReadmeRowCount() throws IOException {
    for (Map.Entry<String, Expected> e : FUNDING.entrySet()) {
      String name = e.getKey();
      Symbol symbol = Symbol.of(name.replaceAll("binance-futures-um-([A-Z]+)-.*", "$1"));
      List<FundingRate> rates = FundingRateCsvReader.read(DIR.resolve(name), symbol);
      assertThat(rates).as(name).hasSize(e.getValue().rows());
      assertThat(rates.get(0).nominalTime()).isEqualTo(utc(e.getValue().first()));
      assertThat(rates.get(rates.size() - 1).nominalTime()).isEqualTo(utc(e.getValue().last()));
      for (int i = 0; i < rates.size(); i++) {
        FundingRate r = rates.get(i);
        assertThat(r.symbol()).isEqualTo(symbol);
        // README: settlements on the 00/08/16 UTC grid, none missing, jitter of a few ms.
        assertThat(r.nominalTime() % (8 * 3_600_000L)).as(name + " row " + i).isZero();
        assertThat(Math.abs(r.fundingTime() - r.nominalTime())).isLessThan(1_000L);
        if (i > 0) {
          assertThat(r.nominalTime() - rates.get(i - 1).nominalTime()).isEqualTo(8 * 3_600_000L);
        }
        if (symbol.value().equals("BTCUSDT")) {
          // README: BTC rates lie in [-0.30 %, +0.30 %], the clamp then in force.
          assertThat(Math.abs(r.rate().toDouble()))
              .as(name + " row " + i)
              .isLessThanOrEqualTo(0.003);
        }
      }
      System.out.println("data " + name + ": " + rates.size() + " funding rates");
    }
  }

  @Test
  void btcFuturesLaunchPlaceholdersAndZeroVolumeBarsAreFound() throws IOException {
    DataQualityReport r = report("binance-futures-um-BTCUSDT-1h.csv.gz");
    assertThat(r.hasDefects()).isFalse();
    assertThat(r.issuesOf(DataIssue.Kind.LAUNCH_PLACEHOLDER))
        .extracting(DataIssue::openTime, DataIssue::lineNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(utc("2019-09-08T17:00"), 2L),
            org.assertj.core.groups.Tuple.tuple(utc("2019-09-08T18:00"), 3L));
    assertThat(r.issuesOf(DataIssue.Kind.ZERO_VOLUME_FLAT))
        .extracting(DataIssue::openTime)
        .containsExactly(utc("2019-09-08T18:00"), utc("2019-09-09T00:00"), utc("2019-09-09T01:00"));
    assertThat(r.anomalyRows()).isEqualTo(4);
    assertThat(r.score()).isCloseTo(1 - 2.0 / 33692, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.toText())
        .contains("line 2 ", "2019-09-08 17:00", "launch placeholder", "2019-09-09 01:00");
  }

  @Test
  void ethFuturesZeroVolumeBarAfterListingIsFound() throws IOException {
    DataQualityReport r = report("binance-futures-um-ETHUSDT-1h.csv.gz");
    assertThat(r.hasDefects()).isFalse();
    assertThat(r.issuesOf(DataIssue.Kind.ZERO_VOLUME_FLAT))
        .extracting(DataIssue::openTime)
        .containsExactly(utc("2019-11-27T09:00"));
    // The first three hours trade 0.01, 0.08 and 0 ETH against a first-week median of ~14 000 ETH:
    // by the documented rule they are pre-trading placeholders; real trading starts at 10:00.
    assertThat(r.issuesOf(DataIssue.Kind.LAUNCH_PLACEHOLDER))
        .extracting(DataIssue::openTime)
        .containsExactly(utc("2019-11-27T07:00"), utc("2019-11-27T08:00"), utc("2019-11-27T09:00"));
  }

  @Test
  void everySpotFileHasTheHaltGapAndTheFlatBarBeforeIt() throws IOException {
    for (String sym : List.of("BTC", "ETH", "SOL", "ADA", "DOGE")) {
      String name = "binance-spot-" + sym + "USDT-1h.csv.gz";
      DataQualityReport r = report(name);
      assertThat(r.gaps()).as(name).hasSize(1);
      Gap gap = r.gaps().get(0);
      assertThat(gap.missingOpenTimes()).containsExactly(utc("2023-03-24T13:00"));
      assertThat(r.missingBars()).isEqualTo(1);
      assertThat(r.issuesOf(DataIssue.Kind.GAP)).hasSize(1);
      assertThat(r.issuesOf(DataIssue.Kind.ZERO_VOLUME_FLAT))
          .extracting(DataIssue::openTime)
          .containsExactly(utc("2023-03-24T12:00"));
      assertThat(r.count(DataIssue.Severity.DEFECT)).as(name).isEqualTo(1);
      assertThat(r.count(DataIssue.Kind.LAUNCH_PLACEHOLDER)).as(name).isZero();
      assertThat(r.defectRows()).isZero();
      assertThat(r.toText()).contains("1 missing bar: 2023-03-24 13:00");
    }
    DataQualityReport btc = report("binance-spot-BTCUSDT-1h.csv.gz");
    assertThat(btc.issuesOf(DataIssue.Kind.ZERO_VOLUME_FLAT).get(0).detail()).contains("28080.0");
  }

  @Test
  void cleanFilesHaveNoDefectsNoAnomaliesAndScoreOne() throws IOException {
    for (String name : KLINES.keySet()) {
      boolean knownQuirks =
          name.startsWith("binance-spot-")
              || name.equals("binance-futures-um-BTCUSDT-1h.csv.gz")
              || name.equals("binance-futures-um-ETHUSDT-1h.csv.gz");
      if (knownQuirks) {
        continue;
      }
      DataQualityReport r = report(name);
      assertThat(r.count(DataIssue.Severity.DEFECT)).as(name + "\n" + r.toText()).isZero();
      assertThat(r.count(DataIssue.Severity.ANOMALY)).as(name + "\n" + r.toText()).isZero();
      assertThat(r.score()).as(name).isEqualTo(1.0);
      assertThat(r.expectedBars()).isEqualTo(r.rows());
    }
  }

  @Test
  void dailyFilesAreCleanAndTheirOutliersAreOnlyInformational() throws IOException {
    DataQualityReport r = report("binance-futures-um-BTCUSDT-1d.csv.gz");
    assertThat(r.issues()).isEmpty();
    assertThat(r.toText()).contains("No issues found.", "quality score      1.000000");
    // ETC fell 44 % on 2020-03-12: real, so informational, and the score stays 1.
    DataQualityReport etc = report("binance-futures-um-ETCUSDT-1d.csv.gz");
    assertThat(etc.issuesOf(DataIssue.Kind.OUTLIER))
        .extracting(DataIssue::openTime)
        .contains(utc("2020-03-12T00:00"));
    assertThat(etc.score()).isEqualTo(1.0);
  }
}

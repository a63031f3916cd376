package dev.tyche.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the time conventions against real Binance data in {@code tyche.data.dir} (see its README):
 * kline open times lie on their interval's grid, consecutive bars are a whole number of bars apart,
 * and recorded funding times snap to the 8-hour grid.
 */
class BinanceTimeDataTest {

  private static List<Long> firstColumn(String file) throws IOException {
    String dir = System.getProperty("tyche.data.dir");
    assertThat(dir).as("system property tyche.data.dir").isNotBlank();
    Path path = Path.of(dir, file);
    List<Long> values = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      assertThat(header).as(file + " header").isNotNull();
      String line;
      while ((line = reader.readLine()) != null) {
        values.add(Long.parseLong(line.substring(0, line.indexOf(','))));
      }
    }
    assertThat(values).as(file + " rows").isNotEmpty();
    return values;
  }

  @ParameterizedTest
  @CsvSource({
    "binance-futures-um-BTCUSDT-1h.csv.gz, 1h",
    "binance-futures-um-ETHUSDT-1m-2023-07-03_2023-08-17.csv.gz, 1m",
    "binance-futures-um-BTCUSDT-1d.csv.gz, 1d",
    "binance-futures-um-BTCUSDT-markPrice-8h-2023-07-04_2023-08-17.csv.gz, 8h"
  })
  void klineOpenTimesAreOnTheGrid(String file, String code) throws IOException {
    BarInterval interval = BarInterval.parse(code);
    List<Long> opens = firstColumn(file);
    long previous = -1;
    for (long open : opens) {
      assertThat(interval.isAligned(open)).as("%s %s", file, Timestamps.describe(open)).isTrue();
      if (previous >= 0) {
        // Gaps (exchange outages) are whole bars; the bar after `previous` opens at nextOpen.
        assertThat(open).isGreaterThanOrEqualTo(interval.nextOpen(previous));
      }
      previous = open;
    }
  }

  @ParameterizedTest
  @CsvSource({
    "binance-futures-um-BTCUSDT-fundingRate.csv.gz",
    "binance-futures-um-ETHUSDT-fundingRate.csv.gz",
    "binance-futures-um-BTCUSDT-fundingRate-2023-07-04_2023-08-17.csv.gz"
  })
  void recordedFundingTimesSnapToTheEightHourGrid(String file) throws IOException {
    FundingSchedule schedule = FundingSchedule.EVERY_8_HOURS;
    List<Long> recorded = firstColumn(file);
    long previous = -1;
    int jittered = 0;
    for (long time : recorded) {
      long snapped = schedule.nearestFundingTime(time, 1_000);
      if (snapped != time) {
        jittered++;
      }
      if (previous >= 0) {
        assertThat(snapped).isEqualTo(schedule.nextFundingTime(previous));
      }
      previous = snapped;
    }
    assertThat(jittered).as("jittered rows in " + file).isLessThan(recorded.size());
  }
}

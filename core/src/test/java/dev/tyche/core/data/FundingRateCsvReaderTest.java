package dev.tyche.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundingRateCsvReaderTest {
  private static final Symbol BTC = Symbol.of("BTCUSDT");

  private static List<FundingRate> read(String csv) throws IOException {
    return FundingRateCsvReader.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "f.csv", BTC);
  }

  private static MalformedDataException error(String csv) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
        MalformedDataException.class, () -> read(csv));
  }

  @Test
  void readsLayoutCWithExponentsAndJitter() throws IOException {
    List<FundingRate> rates =
        read("funding_time,funding_rate\n1568476800001,0.0001\n1568505600000,-3.33e-06\n");
    assertThat(rates).hasSize(2);
    assertThat(rates.get(0).fundingTime()).isEqualTo(1568476800001L);
    assertThat(rates.get(0).nominalTime()).isEqualTo(1568476800000L);
    assertThat(rates.get(0).eventTime()).isEqualTo(1568476800001L);
    assertThat(rates.get(0).rate()).isEqualTo(Decimal.of(10_000, 8));
    assertThat(rates.get(1).rate()).isEqualTo(Decimal.of(-333, 8));
    assertThat(rates.get(1).markPrice()).isEmpty();
  }

  @Test
  void readsBinanceOfficialLayoutAndHeaderlessFiles(@TempDir Path dir) throws IOException {
    List<FundingRate> official =
        read(
            "calc_time,funding_interval_hours,last_funding_rate\n"
                + "1704067200000,8,0.00037409\n1704096000000,8,0.00010000\n");
    assertThat(official).extracting(r -> r.rate().toDouble()).containsExactly(0.00037409, 0.0001);
    assertThat(read("1704067200000,8,0.0001\n")).hasSize(1);
    assertThat(read("1704067200000,0.0001\n")).hasSize(1);
    Path file = dir.resolve("f.csv");
    Files.writeString(file, "funding_time,funding_rate\n1,0.1\n2,0.2\n");
    assertThat(FundingRateCsvReader.read(file, BTC)).hasSize(2);
    List<FundingRate> seen = new ArrayList<>();
    assertThat(FundingRateCsvReader.forEach(file, BTC, seen::add)).isEqualTo(2);
    assertThat(seen).hasSize(2);
  }

  @Test
  void badInputIsRejectedWithTheLine() {
    assertThat(error("")).hasMessageContaining("is empty");
    assertThat(error("funding_time,funding_rate\n")).hasMessageContaining("no funding rows");
    assertThat(error("funding_time,rate\n")).hasMessageContaining("unknown funding header");
    assertThat(error("1,2,3,4\n")).hasMessageContaining("cannot detect the funding layout");
    assertThat(error("funding_time,funding_rate\n1,0.1,5\n"))
        .hasMessageContaining("line 2: expected 2 columns but found 3");
    assertThat(error("funding_time,funding_rate\n1,NaN\n"))
        .hasMessageContaining("line 2: field 'funding_rate' = 'NaN': is not a finite number");
    assertThat(error("funding_time,funding_rate\n1,abc\n"))
        .hasMessageContaining("field 'funding_rate' = 'abc'");
    assertThat(error("funding_time,funding_rate\n2,0.1\n1,0.1\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("unsorted");
    assertThat(error("funding_time,funding_rate\n2,0.1\n2,0.1\n"))
        .hasMessageContaining("duplicate time");
    assertThat(error("calc_time,funding_interval_hours,last_funding_rate\n1,0,0.1\n"))
        .hasMessageContaining("funding_interval_hours");
  }

  @Test
  void fundingRateRecordValidates() {
    assertThatThrownBy(() -> FundingRate.of(BTC, -1, Decimal.ZERO))
        .hasMessage("fundingTime must be >= 0 but was -1");
    assertThatThrownBy(() -> FundingRate.of(BTC, 1, null)).isInstanceOf(NullPointerException.class);
    // Half an hour rounds up; just under stays.
    assertThat(FundingRate.of(BTC, 1_800_000L, Decimal.ZERO).nominalTime()).isEqualTo(3_600_000L);
    assertThat(FundingRate.of(BTC, 1_799_999L, Decimal.ZERO).nominalTime()).isZero();
  }
}

package dev.tyche.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlineCsvReaderTest {
  private static final Symbol BTC = Symbol.of("BTCUSDT");
  private static final KlineCsvOptions H1 = KlineCsvOptions.of(BTC, "1h");
  private static final String HEADER_A = "open_time,open,high,low,close,volume\n";
  private static final long T0 = 1_567_962_000_000L; // 2019-09-08 17:00 UTC

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Bar> bars(String csv) throws IOException {
    return KlineCsvReader.readBars(text(csv), "test.csv", H1);
  }

  private static BarSeries lenient(String csv) throws IOException {
    return KlineCsvReader.readSeries(text(csv), "test.csv", H1.lenient());
  }

  private static MalformedDataException strictError(String csv) {
    try {
      KlineCsvReader.readSeries(text(csv), "test.csv", H1);
    } catch (MalformedDataException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a MalformedDataException for:\n" + csv);
  }

  @Test
  void readsLayoutAIntoExactBars() throws IOException {
    List<Bar> bars =
        bars(
            HEADER_A
                + T0
                + ",10000.0,10010.5,9990.25,10005.0,0.002\n"
                + (T0 + 3_600_000L)
                + ",10005.0,10005.0,10005.0,10005.0,0\n");
    assertThat(bars).hasSize(2);
    Bar b = bars.get(0);
    assertThat(b.symbol()).isEqualTo(BTC);
    assertThat(b.openTime()).isEqualTo(T0);
    assertThat(b.closeTime()).isEqualTo(T0 + 3_600_000L - 1);
    assertThat(b.eventTime()).isEqualTo(b.closeTime());
    assertThat(b.open()).isEqualTo(Price.of(1_000_000_000_000L, 8));
    assertThat(b.high()).isEqualTo(Price.parse("10010.5", 8));
    assertThat(b.low()).isEqualTo(Price.parse("9990.25", 8));
    assertThat(b.volume()).isEqualTo(Quantity.parse("0.002", 6));
    assertThat(bars.get(1).isFlatWithoutVolume()).isTrue();
  }

  @Test
  void readsLayoutBAndIgnoresTheDatetimeColumn() throws IOException {
    String csv =
        "timestamp,open,high,low,close,volume,datetime\n"
            + T0
            + ",1.5,2,1,1.75,3.25,2019-09-08 17:00:00\n";
    try (KlineCsvReader r = KlineCsvReader.open(text(csv), "b.csv", H1)) {
      assertThat(r.layout()).isEqualTo(KlineLayout.TIMESTAMP_OHLCV_DATETIME);
      assertThat(r.next()).isTrue();
      assertThat(r.openPrice()).isEqualTo(1.5);
      assertThat(r.highPrice()).isEqualTo(2.0);
      assertThat(r.lowPrice()).isEqualTo(1.0);
      assertThat(r.closePrice()).isEqualTo(1.75);
      assertThat(r.volume()).isEqualTo(3.25);
      assertThat(r.lineNumber()).isEqualTo(2);
      assertThat(r.rowCount()).isEqualTo(1);
      assertThat(r.closeTime()).isEqualTo(T0 + 3_599_999L);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void readsBinanceTwelveColumnsWithAndWithoutHeader() throws IOException {
    String row =
        T0
            + ",10000.00,10010.00,9990.00,10005.00,12.345,"
            + (T0 + 3_599_999L)
            + ",123456.78,42,6.1,61000.5,0\n";
    String header =
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
            + "taker_buy_quote_volume,ignore\n";
    for (String csv : List.of(row, header + row)) {
      try (KlineCsvReader r = KlineCsvReader.open(text(csv), "um.csv", H1)) {
        assertThat(r.layout()).isEqualTo(KlineLayout.BINANCE);
        assertThat(r.hasHeader()).isEqualTo(csv.startsWith("open_time"));
        assertThat(r.next()).isTrue();
        assertThat(r.bar().volume()).isEqualTo(Quantity.parse("12.345", 6));
        assertThat(r.next()).isFalse();
      }
    }
  }

  @Test
  void acceptsMicrosecondTimestampsAsBinanceSpotHasSince2025() throws IOException {
    String row = (T0 * 1000) + ",1,1,1,1,0," + ((T0 + 3_599_999L) * 1000 + 999) + ",0,0,0,0,0\n";
    List<Bar> bars = bars(row);
    assertThat(bars.get(0).openTime()).isEqualTo(T0);
  }

  @Test
  void binanceCloseTimeMustMatchTheInterval() {
    String row = T0 + ",1,1,1,1,0," + (T0 + 59_999L) + ",0,0,0,0,0\n";
    assertThat(strictError(row))
        .hasMessageContaining("test.csv line 1")
        .hasMessageContaining("close_time")
        .hasMessageContaining("open_time + interval - 1");
  }

  @Test
  void detectsGzipByMagicBytesWhateverTheName(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((HEADER_A + T0 + ",1,2,0.5,1.5,10\n").getBytes(StandardCharsets.UTF_8));
    }
    Path file = dir.resolve("klines.csv"); // no .gz
    Files.write(file, bytes.toByteArray());
    assertThat(KlineCsvReader.readBars(file, H1)).hasSize(1);
    Path plain = dir.resolve("plain.csv.gz"); // .gz name, plain text
    Files.writeString(plain, HEADER_A + T0 + ",1,2,0.5,1.5,10\n");
    assertThat(KlineCsvReader.readSeries(plain, H1).size()).isEqualTo(1);
  }

  @Test
  void handlesCrLfBlankLinesAndByteOrderMark() throws IOException {
    String csv = "\uFEFF" + HEADER_A.replace("\n", "\r\n") + "\r\n" + T0 + ",1,2,0.5,1.5,10\r\n\n";
    BarSeries s = KlineCsvReader.readSeries(text(csv), "crlf.csv", H1);
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.lineNumber(0)).isEqualTo(3);
    assertThat(s.volume(0)).isEqualTo(10.0);
  }

  @Test
  void readsExponentNotationAndRoundsFloatNoiseInVolumeOnly() throws IOException {
    Bar b = bars(HEADER_A + T0 + ",1e-05,2E-5,1.0e-5,1.5e-5,6676329.2999999998\n").get(0);
    assertThat(b.open()).isEqualTo(Price.parse("0.00001", 8));
    assertThat(b.high()).isEqualTo(Price.parse("0.00002", 8));
    assertThat(b.volume()).isEqualTo(Quantity.parse("6676329.3", 6));
    assertThat(strictOrBarError(HEADER_A + T0 + ",1.123456789,2,1,1.5,1\n"))
        .hasMessageContaining("field 'open' = '1.123456789'")
        .hasMessageContaining("more than 8 decimal places");
  }

  private static MalformedDataException strictOrBarError(String csv) {
    try {
      bars(csv);
    } catch (MalformedDataException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a MalformedDataException");
  }

  @Test
  void reportsAVolumeThatOverflowsTheScale() {
    assertThat(strictOrBarError(HEADER_A + T0 + ",1,2,1,1.5,98909809915000.0\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("volume")
        .hasMessageContaining("overflows a long at scale 6");
  }

  @Test
  void malformedFieldNamesFileLineFieldAndValue() {
    MalformedDataException e =
        strictError(
            HEADER_A + T0 + ",1,2,0.5,1.5,10\n" + (T0 + 3_600_000L) + ",1,abc,0.5,1.5,10\n");
    assertThat(e).hasMessage("test.csv line 3: field 'high' = 'abc': is not a decimal number");
    assertThat(e.source()).isEqualTo("test.csv");
    assertThat(e.lineNumber()).isEqualTo(3);
    assertThat(e.field()).contains("high");
    assertThat(e.value()).contains("abc");
  }

  @Test
  void rejectsMalformedTimesAndNumbers() {
    assertThat(strictError(HEADER_A + "12x,1,2,0.5,1.5,10\n"))
        .hasMessageContaining("field 'open_time' = '12x'");
    assertThat(strictError(HEADER_A + T0 + ",1.2.3,2,0.5,1.5,10\n"))
        .hasMessageContaining("field 'open' = '1.2.3'");
    assertThat(strictError(HEADER_A + T0 + ",,2,0.5,1.5,10\n"))
        .hasMessageContaining("field 'open' = ''")
        .hasMessageContaining("empty");
    assertThat(strictError(HEADER_A + T0 + ",1e,2,0.5,1.5,10\n"))
        .hasMessageContaining("empty exponent");
    assertThat(strictError(HEADER_A + "99999999999999999999,1,2,0.5,1.5,10\n"))
        .hasMessageContaining("overflows a long");
  }

  @Test
  void nanIsRejectedStrictlyAndReportedLeniently() throws IOException {
    String csv = HEADER_A + T0 + ",NaN,2,0.5,1.5,10\n";
    assertThat(strictError(csv))
        .hasMessageContaining("line 2")
        .hasMessageContaining("field 'open' = 'NaN'")
        .hasMessageContaining("finite price > 0");
    BarSeries s = lenient(csv);
    assertThat(s.open(0)).isNaN();
    DataQualityReport r = DataValidator.defaults().validate(s);
    assertThat(r.issuesOf(DataIssue.Kind.INVALID_VALUE))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.lineNumber()).isEqualTo(2);
              assertThat(i.detail()).contains("open = NaN");
            });
    assertThat(r.score()).isZero();
  }

  @Test
  void infinityAndNegativeVolumeAreRejected() throws IOException {
    assertThat(strictError(HEADER_A + T0 + ",1,inf,0.5,1.5,10\n"))
        .hasMessageContaining("field 'high' = 'inf'");
    assertThat(strictError(HEADER_A + T0 + ",1,2,0.5,1.5,-10\n"))
        .hasMessageContaining("field 'volume' = '-10'")
        .hasMessageContaining(">= 0");
    BarSeries s = lenient(HEADER_A + T0 + ",1,-Infinity,0.5,1.5,-10\n");
    assertThat(s.high(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(DataValidator.defaults().validate(s).count(DataIssue.Kind.INVALID_VALUE))
        .isEqualTo(2);
  }

  @Test
  void negativePriceIsRejectedStrictlyAndReportedLeniently() throws IOException {
    String csv = HEADER_A + T0 + ",1,2,-0.5,1.5,10\n";
    assertThat(strictError(csv)).hasMessageContaining("field 'low' = '-0.5'");
    DataQualityReport r = DataValidator.defaults().validate(lenient(csv));
    assertThat(r.issuesOf(DataIssue.Kind.INVALID_VALUE).get(0).detail()).contains("low = -0.5");
    assertThatThrownBy(
            () -> {
              try (KlineCsvReader reader = KlineCsvReader.open(text(csv), "x", H1.lenient())) {
                reader.next();
                reader.bar();
              }
            })
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("must be a price > 0");
  }

  @Test
  void ohlcInconsistencyIsRejectedStrictly() throws IOException {
    assertThat(strictError(HEADER_A + T0 + ",1,1.2,0.5,1.5,10\n"))
        .hasMessageContaining("field 'high' = '1.2'")
        .hasMessageContaining("max(open, close)");
    assertThat(strictError(HEADER_A + T0 + ",1,2,1.1,1.5,10\n"))
        .hasMessageContaining("field 'low' = '1.1'");
    assertThatThrownBy(
            () -> {
              try (KlineCsvReader reader =
                  KlineCsvReader.open(
                      text(HEADER_A + T0 + ",1,1.2,0.5,1.5,10\n"), "x", H1.lenient())) {
                reader.next();
                reader.bar();
              }
            })
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("x line 2")
        .hasMessageContaining("high must be >= max(open, close)");
  }

  @Test
  void unsortedAndDuplicateTimesAreRejectedStrictly() {
    String a = T0 + ",1,2,0.5,1.5,10\n";
    String b = (T0 + 3_600_000L) + ",1,2,0.5,1.5,10\n";
    assertThat(strictError(HEADER_A + b + a))
        .hasMessageContaining("line 3")
        .hasMessageContaining("unsorted")
        .hasMessageContaining("line 2");
    assertThat(strictError(HEADER_A + a + a))
        .hasMessageContaining("line 3")
        .hasMessageContaining("duplicate open time");
  }

  @Test
  void wrongColumnCountIsRejectedInEitherMode() {
    String csv = HEADER_A + T0 + ",1,2,0.5,1.5\n";
    assertThat(strictError(csv))
        .hasMessageContaining("line 2: expected 6 columns")
        .hasMessageContaining("found 5");
    assertThatThrownBy(() -> lenient(csv)).isInstanceOf(MalformedDataException.class);
    assertThat(strictError(T0 + ",1,2,0.5,1.5,10,x,y\n"))
        .hasMessageContaining("cannot detect the kline layout")
        .hasMessageContaining("8 columns");
    String many = T0 + ",1".repeat(40) + "\n";
    assertThat(strictError(many)).hasMessageContaining("41 columns");
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    assertThat(strictError(""))
        .hasMessage("test.csv: is empty: expected a header line or kline rows");
    assertThat(strictError("\n\n")).hasMessageContaining("is empty");
    assertThat(strictError(HEADER_A)).hasMessage("test.csv: has a header but no kline rows");
    BarSeries s = lenient(HEADER_A);
    assertThat(s.isEmpty()).isTrue();
    DataQualityReport r = DataValidator.defaults().validate(s);
    assertThat(r.score()).isZero();
    assertThat(r.rows()).isZero();
    assertThat(r.firstOpenTime()).isEmpty();
    assertThat(r.toText()).contains("rows               0");
  }

  @Test
  void unknownHeaderIsRejected() {
    assertThat(strictError("time,o,h,l,c,v\n"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("unknown kline header");
  }

  @Test
  void forEachBarStreams() throws IOException {
    String csv = HEADER_A + T0 + ",1,2,0.5,1.5,10\n" + (T0 + 3_600_000L) + ",1.5,2,1,1.9,11\n";
    try (KlineCsvReader r = KlineCsvReader.open(text(csv), "s.csv", H1)) {
      assertThat(r.source()).isEqualTo("s.csv");
      assertThat(r.options()).isEqualTo(H1);
      long[] sum = {0};
      assertThat(r.forEachBar(b -> sum[0] += b.close().units())).isEqualTo(2);
      assertThat(sum[0]).isEqualTo(150_000_000L + 190_000_000L);
    }
  }

  @Test
  void optionsValidate() {
    assertThatThrownBy(() -> KlineCsvOptions.of(BTC, 999))
        .hasMessageContaining("intervalMillis must be >= 1000 but was 999");
    assertThatThrownBy(() -> KlineCsvOptions.of(BTC, "1M")).hasMessageContaining("'1M'");
    assertThatThrownBy(() -> H1.withScales(19, 2)).hasMessageContaining("priceScale");
    assertThatThrownBy(() -> H1.withScales(2, -1)).hasMessageContaining("volumeScale");
    assertThat(KlineCsvOptions.intervalMillis("15m")).isEqualTo(900_000L);
    for (String code :
        List.of(
            "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d",
            "3d")) {
      assertThat(KlineCsvOptions.intervalLabel(KlineCsvOptions.intervalMillis(code)))
          .isEqualTo(code);
    }
    assertThat(KlineCsvOptions.intervalLabel(1500)).isEqualTo("1500ms");
    assertThat(KlineCsvOptions.intervalLabel(KlineCsvOptions.intervalMillis("1w"))).isEqualTo("7d");
  }

  /** Whatever decimal text a file has, the fast parser gives the same double as Java's own. */
  @Property(tries = 2000)
  void fastDoubleParsingEqualsDoubleParseDouble(
      @ForAll @LongRange(min = 1, max = 999_999_999_999_999_999L) long mantissa,
      @ForAll @IntRange(min = 0, max = 19) int decimals,
      @ForAll @IntRange(min = -30, max = 30) int exponent,
      @ForAll boolean useExponent)
      throws IOException {
    String digits = Long.toString(mantissa);
    String number =
        decimals == 0 || decimals >= digits.length()
            ? digits
            : digits.substring(0, digits.length() - decimals)
                + "."
                + digits.substring(digits.length() - decimals);
    if (useExponent) {
      number = number + "e" + exponent;
    }
    String csv = HEADER_A + T0 + ",1,1,1,1," + number + "\n";
    BarSeries s = KlineCsvReader.readSeries(text(csv), "p.csv", H1.lenient());
    assertThat(s.volume(0)).as(number).isEqualTo(Double.parseDouble(number));
  }

  /** Exact prices survive text -> units -> text, at any scale that holds them. */
  @Property(tries = 500)
  void exactPricesRoundTrip(
      @ForAll @LongRange(min = 1, max = 90_000_000_000L) long units,
      @ForAll @IntRange(min = 0, max = 8) int scale)
      throws IOException {
    String price = Price.of(units, scale).toPlainString();
    String csv = HEADER_A + T0 + "," + price + "," + price + "," + price + "," + price + ",0\n";
    Bar b = bars(csv).get(0);
    assertThat(b.close().isEqualTo(Price.of(units, scale))).as(price).isTrue();
    assertThat(b.close().scale()).isEqualTo(8);
  }
}

package dev.tyche.core.data;

import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A streaming reader of kline (OHLCV bar) CSV files, in the manner of a database cursor: {@link
 * #next()} moves to the next row and the accessors read its fields, so a file of any size is read
 * with constant memory and no object per row unless {@link #bar()} is asked for.
 *
 * <p><b>Layouts</b> ({@link KlineLayout}): Binance's official 12 columns with or without a header,
 * {@code open_time,open,high,low,close,volume}, and {@code
 * timestamp,open,high,low,close,volume,datetime}. The layout is detected from the header line, or,
 * when the first line is data (its first field is all digits), from its column count. Every row
 * must have the layout's column count.
 *
 * <p><b>Input</b>: gzip is detected by its magic bytes, not the file name. Blank lines are skipped;
 * line numbers are those of the (decompressed) file, 1-based, header included.
 *
 * <p><b>Times</b> are the bar's open time in UTC epoch milliseconds. A value of 10^14 or more
 * cannot be milliseconds (that is the year 5138) and is read as microseconds, which Binance's spot
 * archive has used since 2025; it is converted to milliseconds (floor division).
 *
 * <p><b>Numbers</b> are parsed straight from the byte buffer (see {@link KlineCsvOptions} for the
 * scales and for what strict mode checks). An empty file is an error; in strict mode so is a file
 * with a header and no rows.
 *
 * <p>The static helpers read a whole file into a {@link BarSeries} (primitive columns, for
 * analytics) or a {@code List<Bar>} (exact values).
 *
 * <p>Mutable; confined to one thread.
 */
public final class KlineCsvReader implements Closeable {
  private static final long MICROS_THRESHOLD = 100_000_000_000_000L;
  private static final String[] NAMES = {"open", "high", "low", "close", "volume"};

  private final CsvCursor cursor;
  private final KlineCsvOptions options;
  private final KlineLayout layout;
  private final boolean headerLine;
  private boolean pending; // the first data row has been read during detection
  private long rows;
  private long openTime;
  private long previousOpenTime = Long.MIN_VALUE;
  private long previousLine;
  private final double[] values = new double[5];

  private KlineCsvReader(CsvCursor cursor, KlineCsvOptions options) throws IOException {
    this.cursor = cursor;
    this.options = options;
    if (!cursor.nextLine()) {
      throw new MalformedDataException(
          cursor.source(), 0, null, null, "is empty: expected a header line or kline rows");
    }
    if (cursor.isDigits(0)) {
      KlineLayout byCount =
          cursor.tooManyFields() ? null : KlineLayout.ofColumnCount(cursor.fieldCount());
      if (byCount == null) {
        throw cursor.lineError(
            "cannot detect the kline layout: the first row has "
                + cursor.fieldCount()
                + " columns; expected 6, 7 or 12");
      }
      layout = byCount;
      headerLine = false;
      pending = true;
    } else {
      List<String> names = new ArrayList<>();
      int count = Math.min(cursor.fieldCount(), CsvCursor.MAX_FIELDS);
      for (int i = 0; i < count; i++) {
        names.add(cursor.text(i));
      }
      KlineLayout byHeader = KlineLayout.ofHeader(names);
      if (byHeader == null) {
        throw new MalformedDataException(
            cursor.source(),
            cursor.lineNumber(),
            null,
            cursor.lineText(),
            "unknown kline header; expected one of "
                + KlineLayout.BINANCE.columns()
                + ", "
                + KlineLayout.OPEN_TIME_OHLCV.columns()
                + ", "
                + KlineLayout.TIMESTAMP_OHLCV_DATETIME.columns());
      }
      layout = byHeader;
      headerLine = true;
    }
  }

  /**
   * Opens a kline file, plain or gzip-compressed.
   *
   * @param file the file
   * @param options symbol, interval, scales, strictness
   * @return the reader, positioned before the first row
   * @throws IOException if the file cannot be read
   * @throws MalformedDataException if the file is empty or its layout cannot be detected
   */
  public static KlineCsvReader open(Path file, KlineCsvOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    CsvCursor cursor = CsvCursor.open(file);
    try {
      return new KlineCsvReader(cursor, options);
    } catch (IOException | RuntimeException e) {
      cursor.close();
      throw e;
    }
  }

  /**
   * Opens a kline stream, plain or gzip-compressed (for example a class-path resource). The reader
   * closes the stream when it is closed.
   *
   * @param in the bytes
   * @param sourceName the name to use in error messages and reports, usually the file name
   * @param options symbol, interval, scales, strictness
   * @return the reader, positioned before the first row
   * @throws IOException if the stream cannot be read
   * @throws MalformedDataException if the stream is empty or its layout cannot be detected
   */
  public static KlineCsvReader open(InputStream in, String sourceName, KlineCsvOptions options)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    CsvCursor cursor = new CsvCursor(CsvCursor.decompressIfGzip(in), sourceName);
    try {
      return new KlineCsvReader(cursor, options);
    } catch (IOException | RuntimeException e) {
      cursor.close();
      throw e;
    }
  }

  /**
   * The detected layout.
   *
   * @return the layout
   */
  public KlineLayout layout() {
    return layout;
  }

  /**
   * Whether the file started with a header line.
   *
   * @return true if the first line was a header
   */
  public boolean hasHeader() {
    return headerLine;
  }

  /**
   * The options this reader uses.
   *
   * @return the options
   */
  public KlineCsvOptions options() {
    return options;
  }

  /**
   * The source name used in messages.
   *
   * @return usually the file name
   */
  public String source() {
    return cursor.source();
  }

  /**
   * Moves to the next row and parses it.
   *
   * @return false at the end of the input
   * @throws IOException if reading fails
   * @throws MalformedDataException if the row cannot be parsed, or, in strict mode, is not a valid
   *     bar or does not come after the previous row
   */
  public boolean next() throws IOException {
    if (pending) {
      pending = false;
    } else if (!cursor.nextLine()) {
      if (rows == 0 && options.strict()) {
        throw new MalformedDataException(
            cursor.source(), 0, null, null, "has a header but no kline rows");
      }
      return false;
    }
    parseRow();
    rows++;
    return true;
  }

  private void parseRow() {
    int columns = layout.columnCount();
    if (cursor.fieldCount() != columns) {
      throw cursor.lineError(
          "expected "
              + columns
              + " columns ("
              + String.join(",", layout.columns())
              + ") but found "
              + cursor.fieldCount());
    }
    openTime = toMillis(cursor.parseLong(0, layout.columns().get(0)));
    for (int f = 0; f < 5; f++) {
      cursor.scanDecimal(f + 1, NAMES[f]);
      values[f] = cursor.decimalToDouble(f + 1);
    }
    if (layout == KlineLayout.BINANCE) {
      long closeTime = toMillis(cursor.parseLong(6, "close_time"));
      if (options.strict() && closeTime != openTime + options.intervalMillis() - 1) {
        throw cursor.error(
            6,
            "close_time",
            "expected open_time + interval - 1 = "
                + (openTime + options.intervalMillis() - 1)
                + " for "
                + KlineCsvOptions.intervalLabel(options.intervalMillis())
                + " bars");
      }
    }
    if (options.strict()) {
      checkRow();
    }
    previousOpenTime = openTime;
    previousLine = cursor.lineNumber();
  }

  private static long toMillis(long time) {
    return time >= MICROS_THRESHOLD ? time / 1000 : time;
  }

  private void checkRow() {
    for (int f = 0; f < 4; f++) {
      double v = values[f];
      if (!(v > 0) || Double.isInfinite(v)) {
        throw cursor.error(f + 1, NAMES[f], "must be a finite price > 0");
      }
    }
    double volume = values[4];
    if (!(volume >= 0) || Double.isInfinite(volume)) {
      throw cursor.error(5, "volume", "must be a finite volume >= 0");
    }
    double open = values[0];
    double high = values[1];
    double low = values[2];
    double close = values[3];
    if (high < open || high < close) {
      throw cursor.error(
          2,
          "high",
          "must be >= max(open, close) but open=" + cursor.text(1) + " close=" + cursor.text(4));
    }
    if (low > open || low > close) {
      throw cursor.error(
          3,
          "low",
          "must be <= min(open, close) but open=" + cursor.text(1) + " close=" + cursor.text(4));
    }
    if (openTime <= previousOpenTime) {
      throw cursor.error(
          0,
          layout.columns().get(0),
          (openTime == previousOpenTime ? "duplicate open time" : "unsorted: open time is before")
              + " the previous row's ("
              + previousOpenTime
              + " on line "
              + previousLine
              + "); expected strictly increasing times");
    }
  }

  /**
   * The 1-based line number of the current row in the (decompressed) file.
   *
   * @return the line number
   */
  public long lineNumber() {
    return cursor.lineNumber();
  }

  /**
   * The number of rows read so far, including the current one.
   *
   * @return the row count
   */
  public long rowCount() {
    return rows;
  }

  /**
   * The current bar's open time.
   *
   * @return UTC epoch milliseconds
   */
  public long openTime() {
    return openTime;
  }

  /**
   * The current bar's close time, {@code openTime + interval - 1}.
   *
   * @return UTC epoch milliseconds
   */
  public long closeTime() {
    return openTime + options.intervalMillis() - 1;
  }

  /**
   * The current open price as the nearest double.
   *
   * @return the open price (in lenient mode possibly NaN, infinite or not positive)
   */
  public double openPrice() {
    return values[0];
  }

  /**
   * The current high price as the nearest double.
   *
   * @return the high price
   */
  public double highPrice() {
    return values[1];
  }

  /**
   * The current low price as the nearest double.
   *
   * @return the low price
   */
  public double lowPrice() {
    return values[2];
  }

  /**
   * The current close price as the nearest double.
   *
   * @return the close price
   */
  public double closePrice() {
    return values[3];
  }

  /**
   * The current volume in base units as the nearest double.
   *
   * @return the volume
   */
  public double volume() {
    return values[4];
  }

  /**
   * The current row as an exact bar at the options' scales.
   *
   * @return the bar
   * @throws MalformedDataException if a price does not fit the price scale, or (in lenient mode)
   *     the row is not a valid bar
   */
  public Bar bar() {
    Price[] prices = new Price[4];
    for (int f = 0; f < 4; f++) {
      cursor.scanDecimal(f + 1, NAMES[f]);
      long units = cursor.decimalToUnits(f + 1, NAMES[f], options.priceScale(), false);
      if (units <= 0) {
        throw cursor.error(f + 1, NAMES[f], "must be a price > 0");
      }
      prices[f] = Price.of(units, options.priceScale());
    }
    cursor.scanDecimal(5, "volume");
    long volumeUnits = cursor.decimalToUnits(5, "volume", options.volumeScale(), true);
    if (volumeUnits < 0) {
      throw cursor.error(5, "volume", "must be >= 0");
    }
    try {
      return new Bar(
          options.symbol(),
          options.intervalMillis(),
          openTime,
          prices[0],
          prices[1],
          prices[2],
          prices[3],
          Quantity.of(volumeUnits, options.volumeScale()));
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(
          cursor.source(), cursor.lineNumber(), null, cursor.lineText(), e.getMessage());
    }
  }

  /**
   * Reads the remaining rows, handing each to {@code action} as an exact bar.
   *
   * @param action what to do with each bar
   * @return the number of bars handed over
   * @throws IOException if reading fails
   */
  public long forEachBar(Consumer<? super Bar> action) throws IOException {
    long n = 0;
    while (next()) {
      action.accept(bar());
      n++;
    }
    return n;
  }

  /**
   * Reads the remaining rows into primitive columns.
   *
   * @return the series
   * @throws IOException if reading fails
   */
  public BarSeries readRemainingSeries() throws IOException {
    BarSeries.Builder builder =
        BarSeries.builder(options.symbol(), options.intervalMillis(), cursor.source());
    while (next()) {
      builder.add(
          cursor.lineNumber(), openTime, values[0], values[1], values[2], values[3], values[4]);
    }
    return builder.build();
  }

  /**
   * Reads a whole kline file into primitive columns.
   *
   * @param file the file, plain or gzip
   * @param options symbol, interval, scales, strictness
   * @return the series
   * @throws IOException if reading fails
   */
  public static BarSeries readSeries(Path file, KlineCsvOptions options) throws IOException {
    try (KlineCsvReader reader = open(file, options)) {
      return reader.readRemainingSeries();
    }
  }

  /**
   * Reads a whole kline stream into primitive columns, closing the stream.
   *
   * @param in the bytes, plain or gzip
   * @param sourceName the name for messages
   * @param options symbol, interval, scales, strictness
   * @return the series
   * @throws IOException if reading fails
   */
  public static BarSeries readSeries(InputStream in, String sourceName, KlineCsvOptions options)
      throws IOException {
    try (KlineCsvReader reader = open(in, sourceName, options)) {
      return reader.readRemainingSeries();
    }
  }

  /**
   * Reads a whole kline file into exact bars.
   *
   * @param file the file, plain or gzip
   * @param options symbol, interval, scales, strictness
   * @return the bars, in file order
   * @throws IOException if reading fails
   */
  public static List<Bar> readBars(Path file, KlineCsvOptions options) throws IOException {
    try (KlineCsvReader reader = open(file, options)) {
      List<Bar> bars = new ArrayList<>();
      reader.forEachBar(bars::add);
      return bars;
    }
  }

  /**
   * Reads a whole kline stream into exact bars, closing the stream.
   *
   * @param in the bytes, plain or gzip
   * @param sourceName the name for messages
   * @param options symbol, interval, scales, strictness
   * @return the bars, in file order
   * @throws IOException if reading fails
   */
  public static List<Bar> readBars(InputStream in, String sourceName, KlineCsvOptions options)
      throws IOException {
    try (KlineCsvReader reader = open(in, sourceName, options)) {
      List<Bar> bars = new ArrayList<>();
      reader.forEachBar(bars::add);
      return bars;
    }
  }

  @Override
  public void close() throws IOException {
    cursor.close();
  }
}

package dev.tyche.core.data;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads funding-rate history CSV files, plain or gzip (detected by magic bytes), in either of two
 * layouts, detected from the header or, without one, from the column count:
 *
 * <ul>
 *   <li>{@code funding_time,funding_rate} (layout C of the project's data folder; 2 columns);
 *   <li>{@code calc_time,funding_interval_hours,last_funding_rate}, Binance's official monthly
 *       funding files on data.binance.vision (3 columns; the interval must be a positive integer
 *       number of hours and is otherwise not kept).
 * </ul>
 *
 * <p>Times are UTC epoch milliseconds as recorded, jitter included (see {@link
 * FundingRate#nominalTime()}). Rates are plain fractions per interval, positive = longs pay shorts,
 * held exactly at scale {@value #RATE_SCALE} (Binance publishes funding rates with 8 decimals);
 * finer digits, which only a binary-float round trip produces, are rounded half-even. Exponent
 * notation ({@code -3.33e-06}) is accepted.
 *
 * <p>Always strict: a malformed row, a non-finite rate, an empty file, a header without rows, or a
 * time not after the previous row's (unsorted or duplicate) throws {@link MalformedDataException}
 * naming the line.
 *
 * <p>Immutable and thread-safe (no state; each call reads its own input).
 */
public final class FundingRateCsvReader {
  /** The scale of the rates read, 8 decimal places. */
  public static final int RATE_SCALE = 8;

  private static final List<String> LAYOUT_C = List.of("funding_time", "funding_rate");
  private static final List<String> LAYOUT_BINANCE =
      List.of("calc_time", "funding_interval_hours", "last_funding_rate");

  private FundingRateCsvReader() {}

  /**
   * Reads a funding file.
   *
   * @param file the file, plain or gzip
   * @param symbol whose funding this is
   * @return the settlements, in file order
   * @throws IOException if reading fails
   * @throws MalformedDataException on a malformed, empty, unsorted or duplicate row
   */
  public static List<FundingRate> read(Path file, Symbol symbol) throws IOException {
    List<FundingRate> out = new ArrayList<>();
    try (CsvCursor cursor = CsvCursor.open(file)) {
      read(cursor, symbol, out::add);
    }
    return out;
  }

  /**
   * Reads a funding stream (for example a class-path resource), closing it.
   *
   * @param in the bytes, plain or gzip
   * @param sourceName the name for messages
   * @param symbol whose funding this is
   * @return the settlements, in file order
   * @throws IOException if reading fails
   * @throws MalformedDataException on a malformed, empty, unsorted or duplicate row
   */
  public static List<FundingRate> read(InputStream in, String sourceName, Symbol symbol)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    List<FundingRate> out = new ArrayList<>();
    try (CsvCursor cursor = new CsvCursor(CsvCursor.decompressIfGzip(in), sourceName)) {
      read(cursor, symbol, out::add);
    }
    return out;
  }

  /**
   * Streams a funding file to {@code action}, one record at a time.
   *
   * @param file the file, plain or gzip
   * @param symbol whose funding this is
   * @param action what to do with each record
   * @return the number of records
   * @throws IOException if reading fails
   * @throws MalformedDataException on a malformed, empty, unsorted or duplicate row
   */
  public static long forEach(Path file, Symbol symbol, Consumer<? super FundingRate> action)
      throws IOException {
    try (CsvCursor cursor = CsvCursor.open(file)) {
      return read(cursor, symbol, action);
    }
  }

  private static long read(CsvCursor cursor, Symbol symbol, Consumer<? super FundingRate> action)
      throws IOException {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(action, "action");
    if (!cursor.nextLine()) {
      throw new MalformedDataException(
          cursor.source(), 0, null, null, "is empty: expected a header line or funding rows");
    }
    int columns;
    boolean pending;
    if (cursor.isDigits(0)) {
      columns = cursor.fieldCount();
      if (columns != 2 && columns != 3) {
        throw cursor.lineError(
            "cannot detect the funding layout: the first row has "
                + columns
                + " columns; expected 2 ("
                + String.join(",", LAYOUT_C)
                + ") or 3 ("
                + String.join(",", LAYOUT_BINANCE)
                + ")");
      }
      pending = true;
    } else {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < Math.min(cursor.fieldCount(), CsvCursor.MAX_FIELDS); i++) {
        names.add(cursor.text(i).trim().toLowerCase(Locale.ROOT));
      }
      if (names.equals(LAYOUT_C)) {
        columns = 2;
      } else if (names.equals(LAYOUT_BINANCE)) {
        columns = 3;
      } else {
        throw new MalformedDataException(
            cursor.source(),
            cursor.lineNumber(),
            null,
            cursor.lineText(),
            "unknown funding header; expected " + LAYOUT_C + " or " + LAYOUT_BINANCE);
      }
      pending = false;
    }
    String timeName = columns == 2 ? "funding_time" : "calc_time";
    String rateName = columns == 2 ? "funding_rate" : "last_funding_rate";
    long count = 0;
    long previousTime = Long.MIN_VALUE;
    long previousLine = 0;
    while (pending || cursor.nextLine()) {
      pending = false;
      if (cursor.fieldCount() != columns) {
        throw cursor.lineError("expected " + columns + " columns but found " + cursor.fieldCount());
      }
      long time = cursor.parseLong(0, timeName);
      if (columns == 3) {
        long hours = cursor.parseLong(1, "funding_interval_hours");
        if (hours <= 0) {
          throw cursor.error(1, "funding_interval_hours", "must be a positive number of hours");
        }
      }
      int rateField = columns - 1;
      cursor.scanDecimal(rateField, rateName);
      long units = cursor.decimalToUnits(rateField, rateName, RATE_SCALE, true);
      if (time <= previousTime) {
        throw cursor.error(
            0,
            timeName,
            (time == previousTime ? "duplicate time" : "unsorted: time is before")
                + " the previous row's ("
                + previousTime
                + " on line "
                + previousLine
                + "); expected strictly increasing times");
      }
      previousTime = time;
      previousLine = cursor.lineNumber();
      action.accept(FundingRate.of(symbol, time, Decimal.of(units, RATE_SCALE)));
      count++;
    }
    if (count == 0) {
      throw new MalformedDataException(
          cursor.source(), 0, null, null, "has a header but no funding rows");
    }
    return count;
  }
}

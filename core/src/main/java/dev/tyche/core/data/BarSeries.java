package dev.tyche.core.data;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bar series in primitive columns, for analytics: open times as {@code long} UTC epoch
 * milliseconds (the bar's <em>open</em> time, see {@link Bar}) and open, high, low, close and
 * volume as {@code double}, plus the line number each row came from so that reports can point at
 * the file.
 *
 * <p>Rows are kept in source order. A series read in strict mode (the default of {@link
 * KlineCsvReader}) holds only valid bars in strictly increasing time; one read in lenient mode
 * holds whatever the file had, NaN and negative values included, for {@link DataValidator} to
 * report.
 *
 * <p>The column accessors ({@link #closes()} and the like) return copies; use the per-index
 * accessors in loops to avoid copying.
 *
 * <p>Immutable and thread-safe.
 */
public final class BarSeries {
  private final Symbol symbol;
  private final long intervalMillis;
  private final String source;
  private final long[] lineNumber;
  private final long[] openTime;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;

  private BarSeries(Builder b) {
    int n = b.size;
    this.symbol = b.symbol;
    this.intervalMillis = b.intervalMillis;
    this.source = b.source;
    this.lineNumber = Arrays.copyOf(b.lineNumber, n);
    this.openTime = Arrays.copyOf(b.openTime, n);
    this.open = Arrays.copyOf(b.open, n);
    this.high = Arrays.copyOf(b.high, n);
    this.low = Arrays.copyOf(b.low, n);
    this.close = Arrays.copyOf(b.close, n);
    this.volume = Arrays.copyOf(b.volume, n);
  }

  /**
   * A builder for a series.
   *
   * @param symbol whose bars these are
   * @param intervalMillis the bar length in milliseconds, positive
   * @param source where the rows come from (a file name), for reports
   * @return an empty builder
   */
  public static Builder builder(Symbol symbol, long intervalMillis, String source) {
    return new Builder(symbol, intervalMillis, source);
  }

  /**
   * The series of exact bars, in list order; row numbers are 1-based list positions.
   *
   * @param symbol whose bars these are
   * @param intervalMillis the bar length in milliseconds
   * @param source a name for reports
   * @param bars the bars, all of {@code symbol}
   * @return the series
   * @throws IllegalArgumentException if a bar has another symbol or interval
   */
  public static BarSeries of(Symbol symbol, long intervalMillis, String source, List<Bar> bars) {
    Builder b = builder(symbol, intervalMillis, source);
    long row = 0;
    for (Bar bar : bars) {
      row++;
      if (!bar.symbol().equals(symbol) || bar.intervalMillis() != intervalMillis) {
        throw new IllegalArgumentException(
            "bars["
                + (row - 1)
                + "] must be "
                + symbol
                + " "
                + intervalMillis
                + " ms but was "
                + bar.symbol()
                + " "
                + bar.intervalMillis()
                + " ms");
      }
      b.add(
          row,
          bar.openTime(),
          bar.open().toDouble(),
          bar.high().toDouble(),
          bar.low().toDouble(),
          bar.close().toDouble(),
          bar.volume().toDouble());
    }
    return b.build();
  }

  /**
   * The symbol.
   *
   * @return whose bars these are
   */
  public Symbol symbol() {
    return symbol;
  }

  /**
   * The bar length.
   *
   * @return milliseconds
   */
  public long intervalMillis() {
    return intervalMillis;
  }

  /**
   * Where the rows came from.
   *
   * @return usually a file name
   */
  public String source() {
    return source;
  }

  /**
   * The number of bars.
   *
   * @return the row count
   */
  public int size() {
    return openTime.length;
  }

  /**
   * Whether there are no bars.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return openTime.length == 0;
  }

  /**
   * The 1-based source line of row {@code i}.
   *
   * @param i the row index, 0-based
   * @return the line number
   */
  public long lineNumber(int i) {
    return lineNumber[i];
  }

  /**
   * The open time of row {@code i}.
   *
   * @param i the row index
   * @return UTC epoch milliseconds
   */
  public long openTime(int i) {
    return openTime[i];
  }

  /**
   * The close time of row {@code i}, {@code openTime + interval - 1}: when the bar becomes known.
   *
   * @param i the row index
   * @return UTC epoch milliseconds
   */
  public long closeTime(int i) {
    return openTime[i] + intervalMillis - 1;
  }

  /**
   * The open price of row {@code i}.
   *
   * @param i the row index
   * @return quote units per base unit
   */
  public double open(int i) {
    return open[i];
  }

  /**
   * The high price of row {@code i}.
   *
   * @param i the row index
   * @return quote units per base unit
   */
  public double high(int i) {
    return high[i];
  }

  /**
   * The low price of row {@code i}.
   *
   * @param i the row index
   * @return quote units per base unit
   */
  public double low(int i) {
    return low[i];
  }

  /**
   * The close price of row {@code i}.
   *
   * @param i the row index
   * @return quote units per base unit
   */
  public double close(int i) {
    return close[i];
  }

  /**
   * The volume of row {@code i}.
   *
   * @param i the row index
   * @return base units
   */
  public double volume(int i) {
    return volume[i];
  }

  /**
   * All open times.
   *
   * @return a copy
   */
  public long[] openTimes() {
    return openTime.clone();
  }

  /**
   * All open prices.
   *
   * @return a copy
   */
  public double[] opens() {
    return open.clone();
  }

  /**
   * All high prices.
   *
   * @return a copy
   */
  public double[] highs() {
    return high.clone();
  }

  /**
   * All low prices.
   *
   * @return a copy
   */
  public double[] lows() {
    return low.clone();
  }

  /**
   * All close prices.
   *
   * @return a copy
   */
  public double[] closes() {
    return close.clone();
  }

  /**
   * All volumes.
   *
   * @return a copy
   */
  public double[] volumes() {
    return volume.clone();
  }

  /**
   * The rows {@code [from, to)} as a new series.
   *
   * @param from first row, inclusive
   * @param to last row, exclusive
   * @return the sub-series
   * @throws IndexOutOfBoundsException if the range is outside the series
   */
  public BarSeries slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    Builder b = builder(symbol, intervalMillis, source);
    for (int i = from; i < to; i++) {
      b.add(lineNumber[i], openTime[i], open[i], high[i], low[i], close[i], volume[i]);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "BarSeries["
        + symbol
        + " "
        + KlineCsvOptions.intervalLabel(intervalMillis)
        + " x"
        + size()
        + " from "
        + source
        + "]";
  }

  /**
   * Collects rows for a {@link BarSeries}; grows its arrays geometrically.
   *
   * <p>Mutable; confined to one thread.
   */
  public static final class Builder {
    private final Symbol symbol;
    private final long intervalMillis;
    private final String source;
    private int size;
    private long[] lineNumber = new long[1024];
    private long[] openTime = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];

    private Builder(Symbol symbol, long intervalMillis, String source) {
      this.symbol = Objects.requireNonNull(symbol, "symbol");
      this.source = Objects.requireNonNull(source, "source");
      if (intervalMillis <= 0) {
        throw new IllegalArgumentException("intervalMillis must be > 0 but was " + intervalMillis);
      }
      this.intervalMillis = intervalMillis;
    }

    /**
     * Appends a row. Values are taken as given (validation is {@link DataValidator}'s job).
     *
     * @param line the 1-based source line (or row number)
     * @param time the open time, UTC epoch milliseconds
     * @param o the open price
     * @param h the high price
     * @param l the low price
     * @param c the close price
     * @param v the volume in base units
     * @return this builder
     */
    public Builder add(long line, long time, double o, double h, double l, double c, double v) {
      if (size == openTime.length) {
        int capacity = Math.max(16, size + (size >> 1));
        lineNumber = Arrays.copyOf(lineNumber, capacity);
        openTime = Arrays.copyOf(openTime, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
      }
      lineNumber[size] = line;
      openTime[size] = time;
      open[size] = o;
      high[size] = h;
      low[size] = l;
      close[size] = c;
      volume[size] = v;
      size++;
      return this;
    }

    /**
     * The rows added so far.
     *
     * @return the count
     */
    public int size() {
      return size;
    }

    /**
     * The series of the rows added so far.
     *
     * @return the series
     */
    public BarSeries build() {
      return new BarSeries(this);
    }
  }
}

package dev.tyche.core.data;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import java.util.Locale;
import java.util.Objects;

/**
 * How to read a kline CSV: whose bars they are, how long each bar is, the fixed-point scales for
 * exact bars, and whether to stop at the first suspicious row.
 *
 * <p><b>Scales.</b> Kline files write prices with as many decimals as the source happened to use
 * ({@code 10000.0}, {@code 0.003989}, mark prices such as {@code 30616.33820823}). Exact {@link
 * Bar}s hold every price at one scale, {@code priceScale}, default {@value #DEFAULT_PRICE_SCALE}
 * (Binance never quotes finer than 10^-8). A price with more non-zero decimals is an error, never
 * rounded. Volume is held at {@code volumeScale}, default {@value #DEFAULT_VOLUME_SCALE}, which
 * covers every real digit in the project's data (spot BTC volume has 5 or 6 decimals); finer volume
 * digits are rounded half-even, because some sources wrote volume through a binary float ({@code
 * 6676329.2999999998}). A {@code long} at scale 8 holds prices up to about 9.2e10; at scale 6 it
 * holds volumes up to about 9.2e12 base units (DOGE's largest daily volume in the data is 9.9e10).
 * For tokens with larger volumes pass a smaller volume scale; an overflow is reported with the
 * line, never wrapped. Scales do not matter for the {@code double} columns of a {@link BarSeries},
 * which are the nearest doubles to the text.
 *
 * <p><b>Strict</b> (the default) rejects, with the line number, any row that is not a valid bar:
 * non-finite or non-positive prices, negative volume, {@code high < max(open, close)}, {@code low >
 * min(open, close)}, an open time not after the previous row's (unsorted or duplicate), and, in the
 * 12-column layout, a {@code close_time} other than {@code open_time + interval - 1}.
 * <b>Lenient</b> rejects only text that cannot be parsed at all (wrong column count, non-numeric
 * fields), and passes everything else on for {@link DataValidator} to report.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol whose bars these are (the files do not say)
 * @param intervalMillis the bar length in milliseconds, at least {@link Bar#MIN_INTERVAL_MILLIS}
 * @param priceScale decimal places of exact prices, in [0, 18]
 * @param volumeScale decimal places of exact volumes, in [0, 18]
 * @param strict whether to reject invalid rows (true) or pass them on for validation (false)
 */
public record KlineCsvOptions(
    Symbol symbol, long intervalMillis, int priceScale, int volumeScale, boolean strict) {

  /** The default price scale, 8 decimal places. */
  public static final int DEFAULT_PRICE_SCALE = 8;

  /** The default volume scale, 6 decimal places. */
  public static final int DEFAULT_VOLUME_SCALE = 6;

  // Fail at configuration time, not on the first row.
  public KlineCsvOptions {
    Objects.requireNonNull(symbol, "symbol");
    if (intervalMillis < Bar.MIN_INTERVAL_MILLIS) {
      throw new IllegalArgumentException(
          "intervalMillis must be >= " + Bar.MIN_INTERVAL_MILLIS + " but was " + intervalMillis);
    }
    if (priceScale < 0 || priceScale > 18) {
      throw new IllegalArgumentException("priceScale must be in [0, 18] but was " + priceScale);
    }
    if (volumeScale < 0 || volumeScale > 18) {
      throw new IllegalArgumentException("volumeScale must be in [0, 18] but was " + volumeScale);
    }
  }

  /**
   * Strict options with the default scales.
   *
   * @param symbol whose bars these are
   * @param intervalMillis the bar length in milliseconds
   * @return the options
   */
  public static KlineCsvOptions of(Symbol symbol, long intervalMillis) {
    return new KlineCsvOptions(
        symbol, intervalMillis, DEFAULT_PRICE_SCALE, DEFAULT_VOLUME_SCALE, true);
  }

  /**
   * Strict options with the default scales and a Binance interval code.
   *
   * @param symbol whose bars these are
   * @param intervalCode a Binance kline interval: {@code 1s}, {@code 1m}, {@code 3m}, {@code 5m},
   *     {@code 15m}, {@code 30m}, {@code 1h}, {@code 2h}, {@code 4h}, {@code 6h}, {@code 8h},
   *     {@code 12h}, {@code 1d}, {@code 3d} or {@code 1w} ({@code 1M} has no fixed length and is
   *     rejected)
   * @return the options
   */
  public static KlineCsvOptions of(Symbol symbol, String intervalCode) {
    return of(symbol, intervalMillis(intervalCode));
  }

  /**
   * The length of a Binance kline interval.
   *
   * @param code the interval code, such as {@code 1h}
   * @return its length in milliseconds
   * @throws IllegalArgumentException for an unknown code or {@code 1M}
   */
  public static long intervalMillis(String code) {
    Objects.requireNonNull(code, "intervalCode");
    switch (code) {
      case "1s":
        return 1_000L;
      case "1m":
        return 60_000L;
      case "3m":
        return 180_000L;
      case "5m":
        return 300_000L;
      case "15m":
        return 900_000L;
      case "30m":
        return 1_800_000L;
      case "1h":
        return 3_600_000L;
      case "2h":
        return 7_200_000L;
      case "4h":
        return 14_400_000L;
      case "6h":
        return 21_600_000L;
      case "8h":
        return 28_800_000L;
      case "12h":
        return 43_200_000L;
      case "1d":
        return 86_400_000L;
      case "3d":
        return 259_200_000L;
      case "1w":
        return 604_800_000L;
      default:
        throw new IllegalArgumentException(
            "intervalCode must be one of 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w but was '"
                + code
                + "'");
    }
  }

  /**
   * A short label for an interval length: {@code 1h}, {@code 15m}, {@code 1d}, or milliseconds.
   *
   * @param intervalMillis the length in milliseconds
   * @return the label
   */
  public static String intervalLabel(long intervalMillis) {
    if (intervalMillis % 86_400_000L == 0) {
      return intervalMillis / 86_400_000L + "d";
    }
    if (intervalMillis % 3_600_000L == 0) {
      return intervalMillis / 3_600_000L + "h";
    }
    if (intervalMillis % 60_000L == 0) {
      return intervalMillis / 60_000L + "m";
    }
    if (intervalMillis % 1_000L == 0) {
      return intervalMillis / 1_000L + "s";
    }
    return String.format(Locale.ROOT, "%dms", intervalMillis);
  }

  /**
   * These options, reading leniently (for validation).
   *
   * @return lenient options
   */
  public KlineCsvOptions lenient() {
    return new KlineCsvOptions(symbol, intervalMillis, priceScale, volumeScale, false);
  }

  /**
   * These options with other fixed-point scales.
   *
   * @param newPriceScale decimal places of prices
   * @param newVolumeScale decimal places of volumes
   * @return the options
   */
  public KlineCsvOptions withScales(int newPriceScale, int newVolumeScale) {
    return new KlineCsvOptions(symbol, intervalMillis, newPriceScale, newVolumeScale, strict);
  }
}

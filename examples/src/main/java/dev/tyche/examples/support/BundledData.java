package dev.tyche.examples.support;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.data.FundingRateCsvReader;
import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.FundingRate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads the Binance USDⓈ-M perpetual data bundled under {@code /data} on the examples' class path
 * (see {@code data/README.md} there): daily and hourly bars of BTCUSDT and ETHUSDT and their 8-hour
 * funding rates. All times are UTC epoch milliseconds; a bar is stamped with its open time.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class BundledData {

  /** The symbols whose data is bundled. */
  public static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

  private BundledData() {}

  /**
   * Opens a bundled file.
   *
   * @param file the file name, e.g. {@code binance-futures-um-BTCUSDT-1d.csv.gz}
   * @return the stream; the caller closes it
   * @throws UncheckedIOException if the file is not on the class path
   */
  public static InputStream open(String file) {
    Objects.requireNonNull(file, "file");
    InputStream in = BundledData.class.getResourceAsStream("/data/" + file);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("bundled resource /data/" + file + " is missing from the class path"));
    }
    return in;
  }

  /**
   * The daily bars of a bundled symbol.
   *
   * @param symbol {@code BTCUSDT} or {@code ETHUSDT}
   * @return the bars, in time order
   * @throws UncheckedIOException if the file is missing or unreadable
   */
  public static BarSeries daily(String symbol) {
    return bars(symbol, "1d");
  }

  /**
   * The hourly bars of a bundled symbol.
   *
   * @param symbol {@code BTCUSDT} or {@code ETHUSDT}
   * @return the bars, in time order
   * @throws UncheckedIOException if the file is missing or unreadable
   */
  public static BarSeries hourly(String symbol) {
    return bars(symbol, "1h");
  }

  /**
   * The funding rates of a bundled symbol.
   *
   * @param symbol {@code BTCUSDT} or {@code ETHUSDT}
   * @return one rate per 8-hour settlement, in time order
   * @throws UncheckedIOException if the file is missing or unreadable
   */
  public static List<FundingRate> funding(String symbol) {
    String file = "binance-futures-um-" + symbol + "-fundingRate.csv.gz";
    try (InputStream in = open(file)) {
      return FundingRateCsvReader.read(in, file, Symbol.of(symbol));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + file, e);
    }
  }

  private static BarSeries bars(String symbol, String interval) {
    String file = "binance-futures-um-" + symbol + "-" + interval + ".csv.gz";
    try (InputStream in = open(file)) {
      return KlineCsvReader.readSeries(in, file, KlineCsvOptions.of(Symbol.of(symbol), interval));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + file, e);
    }
  }
}

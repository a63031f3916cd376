package dev.tyche.binance.ws;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import java.util.Locale;
import java.util.Objects;

/**
 * Binance USDⓈ-M market stream names and the WebSocket route each one lives on (reference sections
 * 0 and 6: since 2026-04-23 a connection only receives the streams of its route). Names are
 * lower-case.
 *
 * <p>Immutable and thread-safe.
 */
public final class StreamNames {

  /** The routed WebSocket base paths. */
  public enum Route {
    /** {@code /public}: high-frequency book data (depth, bookTicker). */
    PUBLIC,
    /** {@code /market}: trades, klines, mark price and other regular market data. */
    MARKET,
    /** {@code /private}: user data. */
    PRIVATE
  }

  /** Diff-depth update speeds. */
  public enum DepthSpeed {
    /** {@code @depth}: 250 ms (the default). */
    MS_250(""),
    /** {@code @depth@500ms}. */
    MS_500("@500ms"),
    /** {@code @depth@100ms}. */
    MS_100("@100ms"),
    /** {@code @depth@0ms}: real time (the speed of the project's captured feed). */
    MS_0("@0ms");

    private final String suffix;

    DepthSpeed(String suffix) {
      this.suffix = suffix;
    }
  }

  private StreamNames() {}

  private static String s(Symbol symbol) {
    return Objects.requireNonNull(symbol, "symbol must not be null")
        .value()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The diff-depth stream, on {@link Route#PUBLIC}.
   *
   * @param symbol the symbol
   * @param speed the update speed
   * @return e.g. {@code btcusdt@depth@100ms}
   */
  public static String depth(Symbol symbol, DepthSpeed speed) {
    return s(symbol) + "@depth" + speed.suffix;
  }

  /**
   * The best bid/ask stream, on {@link Route#PUBLIC}.
   *
   * @param symbol the symbol
   * @return e.g. {@code btcusdt@bookTicker}
   */
  public static String bookTicker(Symbol symbol) {
    return s(symbol) + "@bookTicker";
  }

  /**
   * The aggregate trade stream, on {@link Route#MARKET}.
   *
   * @param symbol the symbol
   * @return e.g. {@code btcusdt@aggTrade}
   */
  public static String aggTrade(Symbol symbol) {
    return s(symbol) + "@aggTrade";
  }

  /**
   * The individual trade stream, on {@link Route#MARKET}.
   *
   * @param symbol the symbol
   * @return e.g. {@code btcusdt@trade}
   */
  public static String trade(Symbol symbol) {
    return s(symbol) + "@trade";
  }

  /**
   * The kline stream, on {@link Route#MARKET}.
   *
   * @param symbol the symbol
   * @param interval the interval
   * @return e.g. {@code btcusdt@kline_1m}
   */
  public static String kline(Symbol symbol, BarInterval interval) {
    return s(symbol) + "@kline_" + interval.code();
  }

  /**
   * The mark price and funding stream at one update per second, on {@link Route#MARKET}.
   *
   * @param symbol the symbol
   * @return e.g. {@code btcusdt@markPrice@1s}
   */
  public static String markPrice(Symbol symbol) {
    return s(symbol) + "@markPrice@1s";
  }

  /**
   * The route a stream name belongs to.
   *
   * @param stream a stream name
   * @return {@link Route#PUBLIC} for depth and bookTicker streams, else {@link Route#MARKET}
   */
  public static Route routeOf(String stream) {
    Objects.requireNonNull(stream, "stream must not be null");
    return stream.contains("@depth") || stream.endsWith("@bookTicker")
        ? Route.PUBLIC
        : Route.MARKET;
  }
}

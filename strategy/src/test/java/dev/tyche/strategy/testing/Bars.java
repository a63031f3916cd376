package dev.tyche.strategy.testing;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.time.BarInterval;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds synthetic bars and funding events for strategy tests. Prices are held to 2 decimals.
 *
 * <p>Immutable and thread-safe (static helpers only).
 */
public final class Bars {

  /** Bars start at 2024-01-01T00:00Z. */
  public static final long START = 1_704_067_200_000L;

  private Bars() {}

  /**
   * One bar.
   *
   * @param symbol the instrument
   * @param interval the interval
   * @param index the bar's position; it opens at {@code START + index * interval}
   * @param open the open
   * @param high the high
   * @param low the low
   * @param close the close
   * @return the bar
   */
  public static Bar bar(
      Symbol symbol,
      BarInterval interval,
      int index,
      double open,
      double high,
      double low,
      double close) {
    return new Bar(
        symbol,
        interval.durationMillis(),
        START + index * interval.durationMillis(),
        price(open),
        price(high),
        price(low),
        price(close),
        Quantity.of(1000, 0));
  }

  /**
   * Bars whose open is the previous close and whose high and low are the larger and smaller of open
   * and close widened by {@code wick}.
   *
   * @param symbol the instrument
   * @param interval the interval
   * @param firstIndex the index of the first bar
   * @param wick how far high and low extend beyond open and close, {@code >= 0}
   * @param closes the closes
   * @return the bars
   */
  public static List<Bar> fromCloses(
      Symbol symbol, BarInterval interval, int firstIndex, double wick, double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      double open = i == 0 ? closes[0] : closes[i - 1];
      double c = closes[i];
      bars.add(
          bar(
              symbol,
              interval,
              firstIndex + i,
              open,
              Math.max(open, c) + wick,
              Math.min(open, c) - wick,
              c));
    }
    return bars;
  }

  /**
   * A funding settlement at the {@code k}-th 8-hour boundary after {@link #START}.
   *
   * @param perpetual the perpetual
   * @param k the settlement number
   * @param rate the rate per interval
   * @return the event
   */
  public static FundingRate funding(Symbol perpetual, int k, double rate) {
    return FundingRate.of(
        perpetual, START + k * 8 * 3_600_000L, Decimal.fromDouble(rate, 8, RoundingMode.HALF_EVEN));
  }

  /**
   * A price at 2 decimals.
   *
   * @param value the value, {@code > 0}
   * @return the price
   */
  public static Price price(double value) {
    return Price.fromDouble(value, 2, RoundingMode.HALF_EVEN);
  }
}

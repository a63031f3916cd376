package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;
import java.util.Optional;

/**
 * Flags ping-pong trading: a rapid run of small trades whose aggressor alternates buy, sell, buy,
 * ... at the same two prices: a participant bouncing between both sides of the touch, or trading
 * with itself, to paint activity (the pattern surveillance systems call ping-pong or wash-like
 * trading). The rule and its thresholds are this library's own.
 *
 * <p><b>Rule.</b> A run is a sequence of consecutive trades in which
 *
 * <ul>
 *   <li>every quantity is at most {@code maxQuantity};
 *   <li>each trade's aggressor is the opposite of the previous trade's;
 *   <li>each trade follows the previous one within {@code maxGapMillis};
 *   <li>every buyer-initiated trade is at one price {@code P_buy} and every seller-initiated trade
 *       at one price {@code P_sell <= P_buy} (the two sides of the touch; prices are compared
 *       exactly, as they come from the venue's price grid).
 * </ul>
 *
 * A trade that breaks the run starts a new one if it is small enough. When a run reaches {@code
 * minTrades} trades it is reported once. This uses trades only: "at the touch" is represented by
 * the two fixed prices, not checked against the book. Each trade is O(1) and allocates nothing
 * except the alert.
 *
 * <p>Mutable; confined to one thread.
 */
public final class PingPongDetector {
  private final double maxQuantity;
  private final long maxGapMillis;
  private final int minTrades;
  private long lastTime = Long.MIN_VALUE;
  private int run;
  private Side lastSide;
  private double buyPrice = Double.NaN;
  private double sellPrice = Double.NaN;
  private long runStart;
  private double runMaxQuantity;
  private boolean reported;

  /**
   * A detector.
   *
   * @param maxQuantity the largest trade that counts as small, base units, finite and positive
   * @param maxGapMillis the longest pause between two trades of a run, zero or positive
   * @param minTrades the run length that is reported, at least 3
   */
  public PingPongDetector(double maxQuantity, long maxGapMillis, int minTrades) {
    this.maxQuantity = Require.positive("maxQuantity", maxQuantity);
    this.maxGapMillis = Require.nonNegative("maxGapMillis", maxGapMillis);
    if (minTrades < 3) {
      throw new IllegalArgumentException("minTrades must be >= 3 but was " + minTrades);
    }
    this.minTrades = minTrades;
  }

  /**
   * Takes a trade.
   *
   * @param time epoch milliseconds, not before the previous trade
   * @param aggressor the side that initiated the trade
   * @param price the trade price, finite and positive
   * @param quantity the traded quantity, base units, finite and positive
   * @return an alert if this trade brought a run to {@code minTrades}
   * @throws IllegalArgumentException if a number is invalid or time runs backwards
   */
  public Optional<PingPongAlert> onTrade(long time, Side aggressor, double price, double quantity) {
    Require.notNull("aggressor", aggressor);
    Require.positive("price", price);
    Require.positive("quantity", quantity);
    Require.notBefore("time", time, lastTime);
    long gap = time - lastTime;
    lastTime = time;
    if (quantity > maxQuantity) {
      run = 0;
      return Optional.empty();
    }
    if (run > 0 && aggressor != lastSide && gap <= maxGapMillis && fitsPrices(aggressor, price)) {
      run++;
    } else {
      run = 1;
      buyPrice = Double.NaN;
      sellPrice = Double.NaN;
      runStart = time;
      runMaxQuantity = 0;
      reported = false;
    }
    if (aggressor == Side.BUY) {
      buyPrice = price;
    } else {
      sellPrice = price;
    }
    lastSide = aggressor;
    runMaxQuantity = Math.max(runMaxQuantity, quantity);
    if (run >= minTrades && !reported) {
      reported = true;
      return Optional.of(
          new PingPongAlert(time, runStart, run, runMaxQuantity, buyPrice, sellPrice));
    }
    return Optional.empty();
  }

  private boolean fitsPrices(Side aggressor, double price) {
    if (aggressor == Side.BUY) {
      return Double.isNaN(buyPrice) ? price >= sellPrice : price == buyPrice;
    }
    return Double.isNaN(sellPrice) ? price <= buyPrice : price == sellPrice;
  }

  /**
   * The length of the current run.
   *
   * @return trades, 0 after a trade too large to count
   */
  public int runLength() {
    return run;
  }
}

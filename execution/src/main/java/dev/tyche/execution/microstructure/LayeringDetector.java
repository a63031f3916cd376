package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.BookDeltaBuffer;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Flags layering (spoofing) on an L2 book: large orders placed at several price levels on one side,
 * then cancelled, while volume trades against the other side of the book.
 *
 * <p>The pattern is the one in the CFTC and FCA cases (e.g. CFTC v. Nav Sarao Futures Ltd., 2015;
 * FCA Final Notice to Da Vinci Invest, 2015): non-bona-fide orders layered on one side move other
 * participants' view of supply and demand, the manipulator's genuine orders on the other side are
 * filled, and the layers are cancelled. Public L2 data has no order ids, so orders are inferred
 * from level quantities:
 *
 * <ol>
 *   <li><b>Large add.</b> A level on side {@code S} whose quantity rises by at least {@code
 *       minAddQuantity} at a price within {@code maxDistanceBps} of the same side's best price. A
 *       further large rise at a price already tracked adds to it. At most 64 adds per side are
 *       tracked; the oldest is forgotten when more arrive.
 *   <li><b>Cancel.</b> Decreases of that level, less the volume traded at that price against side
 *       {@code S} since the add (executions are not cancels), reach {@code minCancelFraction} of
 *       the added quantity within {@code maxLifetimeMillis} of the add. Adds that live longer are
 *       forgotten: resting liquidity is not spoofing.
 *   <li><b>Opposite trades.</b> Volume traded against the other side of the book in the window:
 *       buyer-initiated volume (lifting asks) for bid layers, seller-initiated volume for ask
 *       layers.
 *   <li><b>Alert.</b> At a cancel or a trade at time {@code t}: cancels of side {@code S} in {@code
 *       (t - W, t]} cover at least {@code minLevels} distinct prices, and the opposite-trade volume
 *       in the same window is at least {@code minOppositeTradeQuantity}. Checking at both kinds of
 *       event catches cancels shortly before and shortly after the trades. The side then stays
 *       silent for {@code W}, and its cancel record is cleared.
 * </ol>
 *
 * <p>Limitations: a trade published after the depth message that removed its quantity makes that
 * execution look like a cancel (Binance sends trades and depth on separate streams); L2 aggregation
 * hides a large order joined or left by others at the same price. Thresholds must be set per
 * instrument. Each event costs O(64) at most; nothing is allocated except alerts.
 *
 * <p>Mutable; confined to one thread.
 */
public final class LayeringDetector {
  private static final int CAPACITY = 64;

  /**
   * The detector's thresholds.
   *
   * <p>Immutable and thread-safe.
   *
   * @param minAddQuantity the least rise of a level's quantity that counts as a large order, base
   *     units, finite and positive
   * @param maxDistanceBps how far from the same side's best price a large order may be, bps of that
   *     price, finite and >= 0
   * @param minCancelFraction the share of the added quantity that must be cancelled, in (0, 1]
   * @param maxLifetimeMillis the longest time from add to cancel that counts, positive
   * @param minLevels the least number of distinct cancelled prices in the window, positive
   * @param windowMillis {@code W}, positive
   * @param minOppositeTradeQuantity the least volume traded against the other side in the window,
   *     base units, finite and positive
   */
  public record Rule(
      double minAddQuantity,
      double maxDistanceBps,
      double minCancelFraction,
      long maxLifetimeMillis,
      int minLevels,
      long windowMillis,
      double minOppositeTradeQuantity) {

    public Rule {
      Require.positive("minAddQuantity", minAddQuantity);
      Require.nonNegative("maxDistanceBps", maxDistanceBps);
      if (!(minCancelFraction > 0 && minCancelFraction <= 1)) {
        throw new IllegalArgumentException(
            "minCancelFraction must be in (0, 1] but was " + minCancelFraction);
      }
      Require.positive("maxLifetimeMillis", maxLifetimeMillis);
      Require.positive("minLevels", minLevels);
      Require.positive("windowMillis", windowMillis);
      Require.positive("minOppositeTradeQuantity", minOppositeTradeQuantity);
    }
  }

  /** One side's tracked large adds and recent cancels. */
  private static final class SideState {
    final double[] addPrice = new double[CAPACITY];
    final double[] addQuantity = new double[CAPACITY];
    final long[] addTime = new long[CAPACITY];
    final double[] decreased = new double[CAPACITY];
    final double[] traded = new double[CAPACITY];
    final boolean[] active = new boolean[CAPACITY];
    final long[] cancelTime = new long[CAPACITY];
    final double[] cancelPrice = new double[CAPACITY];
    final double[] cancelQuantity = new double[CAPACITY];
    int cancels;
    int activeCount;
    long silentUntil = Long.MIN_VALUE;
  }

  private final Rule rule;
  private final SideState bids = new SideState();
  private final SideState asks = new SideState();
  private final TimeWindowSum buyAggressorVolume;
  private final TimeWindowSum sellAggressorVolume;
  private long lastTime = Long.MIN_VALUE;

  /**
   * A detector.
   *
   * @param rule the thresholds
   */
  public LayeringDetector(Rule rule) {
    this.rule = Require.notNull("rule", rule);
    this.buyAggressorVolume = new TimeWindowSum(rule.windowMillis(), 256);
    this.sellAggressorVolume = new TimeWindowSum(rule.windowMillis(), 256);
  }

  /**
   * The thresholds.
   *
   * @return the rule
   */
  public Rule rule() {
    return rule;
  }

  /**
   * Takes one level's change.
   *
   * @param time epoch milliseconds, not before the previous event
   * @param side {@link Side#BUY} for a bid level, {@link Side#SELL} for an ask level
   * @param price the level's price, finite and positive
   * @param previousQuantity the level's quantity before the change, base units, finite and >= 0
   * @param newQuantity the level's quantity after the change, base units, finite and >= 0
   * @param sameSideBest the best price of {@code side} before the change, finite and positive
   * @return an alert if this change completed the pattern
   * @throws IllegalArgumentException if a number is invalid or time runs backwards
   */
  public Optional<LayeringAlert> onLevelChange(
      long time,
      Side side,
      double price,
      double previousQuantity,
      double newQuantity,
      double sameSideBest) {
    Require.notNull("side", side);
    Require.positive("price", price);
    Require.nonNegative("previousQuantity", previousQuantity);
    Require.nonNegative("newQuantity", newQuantity);
    Require.positive("sameSideBest", sameSideBest);
    clock(time);
    SideState s = state(side);
    double change = newQuantity - previousQuantity;
    if (change >= rule.minAddQuantity()) {
      double distanceBps = 10_000.0 * Math.abs(price - sameSideBest) / sameSideBest;
      if (distanceBps <= rule.maxDistanceBps()) {
        registerAdd(s, time, price, change);
      }
      return Optional.empty();
    }
    if (change < 0) {
      int i = find(s, price);
      if (i >= 0) {
        s.decreased[i] -= change;
        double cancelled = s.decreased[i] - s.traded[i];
        if (cancelled >= rule.minCancelFraction() * s.addQuantity[i]) {
          s.active[i] = false;
          s.activeCount--;
          recordCancel(s, time, price, Math.min(cancelled, s.addQuantity[i]));
          return evaluate(time, side, s);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Takes a diff-depth message before it is applied to the book, reading each level's previous
   * quantity and the best prices from {@code bookBefore}. Bids are processed before asks.
   *
   * @param time epoch milliseconds, not before the previous event (pass the delta's event time, or
   *     a merged clock when streams are interleaved)
   * @param delta the message, in {@code bookBefore}'s units
   * @param bookBefore the book as it was before {@code delta}; not modified
   * @param sink receives each alert
   * @return the number of alerts
   */
  public int onDelta(
      long time,
      BookDeltaBuffer delta,
      OrderBook bookBefore,
      Consumer<? super LayeringAlert> sink) {
    Require.notNull("delta", delta);
    Require.notNull("bookBefore", bookBefore);
    Require.notNull("sink", sink);
    double priceDivisor = Math.pow(10, bookBefore.instrument().priceScale());
    double quantityDivisor = Math.pow(10, bookBefore.instrument().quantityScale());
    int alerts = 0;
    for (int pass = 0; pass < 2; pass++) {
      Side side = pass == 0 ? Side.BUY : Side.SELL;
      int n = pass == 0 ? delta.bidCount() : delta.askCount();
      boolean hasBest = pass == 0 ? bookBefore.hasBid() : bookBefore.hasAsk();
      long best =
          hasBest
              ? (pass == 0 ? bookBefore.bestBidPriceUnits() : bookBefore.bestAskPriceUnits())
              : 0;
      for (int i = 0; i < n; i++) {
        long p = pass == 0 ? delta.bidPrice(i) : delta.askPrice(i);
        long q = pass == 0 ? delta.bidQuantity(i) : delta.askQuantity(i);
        long before = bookBefore.quantityAtUnits(side, p);
        if (before == q) {
          continue;
        }
        Optional<LayeringAlert> alert =
            onLevelChange(
                time,
                side,
                p / priceDivisor,
                before / quantityDivisor,
                q / quantityDivisor,
                (hasBest ? best : p) / priceDivisor);
        if (alert.isPresent()) {
          sink.accept(alert.get());
          alerts++;
        }
      }
    }
    return alerts;
  }

  /**
   * Takes a trade.
   *
   * @param time epoch milliseconds, not before the previous event
   * @param aggressor the side that initiated the trade
   * @param price the trade price, finite and positive
   * @param quantity the traded quantity, base units, finite and positive
   * @return an alert if this trade completed the pattern (for the side opposite to the aggressor's
   *     fills: a buyer-initiated trade can complete bid layering)
   * @throws IllegalArgumentException if a number is invalid or time runs backwards
   */
  public Optional<LayeringAlert> onTrade(long time, Side aggressor, double price, double quantity) {
    Require.notNull("aggressor", aggressor);
    Require.positive("price", price);
    Require.positive("quantity", quantity);
    clock(time);
    // A buyer lifts asks, so its volume is executions against ask-side adds at that price.
    SideState hit = aggressor == Side.BUY ? asks : bids;
    int i = find(hit, price);
    if (i >= 0) {
      hit.traded[i] += quantity;
    }
    if (aggressor == Side.BUY) {
      buyAggressorVolume.add(time, quantity);
      sellAggressorVolume.advance(time);
      return evaluate(time, Side.BUY, bids);
    }
    sellAggressorVolume.add(time, quantity);
    buyAggressorVolume.advance(time);
    return evaluate(time, Side.SELL, asks);
  }

  private void clock(long time) {
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    expire(bids, time);
    expire(asks, time);
  }

  private SideState state(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  private void expire(SideState s, long time) {
    if (s.activeCount == 0) {
      return;
    }
    for (int i = 0; i < CAPACITY; i++) {
      if (s.active[i] && time - s.addTime[i] > rule.maxLifetimeMillis()) {
        s.active[i] = false;
        s.activeCount--;
      }
    }
  }

  private static int find(SideState s, double price) {
    if (s.activeCount == 0) {
      return -1;
    }
    for (int i = 0; i < CAPACITY; i++) {
      if (s.active[i] && s.addPrice[i] == price) {
        return i;
      }
    }
    return -1;
  }

  private static void registerAdd(SideState s, long time, double price, double quantity) {
    int i = find(s, price);
    if (i >= 0) {
      s.addQuantity[i] += quantity;
      return;
    }
    int slot = -1;
    long oldest = Long.MAX_VALUE;
    for (int j = 0; j < CAPACITY; j++) {
      if (!s.active[j]) {
        slot = j;
        break;
      }
      if (s.addTime[j] < oldest) {
        oldest = s.addTime[j];
        slot = j;
      }
    }
    if (!s.active[slot]) {
      s.activeCount++;
    }
    s.active[slot] = true;
    s.addPrice[slot] = price;
    s.addQuantity[slot] = quantity;
    s.addTime[slot] = time;
    s.decreased[slot] = 0;
    s.traded[slot] = 0;
  }

  private static void recordCancel(SideState s, long time, double price, double quantity) {
    if (s.cancels == CAPACITY) {
      // Keep the newest: shift out the oldest (rare; the window normally holds few cancels).
      System.arraycopy(s.cancelTime, 1, s.cancelTime, 0, CAPACITY - 1);
      System.arraycopy(s.cancelPrice, 1, s.cancelPrice, 0, CAPACITY - 1);
      System.arraycopy(s.cancelQuantity, 1, s.cancelQuantity, 0, CAPACITY - 1);
      s.cancels--;
    }
    s.cancelTime[s.cancels] = time;
    s.cancelPrice[s.cancels] = price;
    s.cancelQuantity[s.cancels] = quantity;
    s.cancels++;
  }

  private Optional<LayeringAlert> evaluate(long time, Side side, SideState s) {
    long cutoff = time - rule.windowMillis();
    int keep = 0;
    for (int i = 0; i < s.cancels; i++) {
      if (s.cancelTime[i] > cutoff) {
        s.cancelTime[keep] = s.cancelTime[i];
        s.cancelPrice[keep] = s.cancelPrice[i];
        s.cancelQuantity[keep] = s.cancelQuantity[i];
        keep++;
      }
    }
    s.cancels = keep;
    if (keep < rule.minLevels() || time < s.silentUntil) {
      return Optional.empty();
    }
    int distinct = 0;
    double quantity = 0;
    for (int i = 0; i < keep; i++) {
      quantity += s.cancelQuantity[i];
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = s.cancelPrice[j] == s.cancelPrice[i];
      }
      if (!seen) {
        distinct++;
      }
    }
    TimeWindowSum opposite = side == Side.BUY ? buyAggressorVolume : sellAggressorVolume;
    opposite.advance(time);
    double oppositeVolume = opposite.sum();
    if (distinct < rule.minLevels() || oppositeVolume < rule.minOppositeTradeQuantity()) {
      return Optional.empty();
    }
    s.silentUntil = time + rule.windowMillis();
    s.cancels = 0;
    return Optional.of(
        new LayeringAlert(time, side, distinct, quantity, oppositeVolume, rule.windowMillis()));
  }
}

package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;

/**
 * Streaming effective, realised spread and price impact of every trade, with an explicit horizon
 * {@code Δt} (formulas in {@link Spreads}: Huang and Stoll 1996; Bessembinder 2003).
 *
 * <p>Feed it quotes and trades in time order. A trade is measured against the mid of the last quote
 * received before it. Its realised spread and price impact need the mid prevailing at {@code t +
 * Δt}, the last quote with time {@code <= t + Δt}; that is known for sure only once an event
 * strictly later than {@code t + Δt} arrives (another quote could still come at exactly {@code t +
 * Δt}), so the trade stays pending until then. {@link #advanceTo(long)} moves the clock without an
 * event, e.g. at the end of a session.
 *
 * <p>Averages are equal-weighted over trades: {@link #meanEffectiveSpreadBps()} and {@link
 * #meanSignedEffectiveSpreadBps()} over every trade seen, {@link #meanRealisedSpreadBps()} and
 * {@link #meanPriceImpactBps()} over the trades already resolved, so that the resolved signed
 * effective spread equals realised + impact ({@link #meanResolvedSignedEffectiveSpreadBps()}).
 * Every update is O(1) amortised (a trade is queued once and resolved once) and allocates nothing
 * once the pending queue has grown to the busiest {@code Δt} window.
 *
 * <p>Mutable; confined to one thread.
 */
public final class SpreadDecomposition {
  private static final double BPS = 10_000.0;

  private final long horizon;
  private long lastTime = Long.MIN_VALUE;
  private double mid = Double.NaN;

  // Pending trades, a ring: resolution time (t + Δt), price, direction D, mid before the trade.
  private long[] deadlines = new long[64];
  private double[] prices = new double[64];
  private int[] directions = new int[64];
  private double[] midsBefore = new double[64];
  private int head;
  private int size;

  private long trades;
  private long resolved;
  private double sumEffective;
  private double sumSigned;
  private double sumResolvedSigned;
  private double sumRealised;
  private double sumImpact;
  private double lastEffective = Double.NaN;

  /**
   * A decomposition with horizon {@code Δt}.
   *
   * @param horizonMillis {@code Δt} in milliseconds, positive (Bessembinder uses 5 minutes on
   *     equities; on a crypto perpetual, a few seconds is a common choice)
   */
  public SpreadDecomposition(long horizonMillis) {
    this.horizon = Require.positive("horizonMillis", horizonMillis);
  }

  /**
   * The horizon {@code Δt}.
   *
   * @return milliseconds
   */
  public long horizonMillis() {
    return horizon;
  }

  /**
   * Takes a new best bid and ask.
   *
   * @param time the quote time, epoch milliseconds, not before the previous event
   * @param bid the best bid, finite and positive
   * @param ask the best ask, above {@code bid}
   * @throws IllegalArgumentException if time runs backwards or the quote is invalid
   */
  public void onQuote(long time, double bid, double ask) {
    Checks.quote(bid, ask);
    advanceTo(time);
    mid = 0.5 * (bid + ask);
  }

  /**
   * Takes a trade and returns its effective spread.
   *
   * @param time the trade time, epoch milliseconds, not before the previous event
   * @param price the trade price, finite and positive
   * @param aggressor the side that initiated the trade
   * @return the effective spread {@code 2 |P - M| / M} in bps against the last quote's mid
   * @throws IllegalArgumentException if time runs backwards or the price is invalid
   * @throws IllegalStateException if no quote has been received yet
   */
  public double onTrade(long time, double price, Side aggressor) {
    Require.positive("price", price);
    Require.notNull("aggressor", aggressor);
    if (Double.isNaN(mid)) {
      throw new IllegalStateException("no quote yet: a trade needs the mid before it");
    }
    advanceTo(time);
    int d = aggressor.sign();
    double effective = 2.0 * BPS * Math.abs(price - mid) / mid;
    double signed = 2.0 * BPS * d * (price - mid) / mid;
    trades++;
    sumEffective += effective;
    sumSigned += signed;
    lastEffective = effective;
    if (size == deadlines.length) {
      grow();
    }
    int slot = (head + size) % deadlines.length;
    deadlines[slot] = time + horizon;
    prices[slot] = price;
    directions[slot] = d;
    midsBefore[slot] = mid;
    size++;
    return effective;
  }

  /**
   * Moves the clock: resolves every pending trade whose {@code t + Δt} is strictly before {@code
   * time} against the mid prevailing now (nothing newer has arrived).
   *
   * @param time epoch milliseconds, not before the previous event
   * @throws IllegalArgumentException if time runs backwards
   */
  public void advanceTo(long time) {
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    while (size > 0 && deadlines[head] < time) {
      double m0 = midsBefore[head];
      double p = prices[head];
      int d = directions[head];
      double realised = 2.0 * BPS * d * (p - mid) / m0;
      double impact = 2.0 * BPS * d * (mid - m0) / m0;
      sumRealised += realised;
      sumImpact += impact;
      sumResolvedSigned += 2.0 * BPS * d * (p - m0) / m0;
      resolved++;
      head = (head + 1) % deadlines.length;
      size--;
    }
  }

  /**
   * The current mid.
   *
   * @return {@code (bid + ask) / 2} of the last quote, NaN before the first quote
   */
  public double mid() {
    return mid;
  }

  /**
   * The number of trades seen.
   *
   * @return the count
   */
  public long trades() {
    return trades;
  }

  /**
   * The number of trades whose realised spread is known.
   *
   * @return the count
   */
  public long resolvedTrades() {
    return resolved;
  }

  /**
   * The number of trades still waiting for their mid at {@code t + Δt}.
   *
   * @return the count
   */
  public int pendingTrades() {
    return size;
  }

  /**
   * The effective spread of the last trade.
   *
   * @return bps, NaN before the first trade
   */
  public double lastEffectiveSpreadBps() {
    return lastEffective;
  }

  /**
   * The mean effective spread {@code 2 |P - M| / M} over every trade.
   *
   * @return bps, NaN before the first trade
   */
  public double meanEffectiveSpreadBps() {
    return trades == 0 ? Double.NaN : sumEffective / trades;
  }

  /**
   * The mean signed effective spread {@code 2 D (P - M) / M} over every trade.
   *
   * @return bps, NaN before the first trade
   */
  public double meanSignedEffectiveSpreadBps() {
    return trades == 0 ? Double.NaN : sumSigned / trades;
  }

  /**
   * The mean signed effective spread over the resolved trades only; equals {@link
   * #meanRealisedSpreadBps()} + {@link #meanPriceImpactBps()} up to rounding.
   *
   * @return bps, NaN before the first resolution
   */
  public double meanResolvedSignedEffectiveSpreadBps() {
    return resolved == 0 ? Double.NaN : sumResolvedSigned / resolved;
  }

  /**
   * The mean realised spread {@code 2 D (P - M_{t+Δt}) / M} over the resolved trades.
   *
   * @return bps, NaN before the first resolution
   */
  public double meanRealisedSpreadBps() {
    return resolved == 0 ? Double.NaN : sumRealised / resolved;
  }

  /**
   * The mean price impact {@code 2 D (M_{t+Δt} - M) / M} over the resolved trades.
   *
   * @return bps, NaN before the first resolution
   */
  public double meanPriceImpactBps() {
    return resolved == 0 ? Double.NaN : sumImpact / resolved;
  }

  private void grow() {
    int n = deadlines.length;
    long[] t = new long[2 * n];
    double[] p = new double[2 * n];
    int[] d = new int[2 * n];
    double[] m = new double[2 * n];
    for (int i = 0; i < size; i++) {
      int j = (head + i) % n;
      t[i] = deadlines[j];
      p[i] = prices[j];
      d[i] = directions[j];
      m[i] = midsBefore[j];
    }
    deadlines = t;
    prices = p;
    directions = d;
    midsBefore = m;
    head = 0;
  }
}

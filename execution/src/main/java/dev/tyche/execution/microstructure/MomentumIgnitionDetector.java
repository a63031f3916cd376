package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;
import java.util.Optional;

/**
 * Flags momentum ignition: a burst of aggressive trades on one side that moves the price, followed
 * by a reversal, the strategy described in the SEC's "Concept release on equity market structure"
 * (Release No. 34-61358, 2010). The thresholds below are this library's rule, not the SEC's.
 *
 * <p><b>Rule.</b> Trades are kept over a trailing burst window {@code (t - B, t]}.
 *
 * <ol>
 *   <li><b>Burst.</b> At trade time {@code t}, with {@code k} trades in the window, side {@code S}
 *       the side with more aggressive volume, first price {@code P_0} and current price {@code P}:
 *       {@code k >= minBurstTrades}, {@code S}'s share of the volume is at least {@code
 *       minDominance}, and {@code sign(S) (P - P_0) / P_0 >= minMoveBps / 10^4}. The extreme {@code
 *       P_x} is then tracked while the price keeps going in {@code S}'s direction.
 *   <li><b>Reversal.</b> A later trade at {@code P} with {@code sign(S) (P_x - P) >=
 *       minReversalFraction sign(S) (P_x - P_0)}, no later than {@code maxReversalMillis} after the
 *       trade that set the extreme, is reported. If that time passes first, the burst is dropped
 *       without an alert.
 * </ol>
 *
 * After an alert or a dropped burst the trade window restarts empty, so one episode gives one
 * alert. Moves are in bps of {@code P_0}. Each trade costs O(1) amortised; nothing is allocated
 * except the alert, once the window's ring has grown to the busiest window.
 *
 * <p>Mutable; confined to one thread.
 */
public final class MomentumIgnitionDetector {

  /**
   * The detector's thresholds.
   *
   * <p>Immutable and thread-safe.
   *
   * @param burstWindowMillis {@code B}, positive
   * @param minBurstTrades the least number of trades in the burst window, at least 2
   * @param minDominance the least share of the burst volume on one side, in [0.5, 1]
   * @param minMoveBps the least move in the burst's direction, bps, finite and positive
   * @param minReversalFraction the least retracement as a share of the move, in (0, 1]
   * @param maxReversalMillis the longest wait from the extreme to the reversal, positive
   */
  public record Rule(
      long burstWindowMillis,
      int minBurstTrades,
      double minDominance,
      double minMoveBps,
      double minReversalFraction,
      long maxReversalMillis) {

    public Rule {
      Require.positive("burstWindowMillis", burstWindowMillis);
      if (minBurstTrades < 2) {
        throw new IllegalArgumentException("minBurstTrades must be >= 2 but was " + minBurstTrades);
      }
      if (!(minDominance >= 0.5 && minDominance <= 1)) {
        throw new IllegalArgumentException(
            "minDominance must be in [0.5, 1] but was " + minDominance);
      }
      Require.positive("minMoveBps", minMoveBps);
      if (!(minReversalFraction > 0 && minReversalFraction <= 1)) {
        throw new IllegalArgumentException(
            "minReversalFraction must be in (0, 1] but was " + minReversalFraction);
      }
      Require.positive("maxReversalMillis", maxReversalMillis);
    }
  }

  private final Rule rule;
  private long[] times = new long[256];
  private double[] prices = new double[256];
  private double[] signedVolumes = new double[256];
  private int head;
  private int size;
  private double buyVolume;
  private double sellVolume;
  private long lastTime = Long.MIN_VALUE;

  private boolean inBurst;
  private int burstSign;
  private double startPrice;
  private double extreme;
  private long extremeTime;
  private long burstStart;
  private int burstTrades;

  /**
   * A detector.
   *
   * @param rule the thresholds
   */
  public MomentumIgnitionDetector(Rule rule) {
    this.rule = Require.notNull("rule", rule);
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
   * Whether a burst is being followed, waiting for a reversal.
   *
   * @return true between a burst and its reversal or timeout
   */
  public boolean inBurst() {
    return inBurst;
  }

  /**
   * Takes a trade.
   *
   * @param time epoch milliseconds, not before the previous trade
   * @param aggressor the side that initiated the trade
   * @param price the trade price, finite and positive
   * @param quantity the traded quantity, base units, finite and positive
   * @return an alert if this trade completed a reversal
   * @throws IllegalArgumentException if a number is invalid or time runs backwards
   */
  public Optional<MomentumIgnitionAlert> onTrade(
      long time, Side aggressor, double price, double quantity) {
    Require.notNull("aggressor", aggressor);
    Require.positive("price", price);
    Require.positive("quantity", quantity);
    Require.notBefore("time", time, lastTime);
    lastTime = time;
    if (inBurst) {
      if (time - extremeTime > rule.maxReversalMillis()) {
        restart(); // no reversal in time: the move stuck, which is not ignition
      } else {
        return followBurst(time, price);
      }
    }
    push(time, price, aggressor.sign() * quantity);
    if (size >= rule.minBurstTrades()) {
      double total = buyVolume + sellVolume;
      int sign = buyVolume >= sellVolume ? 1 : -1;
      double dominant = sign > 0 ? buyVolume : sellVolume;
      double p0 = prices[head];
      double moveBps = 10_000.0 * sign * (price - p0) / p0;
      if (dominant >= rule.minDominance() * total && moveBps >= rule.minMoveBps()) {
        inBurst = true;
        burstSign = sign;
        startPrice = p0;
        extreme = price;
        extremeTime = time;
        burstStart = times[head];
        burstTrades = size;
      }
    }
    return Optional.empty();
  }

  private Optional<MomentumIgnitionAlert> followBurst(long time, double price) {
    if (burstSign * (price - extreme) > 0) {
      extreme = price;
      extremeTime = time;
      burstTrades++;
      return Optional.empty();
    }
    double move = burstSign * (extreme - startPrice);
    double retracement = burstSign * (extreme - price);
    if (retracement > 0 && retracement >= rule.minReversalFraction() * move) {
      MomentumIgnitionAlert alert =
          new MomentumIgnitionAlert(
              time,
              burstSign > 0 ? Side.BUY : Side.SELL,
              burstStart,
              extremeTime,
              burstTrades,
              10_000.0 * move / startPrice,
              10_000.0 * retracement / startPrice);
      restart();
      return Optional.of(alert);
    }
    return Optional.empty();
  }

  private void restart() {
    inBurst = false;
    head = 0;
    size = 0;
    buyVolume = 0;
    sellVolume = 0;
  }

  private void push(long time, double price, double signedVolume) {
    long cutoff = time - rule.burstWindowMillis();
    while (size > 0 && times[head] <= cutoff) {
      double v = signedVolumes[head];
      if (v > 0) {
        buyVolume -= v;
      } else {
        sellVolume += v;
      }
      head = (head + 1) % times.length;
      size--;
    }
    if (size == 0) {
      buyVolume = 0; // clear rounding residue
      sellVolume = 0;
    }
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = time;
    prices[slot] = price;
    signedVolumes[slot] = signedVolume;
    size++;
    if (signedVolume > 0) {
      buyVolume += signedVolume;
    } else {
      sellVolume -= signedVolume;
    }
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[2 * n];
    double[] p = new double[2 * n];
    double[] v = new double[2 * n];
    for (int i = 0; i < size; i++) {
      int j = (head + i) % n;
      t[i] = times[j];
      p[i] = prices[j];
      v[i] = signedVolumes[j];
    }
    times = t;
    prices = p;
    signedVolumes = v;
    head = 0;
  }
}

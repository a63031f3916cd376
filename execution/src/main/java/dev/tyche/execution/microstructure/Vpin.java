package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;

/**
 * Volume-synchronised probability of informed trading (VPIN) on equal-volume buckets.
 *
 * <p>Easley, López de Prado and O'Hara, "Flow toxicity and liquidity in a high-frequency world",
 * Review of Financial Studies 25(5) (2012): trades are grouped into buckets of exactly {@code V}
 * base units (a trade straddling a bucket boundary is split between the two buckets), the volume of
 * bucket {@code tau} is split into buy volume {@code V^B_tau} and sell volume {@code V^S_tau}, and
 *
 * <pre>{@code
 * VPIN = sum_{tau = 1..n} |V^S_tau - V^B_tau| / (n V)
 * }</pre>
 *
 * over the last {@code n} complete buckets. It lies in {@code [0, 1]}. The paper classifies volume
 * with <em>bulk volume classification</em> on one-minute time bars ({@code V^B = V Z(dP / sigma)});
 * this class does <b>not</b> implement BVC. It offers the two trade-level rules of {@link
 * VpinClassification}: the exchange's aggressor flag (default, exact where the venue publishes it)
 * or the tick rule. Each bucket's term is computed as {@code |V^S - V^B| / (V^S + V^B)}, which is
 * the paper's {@code |V^S - V^B| / V} for a full bucket and cannot exceed 1 under rounding.
 *
 * <p>A trade costs O(1 + q / V) for quantity {@code q}; closing a bucket costs O(n) (the window sum
 * is recomputed, so it cannot drift). Nothing is allocated after construction.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Vpin {
  // A bucket counts as full within this relative tolerance, so rounding of split trades cannot
  // leave a sliver bucket behind.
  private static final double FULL = 1 - 1e-12;

  private final double bucketVolume;
  private final int windowBuckets;
  private final VpinClassification classification;
  private final double[] terms;
  private int next;
  private long completed;
  private double buy;
  private double sell;
  private double lastPrice = Double.NaN;
  private int tickSign;
  private double vpin = Double.NaN;

  /**
   * A VPIN estimator.
   *
   * @param bucketVolume {@code V}, the volume per bucket in base units, finite and positive (the
   *     paper uses one fiftieth of the average daily volume)
   * @param windowBuckets {@code n}, the number of buckets averaged, positive (the paper uses 50)
   * @param classification how volume is split into buys and sells
   */
  public Vpin(double bucketVolume, int windowBuckets, VpinClassification classification) {
    this.bucketVolume = Require.positive("bucketVolume", bucketVolume);
    this.windowBuckets = Require.positive("windowBuckets", windowBuckets);
    this.classification = Require.notNull("classification", classification);
    this.terms = new double[windowBuckets];
  }

  /**
   * Takes a trade.
   *
   * @param price the trade price, finite and positive (used by the tick rule)
   * @param quantity the traded quantity in base units, finite and positive
   * @param aggressor the side that initiated the trade (used by {@link
   *     VpinClassification#AGGRESSOR})
   * @return the number of buckets this trade completed
   * @throws IllegalArgumentException if a number is invalid
   */
  public int onTrade(double price, double quantity, Side aggressor) {
    Require.positive("price", price);
    Require.positive("quantity", quantity);
    Require.notNull("aggressor", aggressor);
    double buyShare;
    if (classification == VpinClassification.AGGRESSOR) {
      buyShare = aggressor == Side.BUY ? 1.0 : 0.0;
    } else {
      if (!Double.isNaN(lastPrice) && price != lastPrice) {
        tickSign = price > lastPrice ? 1 : -1;
      }
      lastPrice = price;
      buyShare = tickSign == 0 ? 0.5 : (tickSign > 0 ? 1.0 : 0.0);
    }
    int closed = 0;
    double remaining = quantity;
    while (remaining > 0) {
      double room = bucketVolume - (buy + sell);
      double take = Math.min(remaining, room);
      buy += take * buyShare;
      sell += take * (1 - buyShare);
      remaining -= take;
      if (buy + sell >= FULL * bucketVolume) {
        closeBucket();
        closed++;
      }
      if (remaining <= bucketVolume * 1e-12) {
        break; // a rounding remainder, not volume
      }
    }
    return closed;
  }

  private void closeBucket() {
    terms[next] = Math.abs(sell - buy) / (sell + buy);
    next = (next + 1) % windowBuckets;
    completed++;
    buy = 0;
    sell = 0;
    if (completed >= windowBuckets) {
      double s = 0;
      for (double t : terms) {
        s += t;
      }
      vpin = Math.min(1.0, s / windowBuckets);
    }
  }

  /**
   * Whether {@code n} buckets have been completed.
   *
   * @return true if {@link #value()} is defined
   */
  public boolean isReady() {
    return completed >= windowBuckets;
  }

  /**
   * VPIN over the last {@code n} complete buckets.
   *
   * @return a value in {@code [0, 1]}
   * @throws IllegalStateException if fewer than {@code n} buckets are complete
   */
  public double value() {
    if (!isReady()) {
      throw new IllegalStateException(
          "VPIN needs " + windowBuckets + " complete buckets but had " + completed);
    }
    return vpin;
  }

  /**
   * The number of buckets completed since construction.
   *
   * @return the count
   */
  public long completedBuckets() {
    return completed;
  }

  /**
   * The volume in the bucket being filled.
   *
   * @return base units, in {@code [0, V)}
   */
  public double currentBucketVolume() {
    return buy + sell;
  }

  /**
   * The bucket size.
   *
   * @return {@code V}, base units
   */
  public double bucketVolume() {
    return bucketVolume;
  }

  /**
   * The window.
   *
   * @return {@code n}, buckets
   */
  public int windowBuckets() {
    return windowBuckets;
  }
}

package dev.tyche.backtest.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link SleeveAttribution} splits a backtest into strategy sleeves and what it compares them
 * with.
 *
 * <p><b>Portfolio.</b> All strategies share one account, so each sleeve is given a notional share
 * of the initial equity, {@code C_s,0 = capitalShare_s * E_0}, and its capital then moves with its
 * own PnL: {@code C_s,t = C_s,0 + PnL_s,t}. The sleeve's weight at the start of a period is {@code
 * C_s,t-1 / sum_s C_s,t-1} and its return {@code (PnL_s,t - PnL_s,t-1) / C_s,t-1}.
 *
 * <p><b>Benchmark.</b> Fixed weights, rebalanced every period, and a return per sleeve and period.
 * A sleeve without a stated benchmark return is compared with itself (its benchmark return is its
 * own return), so the default, {@link #equalWeight()}, is the <em>equal-weight portfolio of the
 * sleeves</em>: every sleeve at {@code 1/N}, rebalanced each period. Against it, selection and
 * interaction are zero and allocation measures what the capital split (and its drift) earned over
 * holding the sleeves equally. A <em>buy-and-hold</em> benchmark states each sleeve's passive
 * return (e.g. of the instrument it trades, from {@link #periodReturns}) so that selection measures
 * the sleeve's timing against holding its market.
 *
 * <p>Immutable and thread-safe (maps and arrays are copied in and out).
 *
 * @param capitalShares each sleeve's share of the initial equity, finite, summing to 1; a sleeve
 *     not listed gets 0; empty = equal shares for every strategy except {@code "venue"} (the bucket
 *     of liquidations, which gets 0)
 * @param benchmarkWeights each sleeve's benchmark weight, finite, summing to 1; a sleeve not listed
 *     gets 0; empty = equal weights over the sleeves with a positive capital share
 * @param benchmarkReturns per sleeve, the benchmark's simple return in each sampling period (one
 *     per pair of consecutive equity-curve samples), finite; a sleeve not listed is its own
 *     benchmark
 */
public record AttributionSettings(
    Map<String, Double> capitalShares,
    Map<String, Double> benchmarkWeights,
    Map<String, double[]> benchmarkReturns) {

  /** Tolerance for the sums of shares and weights. */
  static final double SUM_TOLERANCE = 1e-9;

  /** Validates and copies. */
  public AttributionSettings {
    capitalShares = shares(capitalShares, "capitalShares");
    benchmarkWeights = shares(benchmarkWeights, "benchmarkWeights");
    Objects.requireNonNull(benchmarkReturns, "benchmarkReturns must not be null");
    Map<String, double[]> r = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : benchmarkReturns.entrySet()) {
      String k = Objects.requireNonNull(e.getKey(), "benchmarkReturns keys must not be null");
      double[] v = Objects.requireNonNull(e.getValue(), "benchmarkReturns of " + k);
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i]) || v[i] <= -1.0) {
          throw new IllegalArgumentException(
              "benchmarkReturns of " + k + "[" + i + "] must be finite and > -1 but was " + v[i]);
        }
      }
      r.put(k, v.clone());
    }
    benchmarkReturns = Collections.unmodifiableMap(r);
  }

  /**
   * The default: equal capital shares and the equal-weight portfolio of the sleeves as benchmark.
   *
   * @return the settings
   */
  public static AttributionSettings equalWeight() {
    return new AttributionSettings(Map.of(), Map.of(), Map.of());
  }

  /**
   * A copy with explicit capital shares.
   *
   * @param shares each sleeve's share of the initial equity, summing to 1
   * @return the copy
   */
  public AttributionSettings withCapitalShares(Map<String, Double> shares) {
    return new AttributionSettings(shares, benchmarkWeights, benchmarkReturns);
  }

  /**
   * A copy with an explicit benchmark.
   *
   * @param weights the benchmark weights per sleeve, summing to 1 (empty = equal)
   * @param returns the benchmark returns per sleeve and period
   * @return the copy
   */
  public AttributionSettings withBenchmark(
      Map<String, Double> weights, Map<String, double[]> returns) {
    return new AttributionSettings(capitalShares, weights, returns);
  }

  @Override
  public Map<String, double[]> benchmarkReturns() {
    Map<String, double[]> out = new LinkedHashMap<>();
    benchmarkReturns.forEach((k, v) -> out.put(k, v.clone()));
    return Collections.unmodifiableMap(out);
  }

  /** The stored array, not copied (read-only use inside the package). */
  double[] benchmarkReturnsOf(String sleeve) {
    return benchmarkReturns.get(sleeve);
  }

  /**
   * Buy-and-hold returns of a price series over the sampling periods of an equity curve: the price
   * at a sample is the last price at or before its time, and period {@code i} (from sample {@code
   * i} to {@code i + 1}) has the return {@code P(t_{i+1}) / P(t_i) - 1}.
   *
   * @param sampleTimes the curve's sample times (strictly increasing)
   * @param priceTimes the price times, strictly increasing, the first at or before {@code
   *     sampleTimes[0]}
   * @param prices the prices, finite and {@code > 0}
   * @return {@code sampleTimes.length - 1} returns (empty for fewer than two samples)
   * @throws IllegalArgumentException for unequal lengths, unsorted times, a non-positive price or
   *     no price at the first sample
   */
  public static double[] periodReturns(long[] sampleTimes, long[] priceTimes, double[] prices) {
    Objects.requireNonNull(sampleTimes, "sampleTimes must not be null");
    Objects.requireNonNull(priceTimes, "priceTimes must not be null");
    Objects.requireNonNull(prices, "prices must not be null");
    if (priceTimes.length != prices.length) {
      throw new IllegalArgumentException(
          "priceTimes and prices must have equal lengths but were "
              + priceTimes.length
              + " and "
              + prices.length);
    }
    for (int i = 0; i < prices.length; i++) {
      if (!(prices[i] > 0.0) || !Double.isFinite(prices[i])) {
        throw new IllegalArgumentException(
            "prices[" + i + "] must be finite and > 0 but was " + prices[i]);
      }
      if (i > 0 && priceTimes[i] <= priceTimes[i - 1]) {
        throw new IllegalArgumentException(
            "priceTimes must be strictly increasing but priceTimes[" + i + "] = " + priceTimes[i]);
      }
    }
    for (int i = 1; i < sampleTimes.length; i++) {
      if (sampleTimes[i] <= sampleTimes[i - 1]) {
        throw new IllegalArgumentException(
            "sampleTimes must be strictly increasing but sampleTimes["
                + i
                + "] = "
                + sampleTimes[i]);
      }
    }
    if (sampleTimes.length < 2) {
      return new double[0];
    }
    double[] out = new double[sampleTimes.length - 1];
    double prev = priceAt(sampleTimes[0], priceTimes, prices);
    for (int i = 1; i < sampleTimes.length; i++) {
      double p = priceAt(sampleTimes[i], priceTimes, prices);
      out[i - 1] = p / prev - 1.0;
      prev = p;
    }
    return out;
  }

  private static double priceAt(long time, long[] priceTimes, double[] prices) {
    int i = Arrays.binarySearch(priceTimes, time);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0) {
      throw new IllegalArgumentException("no price at or before sample time " + time);
    }
    return prices[i];
  }

  private static Map<String, Double> shares(Map<String, Double> in, String name) {
    Objects.requireNonNull(in, name + " must not be null");
    Map<String, Double> out = new LinkedHashMap<>();
    double sum = 0.0;
    for (Map.Entry<String, Double> e : in.entrySet()) {
      String k = Objects.requireNonNull(e.getKey(), name + " keys must not be null");
      Double v = Objects.requireNonNull(e.getValue(), name + " of " + k);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(name + " of " + k + " must be finite but was " + v);
      }
      sum += v;
      out.put(k, v);
    }
    if (!out.isEmpty() && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(name + " must sum to 1 but summed to " + sum);
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AttributionSettings)) {
      return false;
    }
    AttributionSettings s = (AttributionSettings) o;
    if (!capitalShares.equals(s.capitalShares)
        || !benchmarkWeights.equals(s.benchmarkWeights)
        || !benchmarkReturns.keySet().equals(s.benchmarkReturns.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : benchmarkReturns.entrySet()) {
      if (!Arrays.equals(e.getValue(), s.benchmarkReturns.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(capitalShares, benchmarkWeights);
    for (Map.Entry<String, double[]> e : benchmarkReturns.entrySet()) {
      h = 31 * h + (e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()));
    }
    return h;
  }

  @Override
  public String toString() {
    return "AttributionSettings[capitalShares="
        + capitalShares
        + ", benchmarkWeights="
        + benchmarkWeights
        + ", benchmarkReturns for "
        + benchmarkReturns.keySet()
        + "]";
  }
}

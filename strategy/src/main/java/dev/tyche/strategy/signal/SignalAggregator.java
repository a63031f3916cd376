package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Nets the signals of several strategies into one target exposure per instrument.
 *
 * <p><b>Rule.</b> For instrument {@code j}, {@code unclipped_j = sum_i w_i s_ij} over the
 * strategies {@code i} that sent a signal for {@code j} (a strategy that sent none counts as flat),
 * and {@code net_j = clip(unclipped_j, -L_j, L_j)} with {@code L_j} the instrument's limit ({@code
 * defaultLimit} unless {@code limits} names it). Opposite signals cancel: a long trend signal and a
 * short mean-reversion signal of equal weight net to flat, so the book never holds both sides. Each
 * strategy's share is kept for attribution (see {@link NetExposure}). The sum runs in the order of
 * {@code weights}, so results are reproducible bit for bit.
 *
 * <p>With weights summing to at most 1 (as {@code allocation} rows do) and signals in {@code [-1,
 * 1]}, {@code |unclipped| <= 1} and the limit only binds when it is tighter than 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights each strategy's weight, finite and {@code >= 0}; its iteration order is the
 *     summation order; strategies not named here may not send signals
 * @param defaultLimit the largest absolute net exposure of an instrument without its own limit,
 *     finite and {@code > 0}
 * @param limits per-instrument limits overriding {@code defaultLimit}, each finite and {@code > 0}
 */
public record SignalAggregator(
    Map<StrategyId, Double> weights, double defaultLimit, Map<Symbol, Double> limits) {

  // Validate once so that aggregate() can trust every number it multiplies.
  public SignalAggregator {
    Objects.requireNonNull(weights, "weights must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("weights must name at least one strategy but was empty");
    }
    for (Map.Entry<StrategyId, Double> e : weights.entrySet()) {
      Objects.requireNonNull(e.getKey(), "weights must not contain a null strategy");
      double w = Objects.requireNonNull(e.getValue(), "weight of " + e.getKey());
      if (!(w >= 0.0 && w < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "weight of " + e.getKey() + " must be finite and >= 0 but was " + w);
      }
    }
    requireLimit("defaultLimit", defaultLimit);
    for (Map.Entry<Symbol, Double> e : limits.entrySet()) {
      Objects.requireNonNull(e.getKey(), "limits must not contain a null symbol");
      requireLimit("limit of " + e.getKey(), Objects.requireNonNull(e.getValue(), "limit"));
    }
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
  }

  /**
   * An aggregator with one limit for every instrument.
   *
   * @param weights each strategy's weight, finite and {@code >= 0}
   * @param limit the largest absolute net exposure, finite and {@code > 0}
   * @return the aggregator
   */
  public static SignalAggregator of(Map<StrategyId, Double> weights, double limit) {
    return new SignalAggregator(weights, limit, Map.of());
  }

  private static void requireLimit(String name, double limit) {
    if (!(limit > 0.0 && limit < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was " + limit);
    }
  }

  /**
   * The limit that applies to an instrument.
   *
   * @param symbol the instrument
   * @return its own limit, or {@code defaultLimit}
   */
  public double limitFor(Symbol symbol) {
    return limits.getOrDefault(symbol, defaultLimit);
  }

  /**
   * The same limits with other weights (for example another regime's row of an allocation matrix).
   *
   * @param newWeights the weights
   * @return a new aggregator
   */
  public SignalAggregator withWeights(Map<StrategyId, Double> newWeights) {
    return new SignalAggregator(newWeights, defaultLimit, limits);
  }

  /**
   * Nets the signals.
   *
   * @param signals the signals, at most one per strategy and instrument
   * @return one entry per instrument that any signal names, ordered by symbol
   * @throws IllegalArgumentException if a signal comes from a strategy without a weight, or two
   *     signals share a strategy and instrument
   */
  public Map<Symbol, NetExposure> aggregate(Collection<Signal> signals) {
    Objects.requireNonNull(signals, "signals must not be null");
    Map<Symbol, Map<StrategyId, Double>> bySymbol = new TreeMap<>();
    for (Signal s : signals) {
      Objects.requireNonNull(s, "signals must not contain null");
      if (!weights.containsKey(s.strategy())) {
        throw new IllegalArgumentException(
            "signal from strategy " + s.strategy() + " which has no weight; known: " + weights);
      }
      Map<StrategyId, Double> row =
          bySymbol.computeIfAbsent(s.symbol(), k -> new LinkedHashMap<>());
      if (row.put(s.strategy(), s.exposure()) != null) {
        throw new IllegalArgumentException(
            "two signals from strategy " + s.strategy() + " for " + s.symbol());
      }
    }
    Map<Symbol, NetExposure> out = new LinkedHashMap<>();
    for (Map.Entry<Symbol, Map<StrategyId, Double>> e : bySymbol.entrySet()) {
      out.put(e.getKey(), net(e.getKey(), e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private NetExposure net(Symbol symbol, Map<StrategyId, Double> signals) {
    Map<StrategyId, Double> raw = new LinkedHashMap<>();
    double unclipped = 0.0;
    for (Map.Entry<StrategyId, Double> w : weights.entrySet()) {
      Double s = signals.get(w.getKey());
      if (s != null) {
        double c = w.getValue() * s;
        raw.put(w.getKey(), c);
        unclipped += c;
      }
    }
    double limit = limitFor(symbol);
    double net = Math.max(-limit, Math.min(limit, unclipped));
    if (net != unclipped) {
      // Proportional scaling keeps each strategy's share of the clipped total.
      double scale = net / unclipped;
      raw.replaceAll((k, c) -> c * scale);
    }
    return new NetExposure(symbol, net, unclipped, raw);
  }
}

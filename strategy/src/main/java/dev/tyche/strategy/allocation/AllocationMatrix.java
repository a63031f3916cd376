package dev.tyche.strategy.allocation;

import static dev.tyche.strategy.allocation.StrategyStyle.FUNDING_CARRY;
import static dev.tyche.strategy.allocation.StrategyStyle.MEAN_REVERSION;
import static dev.tyche.strategy.allocation.StrategyStyle.RANGE_TRADING;
import static dev.tyche.strategy.allocation.StrategyStyle.TREND_FOLLOWING;

import dev.tyche.core.strategy.StrategyId;
import dev.tyche.strategy.signal.SignalAggregator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A regime-by-strategy allocation matrix: for each {@link MarketRegime}, the weight of each
 * strategy, i.e. the share of capital its signal may command. A regime model picks the row; the row
 * becomes the weights of a {@link SignalAggregator}.
 *
 * <p><b>Validation.</b> Every one of the eight regimes has a row (possibly empty: an absent
 * strategy has weight 0); every weight is finite and in {@code [0, 1]}; every row sums to at most 1
 * (within {@code 1e-12} for rounding), so with signals in {@code [-1, 1]} the netted exposure never
 * exceeds the capital. A row summing below 1 leaves the rest in cash.
 *
 * <p><b>Default table</b> ({@link #defaults()}), weights in the order trend following / mean
 * reversion / range trading / funding carry:
 *
 * <pre>
 * regime              trend  meanrev  range  carry   sum
 * BULL_LOW_VOL         0.55   0.10    0.05   0.30   1.00
 * BULL_HIGH_VOL        0.40   0.05    0.00   0.30   0.75
 * BEAR_LOW_VOL         0.50   0.10    0.05   0.15   0.80
 * BEAR_HIGH_VOL        0.35   0.05    0.00   0.10   0.50
 * SIDEWAYS_LOW_VOL     0.05   0.45    0.35   0.15   1.00
 * SIDEWAYS_HIGH_VOL    0.00   0.30    0.15   0.15   0.60
 * CRISIS               0.00   0.00    0.00   0.00   0.00
 * UNKNOWN              0.10   0.10    0.10   0.10   0.40
 * </pre>
 *
 * Reasons: time-series momentum earns its returns in persistent trends (T. J. Moskowitz, Y. H. Ooi
 * and L. H. Pedersen, "Time series momentum", Journal of Financial Economics 104(2), 2012), so
 * trend following dominates trending rows; mean reversion and range trading lose in trends (their
 * entries fade the move) and earn in range-bound markets, so they dominate the sideways rows;
 * funding is persistently positive when leveraged longs crowd a rising market, so carry gets most
 * in bull rows and less in bear rows (it goes flat by itself when funding turns negative). High
 * volatility rows sum below 1, cutting gross exposure roughly as volatility targeting would (A.
 * Moreira and T. Muir, "Volatility-Managed Portfolios", Journal of Finance 72(4), 2017), and
 * breakout-prone high-volatility ranges drop range trading. In a crisis everything is cut: even the
 * hedged carry trade suffers basis blow-outs, forced liquidations and exchange risk. While the
 * regime is unknown each strategy gets a small equal weight.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <S> the strategy key, e.g. {@link StrategyStyle}
 * @param weights the rows by regime, one for each of the eight regimes
 */
public record AllocationMatrix<S>(Map<MarketRegime, Map<S, Double>> weights) {

  /** Tolerance on a row sum exceeding 1, for rounding in decimal weights. */
  public static final double SUM_TOLERANCE = 1e-12;

  // A row above 1 would lever the book beyond its capital through the back door; refuse it.
  public AllocationMatrix {
    Objects.requireNonNull(weights, "weights must not be null");
    EnumMap<MarketRegime, Map<S, Double>> copy = new EnumMap<>(MarketRegime.class);
    for (MarketRegime regime : MarketRegime.values()) {
      Map<S, Double> row = weights.get(regime);
      if (row == null) {
        throw new IllegalArgumentException(
            "weights must have a row for every regime but " + regime + " is missing");
      }
      double sum = 0.0;
      for (Map.Entry<S, Double> e : row.entrySet()) {
        Objects.requireNonNull(e.getKey(), "weights must not contain a null strategy");
        double w = Objects.requireNonNull(e.getValue(), "weight of " + e.getKey());
        if (!(w >= 0.0 && w <= 1.0)) {
          throw new IllegalArgumentException(
              "weight of " + e.getKey() + " in " + regime + " must be in [0, 1] but was " + w);
        }
        sum += w;
      }
      if (sum > 1.0 + SUM_TOLERANCE) {
        throw new IllegalArgumentException(
            "weights of " + regime + " must sum to <= 1 but summed to " + sum + ": " + row);
      }
      copy.put(regime, Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    weights = Collections.unmodifiableMap(copy);
  }

  /**
   * The default table of the class comment.
   *
   * @return the default matrix
   */
  public static AllocationMatrix<StrategyStyle> defaults() {
    Builder<StrategyStyle> b = builder();
    row(b, MarketRegime.BULL_LOW_VOL, 0.55, 0.10, 0.05, 0.30);
    row(b, MarketRegime.BULL_HIGH_VOL, 0.40, 0.05, 0.00, 0.30);
    row(b, MarketRegime.BEAR_LOW_VOL, 0.50, 0.10, 0.05, 0.15);
    row(b, MarketRegime.BEAR_HIGH_VOL, 0.35, 0.05, 0.00, 0.10);
    row(b, MarketRegime.SIDEWAYS_LOW_VOL, 0.05, 0.45, 0.35, 0.15);
    row(b, MarketRegime.SIDEWAYS_HIGH_VOL, 0.00, 0.30, 0.15, 0.15);
    row(b, MarketRegime.CRISIS, 0.0, 0.0, 0.0, 0.0);
    row(b, MarketRegime.UNKNOWN, 0.10, 0.10, 0.10, 0.10);
    return b.build();
  }

  private static void row(
      Builder<StrategyStyle> b,
      MarketRegime regime,
      double trend,
      double meanReversion,
      double range,
      double carry) {
    b.set(regime, TREND_FOLLOWING, trend)
        .set(regime, MEAN_REVERSION, meanReversion)
        .set(regime, RANGE_TRADING, range)
        .set(regime, FUNDING_CARRY, carry);
  }

  /**
   * An empty builder: every weight 0 until set.
   *
   * @param <S> the strategy key
   * @return the builder
   */
  public static <S> Builder<S> builder() {
    return new Builder<>();
  }

  /**
   * A builder starting from this matrix, to replace some entries.
   *
   * @return the builder
   */
  public Builder<S> toBuilder() {
    Builder<S> b = new Builder<>();
    weights.forEach((regime, row) -> row.forEach((s, w) -> b.set(regime, s, w)));
    return b;
  }

  /**
   * One strategy's weight in one regime.
   *
   * @param regime the regime
   * @param strategy the strategy
   * @return the weight, 0 if the row does not name the strategy
   */
  public double weight(MarketRegime regime, S strategy) {
    return weights.get(Objects.requireNonNull(regime, "regime")).getOrDefault(strategy, 0.0);
  }

  /**
   * One regime's row.
   *
   * @param regime the regime
   * @return the weights by strategy, unmodifiable
   */
  public Map<S, Double> row(MarketRegime regime) {
    return weights.get(Objects.requireNonNull(regime, "regime"));
  }

  /**
   * Total weight of a regime's row; {@code 1 -} this is held in cash.
   *
   * @param regime the regime
   * @return the row sum, in {@code [0, 1]}
   */
  public double rowSum(MarketRegime regime) {
    double sum = 0.0;
    for (double w : row(regime).values()) {
      sum += w;
    }
    return sum;
  }

  /**
   * The aggregator for one regime: the row's weights re-keyed by strategy id.
   *
   * @param regime the regime
   * @param ids the id of each strategy run; strategies of the row not named here are not running
   * @param limit the largest absolute net exposure per instrument, finite and {@code > 0}
   * @return the aggregator, with weight 0 for a running strategy the row does not name
   * @throws IllegalArgumentException if {@code ids} is empty or maps two strategies to one id
   */
  public SignalAggregator aggregator(MarketRegime regime, Map<S, StrategyId> ids, double limit) {
    Objects.requireNonNull(ids, "ids must not be null");
    Map<StrategyId, Double> w = new LinkedHashMap<>();
    for (Map.Entry<S, StrategyId> e : ids.entrySet()) {
      if (w.put(Objects.requireNonNull(e.getValue(), "id"), weight(regime, e.getKey())) != null) {
        throw new IllegalArgumentException("ids must be distinct but " + e.getValue() + " repeats");
      }
    }
    return SignalAggregator.of(w, limit);
  }

  /**
   * Builds an {@link AllocationMatrix}; validation happens in {@link #build()}.
   *
   * <p>Mutable; confined to one thread.
   *
   * @param <S> the strategy key
   */
  public static final class Builder<S> {
    private final EnumMap<MarketRegime, Map<S, Double>> rows = new EnumMap<>(MarketRegime.class);

    private Builder() {
      for (MarketRegime r : MarketRegime.values()) {
        rows.put(r, new LinkedHashMap<>());
      }
    }

    /**
     * Sets one weight.
     *
     * @param regime the regime
     * @param strategy the strategy
     * @param weight the weight, in {@code [0, 1]} (checked by {@link #build()})
     * @return this builder
     */
    public Builder<S> set(MarketRegime regime, S strategy, double weight) {
      rows.get(Objects.requireNonNull(regime, "regime must not be null"))
          .put(Objects.requireNonNull(strategy, "strategy must not be null"), weight);
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the matrix
     * @throws IllegalArgumentException if a weight or a row sum is out of range
     */
    public AllocationMatrix<S> build() {
      return new AllocationMatrix<>(rows);
    }
  }
}

package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import java.util.Objects;

/**
 * One strategy's target exposure in one instrument, the unit the {@link SignalAggregator} nets.
 *
 * <p><b>Convention.</b> {@code exposure} is the signed target position as a fraction of the capital
 * the executor manages: {@code +1} holds a long position whose notional (quantity times price)
 * equals that capital, {@code -1} the same short, {@code 0} is flat. A strategy's signal stays in
 * {@code [-1, 1]}; sizing beyond that (leverage, capital share) belongs to the {@link
 * TargetExecutor} settings and the aggregator weights.
 *
 * <p>Immutable and thread-safe.
 *
 * @param strategy the strategy that produced the signal
 * @param symbol the instrument
 * @param exposure the target exposure, finite, in {@code [-1, 1]}
 */
public record Signal(StrategyId strategy, Symbol symbol, double exposure) {

  // A signal outside [-1, 1] would let one strategy dominate the netting beyond its weight.
  public Signal {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (!(exposure >= -1.0 && exposure <= 1.0)) {
      throw new IllegalArgumentException(
          "exposure must be finite and in [-1, 1] but was " + exposure + " for " + symbol);
    }
  }
}

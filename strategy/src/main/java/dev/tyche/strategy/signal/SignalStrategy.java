package dev.tyche.strategy.signal;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Strategy} built from signal generators, an aggregator and an executor: the generators
 * decide, the aggregator nets their targets, the executor trades the difference. It talks to the
 * engine only through core's SPI, so it runs unchanged in backtest, paper and live trading.
 *
 * <p><b>Flow.</b> {@link #onStart} subscribes to the union of the generators' streams. Each market
 * event first updates the instrument's reference price (a bar's close, a trade's price or a mark
 * price, whichever came last), then goes to every generator. If at least one generator treated it
 * as a decision point, every generator's current targets are netted by the aggregator and the
 * executor rebalances each netted instrument whose reference price is known. Order events go to the
 * executor. A single strategy is the special case of one generator with weight 1.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class SignalStrategy implements Strategy {

  private final Map<StrategyId, SignalGenerator> generators;
  private final TargetExecutor executor;
  private final Map<Symbol, Double> lastPrice = new HashMap<>();
  private SignalAggregator aggregator;
  private StrategyContext context;
  private Map<Symbol, NetExposure> lastDecision = Map.of();

  /**
   * Creates the strategy.
   *
   * @param generators the generators by id, not empty; each id must have a weight in {@code
   *     aggregator}
   * @param aggregator how the generators' targets are netted
   * @param executor how netted targets become orders
   * @throws IllegalArgumentException if {@code generators} is empty or names a strategy the
   *     aggregator has no weight for
   */
  public SignalStrategy(
      Map<StrategyId, SignalGenerator> generators,
      SignalAggregator aggregator,
      TargetExecutor executor) {
    Objects.requireNonNull(generators, "generators must not be null");
    if (generators.isEmpty()) {
      throw new IllegalArgumentException("generators must not be empty");
    }
    this.generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
    this.executor = Objects.requireNonNull(executor, "executor must not be null");
    useAggregator(aggregator);
  }

  /**
   * A strategy running one generator at full weight with limit 1.
   *
   * @param id the generator's id
   * @param generator the generator
   * @param settings how orders are sized and sent
   * @return the strategy
   */
  public static SignalStrategy single(
      StrategyId id, SignalGenerator generator, ExecutionSettings settings) {
    return new SignalStrategy(
        Map.of(id, generator),
        SignalAggregator.of(Map.of(id, 1.0), 1.0),
        new TargetExecutor(settings));
  }

  /**
   * Replaces the aggregator, for example with another regime's weights; it takes effect at the next
   * decision.
   *
   * @param newAggregator the aggregator, with a weight for every generator
   * @throws IllegalArgumentException if a generator has no weight in it
   */
  public void useAggregator(SignalAggregator newAggregator) {
    Objects.requireNonNull(newAggregator, "aggregator must not be null");
    for (StrategyId id : generators.keySet()) {
      if (!newAggregator.weights().containsKey(id)) {
        throw new IllegalArgumentException("aggregator has no weight for strategy " + id);
      }
    }
    this.aggregator = newAggregator;
  }

  /**
   * The current aggregator.
   *
   * @return the aggregator
   */
  public SignalAggregator aggregator() {
    return aggregator;
  }

  /**
   * The netted targets of the latest decision, with each generator's contribution.
   *
   * @return the targets by instrument, empty before the first decision
   */
  public Map<Symbol, NetExposure> lastDecision() {
    return lastDecision;
  }

  /**
   * The generators' current signals, one per generator and instrument, in generator order.
   *
   * @return the signals
   */
  public List<Signal> currentSignals() {
    List<Signal> signals = new ArrayList<>();
    for (Map.Entry<StrategyId, SignalGenerator> g : generators.entrySet()) {
      for (Symbol symbol : g.getValue().symbols()) {
        signals.add(new Signal(g.getKey(), symbol, g.getValue().target(symbol)));
      }
    }
    return signals;
  }

  @Override
  public void onStart(StrategyContext strategyContext) {
    this.context = Objects.requireNonNull(strategyContext, "context must not be null");
    Set<Subscription> subscriptions = new LinkedHashSet<>();
    for (SignalGenerator g : generators.values()) {
      subscriptions.addAll(g.subscriptions());
    }
    for (Subscription s : subscriptions) {
      context.subscribe(s);
    }
  }

  @Override
  public void onMarketEvent(MarketEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (context == null) {
      throw new IllegalStateException("onStart must be called before any event");
    }
    if (event instanceof Bar) {
      lastPrice.put(event.symbol(), ((Bar) event).close().toDouble());
    } else if (event instanceof Trade) {
      lastPrice.put(event.symbol(), ((Trade) event).price().toDouble());
    } else if (event instanceof MarkPrice) {
      lastPrice.put(event.symbol(), ((MarkPrice) event).markPrice().toDouble());
    }
    boolean decided = false;
    for (SignalGenerator g : generators.values()) {
      decided |= g.onMarketEvent(event);
    }
    if (!decided) {
      return;
    }
    lastDecision = aggregator.aggregate(currentSignals());
    for (NetExposure target : lastDecision.values()) {
      Double price = lastPrice.get(target.symbol());
      if (price != null) {
        executor.rebalance(context, target.symbol(), target.net(), price);
      }
    }
  }

  @Override
  public void onOrderEvent(OrderEvent event) {
    executor.onOrderEvent(event);
  }
}

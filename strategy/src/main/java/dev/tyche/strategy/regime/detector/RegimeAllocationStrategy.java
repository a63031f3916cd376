package dev.tyche.strategy.regime.detector;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.allocation.AllocationMatrix;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.signal.SignalAggregator;
import dev.tyche.strategy.signal.SignalStrategy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Strategy} decorator that lets a {@link RegimeDetector} choose the row of an {@link
 * AllocationMatrix} that weights a {@link SignalStrategy}'s generators.
 *
 * <p><b>Order on a regime bar</b> (a closed bar of the configured symbol and interval): first the
 * detector is updated with the bar, then the aggregator of the resulting regime, {@code
 * matrix.aggregator(regime, ids, limit)}, is installed with {@link
 * SignalStrategy#useAggregator(SignalAggregator)}, and only then is the bar passed to the signal
 * strategy, which computes its signals and nets them with those weights. The regime and the signals
 * of a bar therefore both use data up to that bar's close and nothing later. Every other event
 * (other instruments or intervals, funding, mark prices, order events, timers) goes straight to the
 * signal strategy under the current weights. Before the first regime bar the weights are those of
 * {@link MarketRegime#UNKNOWN}.
 *
 * <p>The eight aggregators are built (and checked against the signal strategy's generators) once,
 * at construction; installing one is a reference swap.
 *
 * <p>Mutable; confined to the engine thread.
 *
 * @param <S> the strategy key of the matrix, e.g. {@link
 *     dev.tyche.strategy.allocation.StrategyStyle}
 */
public final class RegimeAllocationStrategy<S> implements Strategy {

  private final SignalStrategy delegate;
  private final RegimeDetector detector;
  private final Symbol symbol;
  private final BarInterval interval;
  private final EnumMap<MarketRegime, SignalAggregator> aggregators =
      new EnumMap<>(MarketRegime.class);
  private MarketRegime regime = MarketRegime.UNKNOWN;

  /**
   * Creates the decorator and installs the {@code UNKNOWN} row.
   *
   * @param delegate the signal strategy whose weights are switched
   * @param detector the detector; it must not be fed by anyone else
   * @param symbol the instrument whose bars drive the detector
   * @param interval their interval, of fixed length
   * @param matrix the allocation matrix
   * @param ids the strategy id of each matrix key that runs in {@code delegate}
   * @param limit the largest absolute net exposure per instrument, finite and {@code > 0}
   * @throws IllegalArgumentException if the interval has no fixed length, or some regime's
   *     aggregator lacks a weight for one of the delegate's generators (see {@link
   *     SignalStrategy#useAggregator})
   */
  public RegimeAllocationStrategy(
      SignalStrategy delegate,
      RegimeDetector detector,
      Symbol symbol,
      BarInterval interval,
      AllocationMatrix<S> matrix,
      Map<S, StrategyId> ids,
      double limit) {
    this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    this.detector = Objects.requireNonNull(detector, "detector must not be null");
    this.symbol = Objects.requireNonNull(symbol, "symbol must not be null");
    this.interval = Objects.requireNonNull(interval, "interval must not be null");
    Objects.requireNonNull(matrix, "matrix must not be null");
    if (!interval.isFixedLength()) {
      throw new IllegalArgumentException("interval must have a fixed length but was " + interval);
    }
    for (MarketRegime r : MarketRegime.values()) {
      SignalAggregator a = matrix.aggregator(r, ids, limit);
      // Fails here, not on some later bar, if a generator has no weight in this row.
      delegate.useAggregator(a);
      aggregators.put(r, a);
    }
    delegate.useAggregator(aggregators.get(MarketRegime.UNKNOWN));
  }

  /**
   * The regime whose weights are installed.
   *
   * @return the current regime, {@code UNKNOWN} before the first regime bar
   */
  public MarketRegime regime() {
    return regime;
  }

  /**
   * The detector's latest estimate.
   *
   * @return the estimate, empty before the first regime bar
   */
  public Optional<RegimeEstimate> lastEstimate() {
    return detector.lastEstimate();
  }

  /**
   * The decorated signal strategy.
   *
   * @return the delegate
   */
  public SignalStrategy delegate() {
    return delegate;
  }

  /**
   * Starts the delegate and subscribes to the regime bars (a repeated subscription is harmless).
   */
  @Override
  public void onStart(StrategyContext context) {
    delegate.onStart(context);
    context.subscribe(Subscription.bars(symbol, interval));
  }

  /** Updates the regime from a regime bar, installs its weights, then lets the delegate decide. */
  @Override
  public void onMarketEvent(MarketEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event instanceof Bar bar
        && bar.symbol().equals(symbol)
        && bar.intervalMillis() == interval.durationMillis()) {
      regime = detector.update(bar).regime();
      delegate.useAggregator(aggregators.get(regime));
    }
    delegate.onMarketEvent(event);
  }

  @Override
  public void onOrderEvent(OrderEvent event) {
    delegate.onOrderEvent(event);
  }

  @Override
  public void onTimer(TimerEvent timer) {
    delegate.onTimer(timer);
  }

  @Override
  public void onStop() {
    delegate.onStop();
  }
}

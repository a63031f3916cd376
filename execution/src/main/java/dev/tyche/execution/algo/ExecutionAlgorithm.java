package dev.tyche.execution.algo;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.execution.slippage.SlippageEvent;
import dev.tyche.execution.slippage.SlippageLevel;
import dev.tyche.execution.slippage.SlippageMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The machinery every execution algorithm shares. An algorithm is a {@link Strategy} that works one
 * {@link ParentOrder} through the {@link StrategyContext} only, so the same object runs in
 * backtest, paper and live trading. Each subclass states one thing: how much of the parent it wants
 * committed (filled or working) by now.
 *
 * <p><b>Life cycle.</b> {@code onStart} looks up the instrument (the parent quantity must lie on
 * its step grid), subscribes to the {@link AlgoSettings#subscriptions()}, and sets timers at the
 * start time, at every slice time of the subclass and at the end time. At the start time the
 * algorithm becomes {@link AlgoState#WORKING} as soon as it knows a reference price; that price is
 * the <b>arrival price</b>, the benchmark of its slippage (the quote mid when a quote or book is
 * known, otherwise the last trade price or bar close).
 *
 * <p><b>Decisions</b> are made at its timers, on every market event and after fills and requested
 * cancellations: the wanted quantity is the subclass's target minus what is committed (filled plus
 * the open quantity of working children), and {@link ChildSlicer#nextChild} turns it into at most
 * one child per decision, never more than the uncommitted rest of the parent. After a child ends
 * without our asking (rejected, denied, expired, an IOC rest cancelled) the algorithm waits for the
 * next timer or market event, so a venue that refuses a child cannot make it spin; after {@link
 * AlgoSettings#maxConsecutiveRejections()} denials or rejections in a row it gives up ({@link
 * AlgoState#FAILED}).
 *
 * <p><b>Guarantees.</b> Quantities are exact {@link Quantity}s on the step grid; the children never
 * sum to more than the parent (a child is sized against the uncommitted rest, and a working child's
 * open quantity stays committed until the venue reports it ended); children below the minimum
 * quantity or minimum notional are not sent until enough has accumulated, and a tail below it is
 * merged into the previous child; the last child takes the remainder. Limit and post-only children
 * still working at the next slice are cancelled and their unfilled rest is re-sent with the
 * schedule.
 *
 * <p><b>Stopping.</b> {@link #cancel()} stops the algorithm and cancels its working children.
 * Slippage is tracked by a {@link SlippageMonitor} (its own, or a shared one given through {@link
 * #useSlippageMonitor}) against the arrival price: reaching the hard limit halts the parent ({@link
 * AlgoState#HALTED}): no further children, working ones cancelled.
 *
 * <p><b>Hosting.</b> Register the algorithm with the engine under its own strategy id, or call its
 * callbacks from a host strategy (it ignores order events and timers that are not its own, and
 * market data of other symbols).
 *
 * <p>Mutable; confined to the engine thread.
 */
public abstract sealed class ExecutionAlgorithm implements Strategy
    permits TwapAlgorithm,
        VwapAlgorithm,
        PovAlgorithm,
        IcebergAlgorithm,
        AlmgrenChrissAlgorithm,
        AdaptiveAlgorithm {

  private static final String START = "start";
  private static final String END = "end";

  private final ParentOrder parent;
  private final AlgoSettings settings;
  private final long[] sliceTimes;
  private final double[] sliceWeights;
  private final String tagPrefix;
  private final Map<ClientOrderId, Child> working = new LinkedHashMap<>();
  private final List<SubmitOrder> children = new ArrayList<>();

  private SlippageMonitor monitor;
  private StrategyContext context;
  private Instrument instrument;
  private OrderBook book;
  private Price lastPrice;
  private Price bid;
  private Price ask;
  private double bidQuantity;
  private double askQuantity;
  private AlgoState state = AlgoState.PENDING;
  private boolean startReached;
  private boolean endReached;
  private Quantity filled;
  private double filledNotional;
  private int consecutiveRejections;
  private OptionalDouble arrival = OptionalDouble.empty();
  private List<Quantity> plan = List.of();
  private Quantity[] cumulativePlan = new Quantity[0];
  private int slicesReached;

  /**
   * @param sliceTimes when the slice timers fire, sorted, inside the parent's horizon
   * @param sliceWeights relative slice sizes for a planned schedule (one per slice time), or null
   */
  ExecutionAlgorithm(
      ParentOrder parent, AlgoSettings settings, long[] sliceTimes, double[] sliceWeights) {
    this.parent = Objects.requireNonNull(parent, "parent must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.sliceTimes = sliceTimes.clone();
    if (sliceWeights != null) {
      if (sliceWeights.length != sliceTimes.length) {
        throw new IllegalArgumentException(
            "sliceWeights must hold one weight per slice time ("
                + sliceTimes.length
                + ") but held "
                + sliceWeights.length);
      }
      // Validates the weights now, with a unit step, so bad input fails at construction.
      ChildSlicer.split(Quantity.of(1, 0), sliceWeights, Quantity.of(1, 0));
    }
    this.sliceWeights = sliceWeights == null ? null : sliceWeights.clone();
    for (int k = 0; k < this.sliceTimes.length; k++) {
      if (this.sliceTimes[k] < parent.startTime()
          || this.sliceTimes[k] > parent.endTime()
          || (k > 0 && this.sliceTimes[k] < this.sliceTimes[k - 1])) {
        throw new IllegalArgumentException(
            "slice time "
                + k
                + " = "
                + this.sliceTimes[k]
                + " must be sorted and inside ["
                + parent.startTime()
                + ", "
                + parent.endTime()
                + "]");
      }
    }
    this.tagPrefix = "algo:" + parent.id() + ":";
    this.filled = Quantity.zero(parent.quantity().scale());
  }

  // ---------------------------------------------------------------- public API

  /**
   * The parent order.
   *
   * @return the parent
   */
  public final ParentOrder parent() {
    return parent;
  }

  /**
   * The shared settings.
   *
   * @return the settings
   */
  public final AlgoSettings settings() {
    return settings;
  }

  /**
   * Uses a shared slippage monitor (for a rolling window over many parents) instead of a private
   * one. Call before the engine starts the algorithm.
   *
   * @param shared the monitor; its thresholds replace {@link AlgoSettings#slippage()}
   * @throws IllegalStateException if the algorithm has started
   */
  public final void useSlippageMonitor(SlippageMonitor shared) {
    if (context != null) {
      throw new IllegalStateException("the slippage monitor must be set before onStart");
    }
    this.monitor = Objects.requireNonNull(shared, "shared must not be null");
  }

  /**
   * The planned slices of a scheduled algorithm (TWAP, VWAP, Almgren-Chriss), exact and on the step
   * grid, summing to the parent quantity; empty before the algorithm starts and for algorithms
   * without a fixed plan.
   *
   * @return the slices, one per slice time
   */
  public final List<Quantity> plannedSlices() {
    return plan;
  }

  /**
   * The times of the slice timers.
   *
   * @return a copy, UTC epoch milliseconds, sorted
   */
  public final long[] plannedTimes() {
    return sliceTimes.clone();
  }

  /**
   * The algorithm's state.
   *
   * @return the state
   */
  public final AlgoState state() {
    return state;
  }

  /**
   * Every child submitted, in order.
   *
   * @return an unmodifiable copy
   */
  public final List<SubmitOrder> children() {
    return List.copyOf(children);
  }

  /**
   * The slippage events raised for this parent (alerts and the hard limit).
   *
   * @return the events, in order
   */
  public final List<SlippageEvent> slippageEvents() {
    if (monitor == null) {
      return List.of();
    }
    List<SlippageEvent> mine = new ArrayList<>();
    for (SlippageEvent e : monitor.events()) {
      if (e.orderId().equals(parent.id())) {
        mine.add(e);
      }
    }
    return mine;
  }

  /**
   * A snapshot of the execution so far.
   *
   * @return filled, remaining, working, average price, arrival price and slippage
   */
  public final AlgoProgress progress() {
    Quantity open = openQuantity();
    OptionalDouble average =
        filled.isZero()
            ? OptionalDouble.empty()
            : OptionalDouble.of(filledNotional / filled.toDouble());
    boolean tracked = monitor != null && arrival.isPresent();
    return new AlgoProgress(
        parent.id(),
        parent.side(),
        state,
        parent.quantity(),
        filled,
        parent.quantity().minus(filled),
        open,
        children.size(),
        arrival,
        average,
        tracked ? monitor.slippageBps(parent.id()) : OptionalDouble.empty(),
        tracked ? monitor.level(parent.id()) : SlippageLevel.OK);
  }

  /**
   * Stops the algorithm: no further children; working children are cancelled (their fills, if any
   * arrive first, still count). Does nothing once the algorithm has stopped.
   */
  public final void cancel() {
    if (state.isFinal()) {
      return;
    }
    stop(AlgoState.CANCELLED);
  }

  // ---------------------------------------------------------------- Strategy callbacks

  /**
   * Looks up the instrument, subscribes and sets the timers.
   *
   * @param ctx the engine's context
   * @throws IllegalArgumentException if the engine does not trade the parent's symbol or the parent
   *     quantity is off the step grid
   */
  @Override
  public final void onStart(StrategyContext ctx) {
    this.context = Objects.requireNonNull(ctx, "context must not be null");
    this.instrument =
        ctx.instrument(parent.symbol())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the engine does not trade the parent's symbol " + parent.symbol()));
    if (!instrument.isOnQuantityGrid(parent.quantity())) {
      throw new IllegalArgumentException(
          "parent quantity must be a multiple of stepSize "
              + instrument.stepSize()
              + " but was "
              + parent.quantity());
    }
    if (monitor == null) {
      monitor = new SlippageMonitor(settings.slippage());
    }
    if (sliceWeights != null) {
      plan = ChildSlicer.split(parent.quantity(), sliceWeights, instrument.stepSize());
      cumulativePlan = new Quantity[plan.size()];
      Quantity sum = Quantity.zero(plan.get(0).scale());
      for (int k = 0; k < plan.size(); k++) {
        sum = sum.plus(plan.get(k));
        cumulativePlan[k] = sum;
      }
    }
    checkInstrument(instrument);
    for (Subscription s : settings.subscriptions()) {
      ctx.subscribe(s);
    }
    ctx.scheduleAt(parent.startTime(), tagPrefix + START);
    for (int k = 0; k < sliceTimes.length; k++) {
      ctx.scheduleAt(sliceTimes[k], tagPrefix + k);
    }
    ctx.scheduleAt(parent.endTime(), tagPrefix + END);
  }

  /**
   * Updates the algorithm's view of the market and decides.
   *
   * @param event the event
   */
  @Override
  public final void onMarketEvent(MarketEvent event) {
    if (context == null || !event.symbol().equals(parent.symbol())) {
      return;
    }
    if (event instanceof Trade) {
      lastPrice = ((Trade) event).price();
    } else if (event instanceof Bar) {
      lastPrice = ((Bar) event).close();
    } else if (event instanceof Quote) {
      Quote q = (Quote) event;
      setTouch(q.bidPrice(), q.bidQuantity(), q.askPrice(), q.askQuantity());
    } else if (event instanceof BookSnapshot) {
      bookOf().applySnapshot((BookSnapshot) event);
      touchFromBook();
    } else if (event instanceof BookDelta) {
      bookOf().apply((BookDelta) event);
      touchFromBook();
    }
    observe(event);
    activateIfReady();
    decide();
  }

  /**
   * Handles the algorithm's own timers (start, slices, end); ignores others.
   *
   * @param timer the timer
   */
  @Override
  public final void onTimer(TimerEvent timer) {
    if (context == null || !timer.tag().startsWith(tagPrefix)) {
      return;
    }
    String what = timer.tag().substring(tagPrefix.length());
    if (START.equals(what)) {
      startReached = true;
      activateIfReady();
    } else if (END.equals(what)) {
      endReached = true;
      if (settings.marketAtEnd() && state == AlgoState.WORKING) {
        cancelWorking();
      }
    } else {
      int k = Integer.parseInt(what);
      slicesReached = Math.max(slicesReached, k + 1);
      if (state == AlgoState.WORKING && settings.style() != ChildOrderStyle.MARKET) {
        cancelWorking();
      }
      onSlice(k);
    }
    decide();
  }

  /**
   * Accounts for the algorithm's own children; ignores other orders.
   *
   * @param event the event
   */
  @Override
  public final void onOrderEvent(OrderEvent event) {
    Child child = working.get(event.clientOrderId());
    if (child == null) {
      return;
    }
    boolean decideNow = false;
    if (event instanceof OrderFillEvent) {
      OrderFillEvent fill = (OrderFillEvent) event;
      Quantity q = fill.execution().lastQuantity();
      Price p = fill.execution().lastPrice();
      child.filled = child.filled.plus(q);
      filled = filled.plus(q);
      filledNotional += p.toDouble() * q.toDouble();
      consecutiveRejections = 0;
      decideNow = true;
      if (monitor.onFill(parent.id(), event.eventTime(), p.toDouble(), q.toDouble())
              == SlippageLevel.HARD_LIMIT
          && !state.isFinal()) {
        stop(AlgoState.HALTED);
      }
    } else if (event instanceof OrderRejected || event instanceof OrderDenied) {
      consecutiveRejections++;
      if (consecutiveRejections >= settings.maxConsecutiveRejections() && !state.isFinal()) {
        stop(AlgoState.FAILED);
      }
    } else if (event instanceof OrderCancelled && child.cancelRequested) {
      decideNow = true;
    }
    if (event.isTerminal()) {
      working.remove(event.clientOrderId());
    }
    if (filled.compareTo(parent.quantity()) >= 0 && state == AlgoState.WORKING) {
      state = AlgoState.COMPLETED;
    }
    if (state.isFinal() && working.isEmpty() && arrival.isPresent()) {
      monitor.close(parent.id(), event.eventTime());
    }
    onChildEvent(event);
    if (decideNow) {
      decide();
    }
  }

  // ---------------------------------------------------------------- hooks for subclasses

  /**
   * The quantity the algorithm wants committed (filled or working) by now; values above the parent
   * are capped at the parent.
   */
  abstract Quantity targetCommitted(long now);

  /** Checks instrument-dependent configuration at start; the default accepts everything. */
  void checkInstrument(Instrument checked) {}

  /** Sees every market event of the parent's symbol after the market view was updated. */
  void observe(MarketEvent event) {}

  /** A slice timer fired; called before the decision. */
  void onSlice(int k) {}

  /** Sees every event of the algorithm's own children after accounting. */
  void onChildEvent(OrderEvent event) {}

  /** A floor under the minimum child (on top of the venue's minimum quantity and notional). */
  Quantity minChildFloor() {
    return Quantity.zero(parent.quantity().scale());
  }

  /** The largest child; the instrument's maximum by default. */
  Quantity maxChild() {
    return instrument.maxQuantity();
  }

  /** A fixed limit price for limit children, overriding the touch. */
  Optional<Price> fixedLimitPrice() {
    return Optional.empty();
  }

  // ---------------------------------------------------------------- shared state for subclasses

  final StrategyContext context() {
    return context;
  }

  final Instrument instrument() {
    return instrument;
  }

  final long now() {
    return context.clock().currentTimeMillis();
  }

  final boolean isActive() {
    return state == AlgoState.WORKING;
  }

  final boolean startReached() {
    return startReached;
  }

  final boolean endReached() {
    return endReached;
  }

  /** The cumulative planned quantity of the slices whose time has come. */
  final Quantity scheduledTarget() {
    return slicesReached == 0
        ? Quantity.zero(parent.quantity().scale())
        : cumulativePlan[slicesReached - 1];
  }

  final Quantity filledQuantity() {
    return filled;
  }

  final boolean hasWorkingChildren() {
    return !working.isEmpty();
  }

  /** Filled plus the open quantity of working children. */
  final Quantity committed() {
    return filled.plus(openQuantity());
  }

  /** The reference price: the quote mid if known, else the last trade or bar close, else empty. */
  final Optional<Double> referencePrice() {
    if (bid != null && ask != null) {
      return Optional.of((bid.toDouble() + ask.toDouble()) / 2);
    }
    return lastPrice == null ? Optional.empty() : Optional.of(lastPrice.toDouble());
  }

  /** The quoted spread in basis points of the mid, if a quote is known. */
  final OptionalDouble spreadBps() {
    if (bid == null || ask == null) {
      return OptionalDouble.empty();
    }
    double mid = (bid.toDouble() + ask.toDouble()) / 2;
    return OptionalDouble.of(1e4 * (ask.toDouble() - bid.toDouble()) / mid);
  }

  /** Top-of-book imbalance {@code (Qb - Qa) / (Qb + Qa)} in [-1, 1], if a quote is known. */
  final OptionalDouble imbalance() {
    if (bid == null || ask == null || bidQuantity + askQuantity <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((bidQuantity - askQuantity) / (bidQuantity + askQuantity));
  }

  /** Rounds an analytic quantity down to the grid, never above the parent. */
  final Quantity onGrid(double quantity) {
    Quantity q = instrument.roundQuantity(Math.max(0, quantity), GridRounding.DOWN);
    return q.min(parent.quantity().withScale(q.scale()));
  }

  // ---------------------------------------------------------------- internals

  private void activateIfReady() {
    if (state != AlgoState.PENDING || !startReached) {
      return;
    }
    Optional<Double> ref = referencePrice();
    if (ref.isEmpty()) {
      return;
    }
    arrival = OptionalDouble.of(ref.get());
    monitor.open(parent.id(), parent.side(), ref.get());
    state = AlgoState.WORKING;
  }

  private void decide() {
    if (state != AlgoState.WORKING) {
      return;
    }
    Optional<Double> ref = referencePrice();
    Price reference = lastPrice != null ? lastPrice : touchToTake();
    if (ref.isEmpty() || reference == null) {
      return;
    }
    Quantity committed = committed();
    Quantity target =
        endReached && settings.marketAtEnd() ? parent.quantity() : targetCommitted(now());
    target = target.min(parent.quantity());
    if (target.compareTo(committed) <= 0) {
      return;
    }
    Quantity minChild = ChildSlicer.minimumChild(instrument, reference);
    Quantity floor = minChildFloor();
    if (floor.compareTo(minChild) > 0) {
      minChild = floor;
    }
    Quantity maxChild = maxChild().min(instrument.maxQuantity());
    if (maxChild.compareTo(minChild) < 0) {
      maxChild = minChild;
    }
    Optional<Quantity> child =
        ChildSlicer.nextChild(
            target.minus(committed), parent.quantity().minus(committed), minChild, maxChild);
    child.ifPresent(this::send);
  }

  /** The touch a taker would trade at (the ask for a buy); null without a quote. */
  private Price touchToTake() {
    return parent.side() == Side.BUY ? ask : bid;
  }

  private void send(Quantity quantity) {
    ClientOrderId id = context.nextClientOrderId();
    boolean sweep = endReached && settings.marketAtEnd();
    ChildOrderStyle style = sweep ? ChildOrderStyle.MARKET : settings.style();
    Optional<Price> fixed = sweep ? Optional.empty() : fixedLimitPrice();
    SubmitOrder order;
    if (fixed.isPresent()) {
      order =
          SubmitOrder.limit(
              id, parent.symbol(), parent.side(), quantity, fixed.get(), TimeInForce.GTC);
    } else if (style == ChildOrderStyle.MARKET) {
      order = SubmitOrder.market(id, parent.symbol(), parent.side(), quantity);
    } else {
      order =
          SubmitOrder.limit(
              id,
              parent.symbol(),
              parent.side(),
              quantity,
              limitPrice(style),
              style == ChildOrderStyle.POST_ONLY ? TimeInForce.POST_ONLY : TimeInForce.GTC);
    }
    working.put(id, new Child(quantity));
    children.add(order);
    context.submit(order);
  }

  /**
   * The own-side touch (or last price) moved {@code limitOffsetTicks} in the aggressive direction.
   */
  private Price limitPrice(ChildOrderStyle style) {
    Price own = parent.side() == Side.BUY ? bid : ask;
    Price base = own != null ? own : lastPrice;
    base = instrument.roundPrice(base, GridRounding.NEAREST);
    int offset = style == ChildOrderStyle.LIMIT ? settings.limitOffsetTicks() : 0;
    if (offset == 0) {
      return base;
    }
    long ticks = (long) offset * parent.side().sign();
    return base.plusTicks(ticks, instrument.tickSize());
  }

  private void stop(AlgoState finalState) {
    state = finalState;
    if (context != null) {
      cancelWorking();
      if (working.isEmpty() && arrival.isPresent()) {
        monitor.close(parent.id(), now());
      }
    }
  }

  private void cancelWorking() {
    for (Map.Entry<ClientOrderId, Child> e : working.entrySet()) {
      Child c = e.getValue();
      if (!c.cancelRequested) {
        c.cancelRequested = true;
        context.cancel(e.getKey(), parent.symbol());
      }
    }
  }

  private Quantity openQuantity() {
    Quantity open = Quantity.zero(parent.quantity().scale());
    for (Child c : working.values()) {
      open = open.plus(c.quantity.minus(c.filled));
    }
    return open;
  }

  private OrderBook bookOf() {
    if (book == null) {
      book = new OrderBook(instrument);
    }
    return book;
  }

  private void touchFromBook() {
    Optional<BookLevel> b = book.bestBid();
    Optional<BookLevel> a = book.bestAsk();
    if (b.isPresent() && a.isPresent()) {
      setTouch(b.get().price(), b.get().quantity(), a.get().price(), a.get().quantity());
    }
  }

  private void setTouch(Price b, Quantity bq, Price a, Quantity aq) {
    bid = b;
    ask = a;
    bidQuantity = bq.toDouble();
    askQuantity = aq.toDouble();
  }

  /** One child's running state. */
  private static final class Child {
    final Quantity quantity;
    Quantity filled;
    boolean cancelRequested;

    Child(Quantity quantity) {
      this.quantity = quantity;
      this.filled = Quantity.zero(quantity.scale());
    }
  }
}

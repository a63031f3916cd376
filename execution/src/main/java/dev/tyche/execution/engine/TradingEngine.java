package dev.tyche.execution.engine;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Fill;
import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.port.MarketDataClient;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.PortfolioView;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.strategy.TimerId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.Clock;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.journal.Journal;
import dev.tyche.execution.journal.JournalRecord;
import dev.tyche.execution.journal.JournalReplay;
import dev.tyche.execution.order.IllegalOrderTransitionException;
import dev.tyche.execution.order.OrderManager;
import dev.tyche.execution.order.OrderSnapshot;
import dev.tyche.execution.order.OrderState;
import dev.tyche.execution.order.Outcome;
import dev.tyche.risk.pretrade.Decision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The trading engine: one thread, the single writer of the order manager, the ledger, the timers
 * and the strategies' state. Inputs (market events, order events from the venue) arrive through
 * listeners that only enqueue them, so live clients may call them from their network threads; the
 * engine thread takes them off the queue one at a time and dispatches them to the strategies
 * through their {@link StrategyContext}.
 *
 * <p><b>Commands.</b> A strategy's {@code submit} is handled at once on the engine thread: the
 * order is registered ({@code PENDING_SUBMIT}), journaled, checked by the {@link RiskGate}, and
 * then either denied (an {@code OrderDenied} event, never an exception) or marked {@code
 * SUBMITTED}, journaled and sent to the {@link ExecutionClient}. The resulting events reach the
 * strategy after its callback returns (never re-entrantly), before any later input.
 *
 * <p><b>Order events</b> from the venue are applied to the order manager; only an {@code APPLIED}
 * outcome continues: a fill then updates the ledger ({@code Fill.from}, one-way mode), the event is
 * journaled, logged and handed to the owning strategy. Duplicates are logged as such and go no
 * further (exactly-once fills); events the order manager refuses and events for unknown orders are
 * logged as anomalies and dropped, so a confused venue cannot crash the engine.
 *
 * <p><b>Funding</b> is settled by the engine, exactly once: a {@code FundingRate} market event of a
 * perpetual is one settlement at its funding time, applied to the ledger for the open positions at
 * its mark price (or, without one, the latest mark the engine has). A second event for the same
 * symbol and a funding time at or before the last settled one is ignored. Venues report fills only
 * (the {@code ExecutionClient} port carries no funding), so a simulated venue that computes funding
 * for its own margin checks never writes to this ledger.
 *
 * <p><b>Marks</b> for equity and risk are, per symbol, the latest {@code MarkPrice} once one has
 * been seen, otherwise the latest trade price or bar close, otherwise the last fill price.
 *
 * <p><b>Timers</b> fire in order of due time, then of creation. In a backtest a timer fires with
 * the clock at its due time.
 *
 * <p><b>Run modes.</b> Run-on-caller (backtest, needs a {@link SimulatedClock}): {@link
 * #process(MarketEvent)} performs one step — advance the clock to the event's time (firing timers
 * due before it at their own times), let the venue feeds (a simulated venue) match resting orders
 * and apply their reports, dispatch the event, process everything pending, then fire the timers due
 * now; {@link #runUntilIdle()} processes whatever is queued. Run-on-own-thread (live, paper):
 * {@link #startOnOwnThread()} runs the loop on a new thread that blocks on the queue when idle (or
 * spins, if opted in), until {@link #stop()}. Nothing is static, so many engines share a JVM.
 *
 * <p><b>Journal and restart.</b> On the first start the starting balances are journaled as
 * deposits; on a start with a non-empty journal the (empty) ledger and order manager are rebuilt by
 * replaying it, and every order that is not terminal is reconciled with {@code
 * ExecutionClient.requestStatus}. Strategies are not part of the journal: they start afresh. The
 * engine never closes the journal; its owner does.
 *
 * <p><b>Lost replies.</b> If the venue has not answered a submit (or cancel) within the
 * acknowledgement timeout, the order becomes {@code UNKNOWN} and its status is requested; the
 * venue's answer resolves it. An order is never resent blindly.
 *
 * <p>Mutable; confined to the engine thread, except {@link #marketDataListener()}, {@link
 * #orderEventListener()} (thread-safe: they enqueue) and {@link #startOnOwnThread()}, {@link
 * #stop()} and {@link #failure()}, which may be called from any thread.
 */
public final class TradingEngine implements AutoCloseable {

  private static final Object STOP = new Object();

  private final String name;
  private final Clock clock;
  private final SimulatedClock simulatedClock;
  private final ExecutionClient executionClient;
  private final Optional<MarketDataClient> marketDataClient;
  private final Ledger ledger;
  private final Map<Symbol, Instrument> instruments;
  private final RiskGate riskGate;
  private final Optional<Journal> journal;
  private final EventLog log;
  private final boolean logMarket;
  private final List<MarketDataListener> venueFeeds;
  private final long ackTimeoutMillis;
  private final boolean busySpin;
  private final List<Slot> slots = new ArrayList<>();
  private final Map<StrategyId, Slot> slotsById = new HashMap<>();

  private final OrderManager orders = new OrderManager();
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<Delivery> pending = new ArrayDeque<>();
  private final TimerQueue timers = new TimerQueue();
  // Per-symbol prices for marks (see the class comment), with the last symbol looked up cached:
  // backtests and most live feeds see one symbol many times in a row.
  private final Map<Symbol, Prices> prices = new HashMap<>();
  private Symbol lastSymbol;
  private Prices lastSymbolPrices;
  private final Map<Symbol, Long> lastFunding = new TreeMap<>();
  private final Map<Symbol, DataStatus> dataStatus = new HashMap<>();
  private final Set<Subscription> subscribed = new LinkedHashSet<>();
  private final MarketDataListener marketListener = new Enqueuer();
  private final OrderEventListener orderListener = inbox::add;

  private long logSequence;
  private boolean started;
  private boolean stopped;
  private volatile boolean running;
  private volatile Thread thread;
  private volatile Throwable failure;

  private TradingEngine(Builder b) {
    this.name = b.name;
    this.clock = Objects.requireNonNull(b.clock, "clock must be set");
    this.simulatedClock = clock instanceof SimulatedClock ? (SimulatedClock) clock : null;
    this.executionClient = Objects.requireNonNull(b.executionClient, "executionClient must be set");
    this.marketDataClient = Optional.ofNullable(b.marketDataClient);
    this.ledger = Objects.requireNonNull(b.ledger, "ledger must be set");
    if (ledger.positionMode() != PositionMode.ONE_WAY) {
      throw new IllegalArgumentException(
          "the engine books fills in ONE_WAY mode (SubmitOrder has no position side) but the ledger"
              + " is in "
              + ledger.positionMode());
    }
    this.instruments = new TreeMap<>();
    for (Instrument i : b.instruments) {
      ledger.register(i);
      instruments.put(i.symbol(), i);
    }
    this.riskGate = Objects.requireNonNull(b.riskGate, "riskGate must be set");
    this.journal = Optional.ofNullable(b.journal);
    this.log = b.log;
    this.logMarket = log.wantsMarketEvents();
    this.venueFeeds = List.copyOf(b.venueFeeds);
    this.ackTimeoutMillis = b.ackTimeoutMillis;
    this.busySpin = b.busySpin;
    for (Map.Entry<StrategyId, Strategy> e : b.strategies.entrySet()) {
      Slot slot = new Slot(slots.size(), e.getKey(), e.getValue());
      slots.add(slot);
      slotsById.put(e.getKey(), slot);
    }
  }

  /**
   * A builder.
   *
   * @return a builder with no components set
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- listeners (any thread)

  /**
   * The listener to hand to a market-data client (the engine does so itself for the client it was
   * built with). Thread-safe: it only enqueues.
   *
   * @return the listener
   */
  public MarketDataListener marketDataListener() {
    return marketListener;
  }

  /**
   * The listener the execution client reports to. Thread-safe: it only enqueues.
   *
   * @return the listener
   */
  public OrderEventListener orderEventListener() {
    return orderListener;
  }

  // ---------------------------------------------------------------- life cycle

  /**
   * Starts the engine on the calling thread: restores state from the journal (or journals the
   * starting balances), starts the clients, reconciles restored orders, then calls every strategy's
   * {@code onStart}. Use this for run-on-caller mode; {@link #startOnOwnThread()} calls it on the
   * engine thread.
   *
   * @throws IllegalStateException if already started, or if the journal is not empty but the ledger
   *     is
   */
  public void start() {
    if (started) {
      throw new IllegalStateException("engine " + name + " is already started");
    }
    started = true;
    List<JournalRecord> restored = journal.map(Journal::records).orElse(List.of());
    if (restored.isEmpty()) {
      journalStartingBalances();
    } else {
      JournalReplay.Result r = JournalReplay.replay(restored, orders, ledger, PositionSide.BOTH);
      lastFunding.putAll(r.lastFundingTime());
    }
    executionClient.start(orderListener);
    marketDataClient.ifPresent(c -> c.start(marketListener));
    for (OrderSnapshot o : orders.nonTerminal()) {
      if (o.state() == OrderState.PENDING_SUBMIT) {
        // Journaled before the risk decision and never sent: the crash decided it.
        deny(
            slotFor(o.strategyId()),
            o.order(),
            "engine-restart",
            "the engine stopped before the risk decision");
      } else {
        executionClient.requestStatus(o.clientOrderId(), o.order().symbol());
      }
    }
    for (Slot slot : slots) {
      slot.strategy.onStart(slot.context);
    }
  }

  /**
   * Starts the engine on a new thread named {@code tyche-engine-<name>}, which calls {@link
   * #start()} and then loops: it blocks on the input queue until an input arrives or the next timer
   * is due (or spins, if built with {@code busySpin(true)}), processes it, fires due timers, until
   * {@link #stop()}.
   *
   * @return the thread
   * @throws IllegalStateException if the engine was already started
   */
  public synchronized Thread startOnOwnThread() {
    if (thread != null || started) {
      throw new IllegalStateException("engine " + name + " is already started");
    }
    running = true;
    Thread t = new Thread(this::loop, "tyche-engine-" + name);
    t.setDaemon(true);
    thread = t;
    t.start();
    return t;
  }

  /**
   * Stops the engine. On its own thread: asks the loop to finish and waits for it (at most 10 s);
   * the thread then calls every strategy's {@code onStop} and closes the clients. On the caller's
   * thread: does the same directly. Stopping twice does nothing.
   *
   * @throws IllegalStateException if the engine thread did not finish in time
   */
  public void stop() {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      running = false;
      inbox.add(STOP);
      if (Thread.currentThread() == t) {
        return;
      }
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        throw new IllegalStateException(
            "engine thread " + t.getName() + " did not stop within 10 s");
      }
      return;
    }
    shutdown();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * The error that ended the engine thread, if one did.
   *
   * @return the error, or empty
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private void loop() {
    try {
      start();
      while (running) {
        Object item = next();
        if (item == STOP) {
          break;
        }
        if (item != null) {
          handle(item);
        }
        drain();
        fireDueTimers();
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      running = false;
      shutdown();
    }
  }

  private Object next() {
    if (busySpin) {
      Object item = inbox.poll();
      if (item == null) {
        Thread.onSpinWait();
      }
      return item;
    }
    long due = timers.nextDue();
    try {
      if (due == Long.MAX_VALUE) {
        return inbox.take();
      }
      long wait = due - clock.currentTimeMillis();
      return wait <= 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return STOP;
    }
  }

  private void shutdown() {
    if (stopped || !started) {
      stopped = true;
      return;
    }
    stopped = true;
    for (Slot slot : slots) {
      slot.strategy.onStop();
    }
    executionClient.close();
    marketDataClient.ifPresent(MarketDataClient::close);
  }

  // ---------------------------------------------------------------- run-on-caller

  /**
   * One backtest step for one market event: advances the simulated clock to the event's time
   * (firing earlier timers at their own times), lets the venue feeds match resting orders and
   * applies their reports, dispatches the event, processes everything pending, and fires the timers
   * due now.
   *
   * @param event the next event, not earlier than the clock
   * @throws IllegalStateException if the engine is not started or its clock is not simulated
   * @throws IllegalArgumentException if the event lies before the clock's time
   */
  public void process(MarketEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    requireCallerMode();
    advanceClock(event.eventTime());
    feedVenues(event);
    drain();
    onMarket(event);
    runUntilIdle();
  }

  /**
   * Moves the simulated clock to a time, firing every timer due until then at its own time, and
   * processes everything pending.
   *
   * @param timeMillis the new time, not before the clock's
   * @throws IllegalStateException if the engine is not started or its clock is not simulated
   */
  public void advanceTo(long timeMillis) {
    requireCallerMode();
    advanceClock(timeMillis);
    runUntilIdle();
  }

  /**
   * Processes queued inputs and pending deliveries, then fires the timers due at the current time,
   * until nothing is left to do at this time.
   *
   * @throws IllegalStateException if the engine is not started or runs on its own thread
   */
  public void runUntilIdle() {
    if (!started || thread != null) {
      throw new IllegalStateException(
          "runUntilIdle needs a started engine in run-on-caller mode (engine " + name + ")");
    }
    do {
      drain();
    } while (fireDueTimers());
  }

  private void requireCallerMode() {
    if (!started || thread != null) {
      throw new IllegalStateException(
          "engine "
              + name
              + " must be started in run-on-caller mode (start(), not startOnOwnThread())");
    }
    if (simulatedClock == null) {
      throw new IllegalStateException(
          "backtest steps need a SimulatedClock but engine " + name + " has " + clock);
    }
  }

  private void advanceClock(long target) {
    while (timers.nextDue() < target) {
      long due = timers.nextDue();
      if (due > simulatedClock.currentTimeMillis()) {
        simulatedClock.advanceTo(due);
      }
      do {
        drain();
      } while (fireDueTimers());
    }
    simulatedClock.advanceTo(target);
  }

  // ---------------------------------------------------------------- the loop's work

  /** Delivers pending events, then takes queued inputs, until both are empty. */
  private void drain() {
    while (true) {
      Delivery d = pending.poll();
      if (d != null) {
        d.slot.strategy.onOrderEvent(d.event);
        continue;
      }
      Object item = inbox.poll();
      if (item == null) {
        return;
      }
      if (item != STOP) {
        handle(item);
      }
    }
  }

  private void handle(Object item) {
    if (item instanceof OrderEvent) {
      onVenueEvent((OrderEvent) item);
    } else if (item instanceof MarketEvent) {
      MarketEvent e = (MarketEvent) item;
      feedVenues(e);
      onMarket(e);
    } else if (item instanceof DataStatusChange) {
      DataStatusChange c = (DataStatusChange) item;
      dataStatus.put(c.symbol(), c.status());
      record(LogEntry.Kind.DATA_STATUS, null, c);
    }
  }

  private boolean fireDueTimers() {
    boolean fired = false;
    TimerQueue.Entry e;
    while ((e = timers.pollDue(clock.currentTimeMillis())) != null) {
      fired = true;
      if (e.slot < 0) {
        onAckTimeout((AckCheck) e.action);
      } else {
        Slot slot = slots.get(e.slot);
        TimerEvent ev =
            new TimerEvent(
                new TimerId(e.seq), e.tag, e.due, Math.max(e.due, clock.currentTimeMillis()));
        record(LogEntry.Kind.TIMER, slot.id, ev);
        slot.strategy.onTimer(ev);
      }
      drain();
    }
    return fired;
  }

  private void feedVenues(MarketEvent event) {
    for (int i = 0; i < venueFeeds.size(); i++) {
      venueFeeds.get(i).onMarketEvent(event);
    }
  }

  private void onMarket(MarketEvent event) {
    if (logMarket) {
      record(LogEntry.Kind.MARKET, null, event);
    } else {
      // Numbered all the same, so the other entries' sequence numbers do not depend on the log.
      logSequence++;
    }
    Symbol symbol = event.symbol();
    if (event instanceof MarkPrice) {
      prices(symbol).mark = ((MarkPrice) event).markPrice();
    } else if (event instanceof Trade) {
      prices(symbol).last = ((Trade) event).price();
    } else if (event instanceof Bar) {
      prices(symbol).last = ((Bar) event).close();
    } else if (event instanceof FundingRate) {
      settleFunding((FundingRate) event);
    }
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if (slot.wants(event)) {
        slot.strategy.onMarketEvent(event);
      }
    }
  }

  private void settleFunding(FundingRate rate) {
    Instrument instrument = instruments.get(rate.symbol());
    if (instrument == null || instrument.contractType() != ContractType.PERPETUAL) {
      return;
    }
    Long last = lastFunding.get(rate.symbol());
    if (last != null && rate.fundingTime() <= last) {
      return;
    }
    Optional<Price> mark = rate.markPrice().or(() -> Optional.ofNullable(mark(rate.symbol())));
    if (mark.isEmpty()) {
      anomaly(null, "funding " + rate + " not settled: no mark price for " + rate.symbol());
      return;
    }
    FundingPayment payment =
        new FundingPayment(rate.symbol(), rate.fundingTime(), rate.rate(), mark.get());
    ledger.apply(payment);
    lastFunding.put(rate.symbol(), rate.fundingTime());
    journal(new JournalRecord.Funding(now(), payment));
    record(LogEntry.Kind.FUNDING, null, payment);
  }

  private void onVenueEvent(OrderEvent event) {
    Optional<StrategyId> owner = orders.owner(event.clientOrderId());
    if (owner.isEmpty()) {
      anomaly(null, "event for an unknown order: " + event);
      return;
    }
    Outcome outcome;
    try {
      outcome = orders.apply(event);
    } catch (IllegalOrderTransitionException e) {
      anomaly(owner.get(), e.getMessage() + "; refused " + event);
      return;
    }
    if (!outcome.applied()) {
      record(LogEntry.Kind.DUPLICATE, owner.get(), event);
      return;
    }
    if (event instanceof OrderFillEvent) {
      OrderFillEvent fill = (OrderFillEvent) event;
      try {
        ledger.apply(Fill.from(fill, PositionSide.BOTH));
      } catch (RuntimeException e) {
        anomaly(
            owner.get(), "fill applied to the order but refused by the ledger: " + e.getMessage());
        return;
      }
      prices(event.symbol()).fill = fill.execution().lastPrice();
    }
    journal(new JournalRecord.Event(now(), event));
    record(LogEntry.Kind.ORDER_EVENT, owner.get(), event);
    Slot slot = slotsById.get(owner.get());
    if (slot != null) {
      slot.strategy.onOrderEvent(event);
    }
  }

  private void onAckTimeout(AckCheck check) {
    Optional<OrderState> state = orders.state(check.id);
    if (state.isEmpty() || state.get() != check.awaited) {
      return;
    }
    orders.markUnknown(check.id);
    journal(new JournalRecord.Unknown(now(), check.id, check.symbol));
    executionClient.requestStatus(check.id, check.symbol);
  }

  // ---------------------------------------------------------------- commands

  private void submit(Slot slot, SubmitOrder order) {
    Objects.requireNonNull(order, "order must not be null");
    if (orders.create(slot.id, order) == Outcome.DUPLICATE_IGNORED) {
      anomaly(slot.id, "duplicate submit of " + order.clientOrderId() + " ignored (not resent)");
      return;
    }
    long now = now();
    journal(new JournalRecord.Submit(now, slot.id, order));
    record(LogEntry.Kind.COMMAND, slot.id, order);
    Decision d = decide(order);
    if (d.denied()) {
      deny(slot, order, d.rule(), d.reason());
      return;
    }
    OrderSubmitted submitted =
        new OrderSubmitted(order.clientOrderId(), order.symbol(), now, order);
    orders.apply(submitted);
    journal(new JournalRecord.Event(now, submitted));
    record(LogEntry.Kind.ORDER_EVENT, slot.id, submitted);
    pending.add(new Delivery(slot, submitted));
    executionClient.submit(order);
    armAckTimeout(order.clientOrderId(), order.symbol(), OrderState.SUBMITTED);
  }

  private Decision decide(SubmitOrder order) {
    DataStatus status = dataStatus.get(order.symbol());
    if (status != null && status != DataStatus.LIVE) {
      return Decision.deny(
          RiskGate.GATE_RULE, "market data for " + order.symbol() + " is " + status + ", not LIVE");
    }
    return riskGate.check(
        order,
        Optional.ofNullable(instruments.get(order.symbol())),
        ledger,
        this::mark,
        orders.openOrders(),
        orders.openOrders(order.symbol()),
        now());
  }

  private void deny(Slot slot, SubmitOrder order, String rule, String reason) {
    OrderDenied denied =
        new OrderDenied(order.clientOrderId(), order.symbol(), now(), rule, reason);
    orders.apply(denied);
    journal(new JournalRecord.Event(now(), denied));
    record(LogEntry.Kind.ORDER_EVENT, slot == null ? null : slot.id, denied);
    if (slot != null) {
      pending.add(new Delivery(slot, denied));
    }
  }

  private void cancel(Slot slot, ClientOrderId id, Symbol symbol) {
    Objects.requireNonNull(id, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Optional<OrderSnapshot> known = orders.snapshot(id);
    if (known.isEmpty() || !known.get().strategyId().equals(slot.id)) {
      throw new IllegalArgumentException(
          "strategy " + slot.id + " has no order " + id + " to cancel");
    }
    if (!known.get().order().symbol().equals(symbol)) {
      throw new IllegalArgumentException(
          "order " + id + " is on " + known.get().order().symbol() + ", not on " + symbol);
    }
    if (orders.requestCancel(id) == Outcome.DUPLICATE_IGNORED) {
      anomaly(slot.id, "cancel of " + id + " ignored: it is " + known.get().state());
      return;
    }
    CancelOrder cancel = new CancelOrder(id, symbol);
    journal(new JournalRecord.Cancel(now(), slot.id, cancel));
    record(LogEntry.Kind.COMMAND, slot.id, cancel);
    executionClient.cancel(cancel);
    armAckTimeout(id, symbol, OrderState.CANCEL_PENDING);
  }

  private void armAckTimeout(ClientOrderId id, Symbol symbol, OrderState awaited) {
    if (ackTimeoutMillis > 0) {
      timers.add(saturatedAdd(now(), ackTimeoutMillis), -1, "", new AckCheck(id, symbol, awaited));
    }
  }

  // ---------------------------------------------------------------- state access

  /**
   * The engine's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The order manager (read it from the engine thread, or after the engine stopped).
   *
   * @return the order manager
   */
  public OrderManager orders() {
    return orders;
  }

  /**
   * The ledger (read it from the engine thread, or after the engine stopped).
   *
   * @return the ledger
   */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The price the engine values a symbol at (see the class comment on marks).
   *
   * @param symbol the instrument
   * @return the price, or empty if none was seen
   */
  public Optional<Price> markPrice(Symbol symbol) {
    return Optional.ofNullable(mark(symbol));
  }

  /**
   * The number of strategy and engine timers not fired or cancelled yet.
   *
   * @return the count
   */
  public int pendingTimers() {
    return timers.size();
  }

  /**
   * The inputs queued and not yet processed.
   *
   * @return the queue length
   */
  public int queuedInputs() {
    return inbox.size();
  }

  private Price mark(Symbol symbol) {
    Prices known = symbol == lastSymbol ? lastSymbolPrices : prices.get(symbol);
    if (known == null) {
      return null;
    }
    Price p = known.mark;
    if (p == null) {
      p = known.last;
    }
    return p != null ? p : known.fill;
  }

  /** The price record of a symbol, created on first use. */
  private Prices prices(Symbol symbol) {
    if (symbol == lastSymbol) {
      return lastSymbolPrices;
    }
    Prices p = prices.computeIfAbsent(symbol, s -> new Prices());
    lastSymbol = symbol;
    lastSymbolPrices = p;
    return p;
  }

  private long now() {
    return clock.currentTimeMillis();
  }

  private void journalStartingBalances() {
    AccountSnapshot s = ledger.snapshot();
    if (s.fillCount() != 0) {
      throw new IllegalStateException(
          "the starting ledger must have no fills (they could not be journaled) but has "
              + s.fillCount());
    }
    for (Money m : s.balances().values()) {
      if (m.signum() > 0) {
        journal(new JournalRecord.Deposit(now(), m));
        record(LogEntry.Kind.DEPOSIT, null, m);
      }
    }
  }

  private void journal(JournalRecord r) {
    if (journal.isPresent()) {
      journal.get().append(r);
    }
  }

  private void anomaly(StrategyId strategy, String text) {
    record(LogEntry.Kind.ANOMALY, strategy, text);
  }

  private void record(LogEntry.Kind kind, StrategyId strategy, Object payload) {
    log.append(new LogEntry(++logSequence, now(), kind, Optional.ofNullable(strategy), payload));
  }

  private Slot slotFor(StrategyId id) {
    return slotsById.get(id);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private static boolean matches(Subscription s, MarketEvent e) {
    if (!s.symbol().equals(e.symbol())) {
      return false;
    }
    MarketDataKind k = s.kind();
    if (e instanceof Bar) {
      if (k != MarketDataKind.BARS) {
        return false;
      }
      BarInterval interval = s.interval().orElseThrow();
      long millis = ((Bar) e).intervalMillis();
      return interval.isFixedLength()
          ? interval.durationMillis() == millis
          : millis >= 28L * 86_400_000L;
    }
    if (e instanceof Trade) {
      return k == MarketDataKind.TRADES;
    }
    if (e instanceof Quote) {
      return k == MarketDataKind.QUOTES;
    }
    if (e instanceof BookSnapshot || e instanceof BookDelta) {
      return k == MarketDataKind.BOOK;
    }
    return k == MarketDataKind.MARK_PRICE; // MarkPrice and FundingRate
  }

  // ---------------------------------------------------------------- nested types

  /** A strategy and its context. */
  private final class Slot {
    final int index;
    final StrategyId id;
    final Strategy strategy;
    final Set<Subscription> subscriptions = new LinkedHashSet<>();
    // The same subscriptions as an array, iterated for every market event without an iterator.
    Subscription[] subscriptionArray = new Subscription[0];
    final Context context = new Context(this);

    Slot(int index, StrategyId id, Strategy strategy) {
      this.index = index;
      this.id = id;
      this.strategy = strategy;
    }

    boolean wants(MarketEvent e) {
      for (Subscription s : subscriptionArray) {
        if (matches(s, e)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The latest mark, trade or bar close, and fill price of one symbol; null until seen. */
  private static final class Prices {
    Price mark;
    Price last;
    Price fill;
  }

  /** An engine-generated event waiting to reach its strategy after the current callback. */
  private static final class Delivery {
    final Slot slot;
    final OrderEvent event;

    Delivery(Slot slot, OrderEvent event) {
      this.slot = slot;
      this.event = event;
    }
  }

  /** An acknowledgement timeout: the order should have left {@code awaited} by now. */
  private static final class AckCheck {
    final ClientOrderId id;
    final Symbol symbol;
    final OrderState awaited;

    AckCheck(ClientOrderId id, Symbol symbol, OrderState awaited) {
      this.id = id;
      this.symbol = symbol;
      this.awaited = awaited;
    }
  }

  /** Hands market data to the engine thread. */
  private final class Enqueuer implements MarketDataListener {
    @Override
    public void onMarketEvent(MarketEvent event) {
      inbox.add(Objects.requireNonNull(event, "event must not be null"));
    }

    @Override
    public void onStatus(Symbol symbol, DataStatus status, String reason) {
      inbox.add(new DataStatusChange(symbol, status, reason));
    }
  }

  /** One strategy's view of the engine. */
  private final class Context implements StrategyContext, PortfolioView {
    private final Slot slot;

    Context(Slot slot) {
      this.slot = slot;
    }

    @Override
    public StrategyId strategyId() {
      return slot.id;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Optional<Instrument> instrument(Symbol symbol) {
      return Optional.ofNullable(instruments.get(symbol));
    }

    @Override
    public ClientOrderId nextClientOrderId() {
      return orders.ids(slot.id).next();
    }

    @Override
    public void submit(SubmitOrder order) {
      TradingEngine.this.submit(slot, order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId, Symbol symbol) {
      TradingEngine.this.cancel(slot, clientOrderId, symbol);
    }

    @Override
    public TimerId scheduleAt(long timeMillis, String tag) {
      Objects.requireNonNull(tag, "tag must not be null");
      return new TimerId(timers.add(timeMillis, slot.index, tag, null));
    }

    @Override
    public void cancelTimer(TimerId timerId) {
      timers.cancel(Objects.requireNonNull(timerId, "timerId must not be null").value());
    }

    @Override
    public void subscribe(Subscription subscription) {
      Objects.requireNonNull(subscription, "subscription must not be null");
      if (slot.subscriptions.add(subscription)) {
        slot.subscriptionArray = slot.subscriptions.toArray(new Subscription[0]);
      }
      if (subscribed.add(subscription)) {
        marketDataClient.ifPresent(c -> c.subscribe(subscription));
      }
    }

    @Override
    public PortfolioView portfolio() {
      return this;
    }

    @Override
    public AccountSnapshot account() {
      return ledger.snapshot();
    }

    @Override
    public Decimal netQuantity(Symbol symbol) {
      Optional<Position> p = ledger.position(symbol, PositionSide.BOTH);
      if (p.isPresent()) {
        return p.get().signedQuantity();
      }
      Instrument i = instruments.get(symbol);
      return Decimal.of(0, i == null ? 0 : i.quantityScale());
    }

    @Override
    public Money equity(Asset asset) {
      return ledger.equity(asset, TradingEngine.this::mark);
    }

    @Override
    public int openOrderCount(Symbol symbol) {
      return orders.openOrders(slot.id, symbol);
    }
  }

  /**
   * Builds a {@link TradingEngine}. Required: clock, execution client, ledger, risk gate.
   *
   * <p>Mutable; confined to one thread.
   */
  public static final class Builder {
    private String name = "engine";
    private Clock clock;
    private ExecutionClient executionClient;
    private MarketDataClient marketDataClient;
    private Ledger ledger;
    private final List<Instrument> instruments = new ArrayList<>();
    private RiskGate riskGate;
    private Journal journal;
    private EventLog log = EventLog.NONE;
    private final List<MarketDataListener> venueFeeds = new ArrayList<>();
    private long ackTimeoutMillis = 10_000L;
    private boolean busySpin;
    private final Map<StrategyId, Strategy> strategies = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Names the engine (for its thread and messages).
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name must not be null");
      return this;
    }

    /**
     * Sets the clock: a {@link SimulatedClock} for backtests, the system clock live.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the venue.
     *
     * @param value the execution client
     * @return this builder
     */
    public Builder executionClient(ExecutionClient value) {
      this.executionClient = value;
      return this;
    }

    /**
     * Sets the market-data source for live and paper trading (backtests call {@link
     * TradingEngine#process} instead).
     *
     * @param value the client
     * @return this builder
     */
    public Builder marketDataClient(MarketDataClient value) {
      this.marketDataClient = value;
      return this;
    }

    /**
     * Sets the account's ledger, in one-way mode; empty (or with only deposits) on a first start,
     * empty when restarting from a journal.
     *
     * @param value the ledger
     * @return this builder
     */
    public Builder ledger(Ledger value) {
      this.ledger = value;
      return this;
    }

    /**
     * Adds instruments the engine trades (registered in the ledger too).
     *
     * @param values the instruments
     * @return this builder
     */
    public Builder instruments(Instrument... values) {
      for (Instrument i : values) {
        instruments.add(Objects.requireNonNull(i, "instrument must not be null"));
      }
      return this;
    }

    /**
     * Sets the pre-trade gate.
     *
     * @param value the gate
     * @return this builder
     */
    public Builder riskGate(RiskGate value) {
      this.riskGate = value;
      return this;
    }

    /**
     * Sets the journal (optional).
     *
     * @param value the journal; the engine never closes it
     * @return this builder
     */
    public Builder journal(Journal value) {
      this.journal = value;
      return this;
    }

    /**
     * Sets the event log (optional; default discards).
     *
     * @param value the log
     * @return this builder
     */
    public Builder eventLog(EventLog value) {
      this.log = Objects.requireNonNull(value, "eventLog must not be null");
      return this;
    }

    /**
     * Adds a listener that sees every market event before the strategies do, on the engine thread:
     * a simulated venue matches its resting orders there. Its order reports are applied before the
     * strategies see the event in {@link TradingEngine#process}.
     *
     * @param feed the listener
     * @return this builder
     */
    public Builder venueFeed(MarketDataListener feed) {
      venueFeeds.add(Objects.requireNonNull(feed, "feed must not be null"));
      return this;
    }

    /**
     * Sets how long the engine waits for the venue's answer to a submit or cancel before it marks
     * the order {@code UNKNOWN} and requests its status; 0 disables the check. Default 10 000 ms.
     *
     * @param millis the timeout, {@code >= 0}
     * @return this builder
     */
    public Builder ackTimeoutMillis(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("ackTimeoutMillis must be >= 0 but was " + millis);
      }
      this.ackTimeoutMillis = millis;
      return this;
    }

    /**
     * Opts in to busy-spinning on the input queue in run-on-own-thread mode (lower latency, one
     * core at 100 %). Default false: the thread blocks when idle.
     *
     * @param value whether to spin
     * @return this builder
     */
    public Builder busySpin(boolean value) {
      this.busySpin = value;
      return this;
    }

    /**
     * Adds a strategy.
     *
     * @param id its id, unique in the engine, the prefix of its client order ids
     * @param strategy the strategy
     * @return this builder
     * @throws IllegalArgumentException if the id is taken
     */
    public Builder strategy(StrategyId id, Strategy strategy) {
      Objects.requireNonNull(id, "id must not be null");
      Objects.requireNonNull(strategy, "strategy must not be null");
      if (strategies.putIfAbsent(id, strategy) != null) {
        throw new IllegalArgumentException("strategy id " + id + " is used twice");
      }
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine, not started
     * @throws NullPointerException if a required component is missing
     * @throws IllegalArgumentException if the ledger is not in one-way mode
     */
    public TradingEngine build() {
      return new TradingEngine(this);
    }
  }
}

package dev.tyche.execution.sim;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Fill;
import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.GridRounding;
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
import dev.tyche.core.num.Fixed;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.time.Clock;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.LiquidationPrice;
import dev.tyche.risk.margin.PositionDirection;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic simulated venue implementing the {@link ExecutionClient} port, for
 * backtests (simulated clock) and paper trading (live data, system clock).
 *
 * <p><b>Driving it.</b> The caller feeds every market event through {@link
 * #onMarketEvent(MarketEvent)} in event-time order and calls {@link #advance()} after moving the
 * clock without data (timers, the end of a replay). Commands ({@link #submit}, {@link #cancel},
 * {@link #requestStatus}) are stamped with the clock's time when called and reach the venue after
 * the {@link SimulatedVenueConfig#orderLatency() order latency} (fixed plus seeded jitter); the
 * latency never reorders commands (one ordered connection: a command arrives no earlier than the
 * one sent before it), so a cancel can arrive after the order filled. A command that arrives at
 * time {@code a} sees every market event with {@code eventTime < a} before it acts, and the event
 * at {@code eventTime == a} only if that event was fed before the command was sent (as in the
 * engine's step: the venue gets the data, then the strategy reacts). With zero latency a command
 * acts before {@code submit} returns. Events go to the listener synchronously, stamped with the
 * venue's time: the arrival time for acknowledgements and taker fills, the trade's event time for
 * fills of resting orders, the bar's close time in bar matching. A listener may call back into the
 * venue; such calls are queued and handled when the current call has finished.
 *
 * <p><b>Matching</b> follows the {@link FillModel}. In book matching our taker orders walk the
 * replayed book level by level, one execution per level, but do not consume it: the replayed book
 * is the market's, so two taker orders between two data events see the same liquidity (an optimism
 * for repeated large orders). Resting orders start behind the visible quantity at their price, the
 * queue ahead shrinks by every trade at that price and by the {@link QueueModel} share of every
 * decrease that the trades do not explain, and is never above the level's visible quantity or below
 * zero. A trade fills resting orders: one strictly through their price (any aggressor), or one at
 * their price by the opposite aggressor once it has exhausted the queue ahead; the fills of one
 * trade on one side never sum to more than the trade's quantity. Resting orders fill as maker at
 * their own limit price.
 *
 * <p><b>Order semantics</b> (Binance USDⓈ-M, project reference notes sections 3.2 and 5). Every
 * order that passes the checks is acknowledged with {@code OrderAccepted} at its arrival time, then
 * filled, cancelled or expired. Checks, in order: unknown symbol (-1121), trailing stops (-1116,
 * not simulated), a client order id already used by an open order (-4116), quantity off the step
 * grid (-4023), below the minimum (-4004) or above the maximum (-4005), a limit or trigger price
 * off the tick grid (-4014), the {@link PercentPriceBand} (-4016, -4024, -4131), the minimum
 * notional at the limit price, trigger price or reference price (-4164, reduce-only orders exempt),
 * reduce-only orders that would not reduce the one-way position (-2022) and conditional orders that
 * would trigger at once (-2021). Post-only (GTX) orders that would take liquidity are expired
 * (Binance's {@code EXPIRED}, error -5022 in the REST reply); FOK orders that cannot fill
 * completely at once are expired (-5021); the unfilled rest of IOC and market orders is cancelled.
 * A reduce-only order never fills beyond the position it reduces; once nothing is left to reduce,
 * its rest is expired. A cancel of an order the venue never saw produces no order event (Binance
 * answers the REST call with -2011, but core has no cancel-rejected event and an {@code
 * OrderRejected} would be a terminal event for an order that never existed; this is the port
 * contract's defined outcome); a cancel of an order that already ended (filled, cancelled, expired)
 * produces nothing either: its final event was the answer. Stops and take-profits trigger on the
 * last traded price (Binance's default {@code CONTRACT_PRICE}): a stop buy when it rises to the
 * trigger, a stop sell when it falls to it, a take-profit the other way round.
 *
 * <p><b>Money.</b> The venue keeps its own {@link Ledger} (one-way positions): every fill, fee,
 * funding payment and liquidation is applied to it exactly, so that {@code balance + unrealised PnL
 * = deposits - fees + funding + sum of fill cash flows} holds through the venue. Fees are {@link
 * FeeSchedule#fee} (half-up to 8 decimals, quote asset). Funding: each {@link FundingRate} event is
 * settled once per symbol and nominal time (later duplicates are ignored), for the position open at
 * that moment, at the event's mark price or else the venue's reference price, and reported as a
 * {@link FundingSettled} to the {@link VenueAccountListener}. Liquidation (with an {@link
 * IsolatedMargin}): when the mark price reaches the isolated one-way liquidation price of {@link
 * LiquidationPrice#isolated}, the venue cancels the symbol's working orders and closes the whole
 * position at the bankruptcy price {@code (|C| -+ W) / Q} (cost basis {@code C}, isolated wallet
 * {@code W}, size {@code Q}; minus for a long, plus for a short), rounded to the tick grid against
 * the trader, with zero fee, reported as a {@link PositionLiquidated}. The mark price is the last
 * {@link MarkPrice} event; before the first one the last traded price stands in (in bar matching
 * the bar's low for a long and its high for a short).
 *
 * <p><b>Determinism.</b> All randomness comes from generators seeded by {@link
 * SimulatedVenueConfig#seed()}; order and trade ids are sequence numbers; no collection with
 * unspecified iteration order decides an event's order. Equal configuration, data and commands give
 * the same event sequence.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class SimulatedVenue implements ExecutionClient {

  private static final int LEVEL_CHUNK = 32;

  private final SimulatedVenueConfig config;
  private final Clock clock;
  private final Map<Symbol, SymbolState> symbols = new LinkedHashMap<>();
  private final Ledger ledger;
  private final SplittableRandom orderRandom;
  private final SplittableRandom dataRandom;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final Map<ClientOrderId, SimOrder> openOrders = new HashMap<>();
  private final Map<ClientOrderId, OrderEvent> lastEvents = new HashMap<>();

  private OrderEventListener listener;
  private VenueAccountListener accountListener = event -> {};
  private boolean closed;
  private int depth;
  private long lastArrival = Long.MIN_VALUE;
  private long orderSeq;
  private long tradeSeq;
  private long[] levelPrices = new long[LEVEL_CHUNK];
  private long[] levelQuantities = new long[LEVEL_CHUNK];

  /**
   * Creates a venue trading the given instruments.
   *
   * @param config the behaviour
   * @param clock the shared clock; read when a command is sent
   * @param instruments the instruments it lists, at least one
   * @throws IllegalArgumentException if {@code instruments} is empty or repeats a symbol
   */
  public SimulatedVenue(
      SimulatedVenueConfig config, Clock clock, Collection<Instrument> instruments) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(instruments, "instruments must not be null");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments must not be empty");
    }
    this.ledger = new Ledger(PositionMode.ONE_WAY);
    boolean withBook = config.fillModel() instanceof FillModel.Book;
    for (Instrument instrument : instruments) {
      Objects.requireNonNull(instrument, "instruments must not contain null");
      if (symbols.containsKey(instrument.symbol())) {
        throw new IllegalArgumentException(
            "instruments must have distinct symbols but " + instrument.symbol() + " repeats");
      }
      symbols.put(instrument.symbol(), new SymbolState(instrument, withBook));
      ledger.register(instrument);
    }
    this.orderRandom = new SplittableRandom(config.seed());
    // A separate stream, so that asking for data delays never changes the order latencies drawn.
    this.dataRandom = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
  }

  /**
   * The configuration.
   *
   * @return the configuration given at construction
   */
  public SimulatedVenueConfig config() {
    return config;
  }

  /**
   * Sets the receiver of funding and liquidation events (by default they are only booked in the
   * venue's ledger).
   *
   * @param accountListener the receiver
   */
  public void setAccountListener(VenueAccountListener accountListener) {
    this.accountListener =
        Objects.requireNonNull(accountListener, "accountListener must not be null");
  }

  /**
   * Credits money to the simulated account (initial capital), at event time 0.
   *
   * @param amount the amount, positive
   */
  public void deposit(Money amount) {
    ledger.deposit(amount);
  }

  @Override
  public void start(OrderEventListener eventListener) {
    requireOpen();
    this.listener = Objects.requireNonNull(eventListener, "listener must not be null");
  }

  @Override
  public void submit(SubmitOrder order) {
    Objects.requireNonNull(order, "order must not be null");
    send(new Pending(order, null, null, null));
  }

  @Override
  public void cancel(CancelOrder cancel) {
    Objects.requireNonNull(cancel, "cancel must not be null");
    send(new Pending(null, cancel, null, null));
  }

  @Override
  public void requestStatus(ClientOrderId clientOrderId, Symbol symbol) {
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    send(new Pending(null, null, clientOrderId, symbol));
  }

  @Override
  public void close() {
    closed = true;
    listener = null;
    pending.clear();
  }

  /**
   * Feeds one market event. Commands that arrived before the event's time are handled first, then
   * the event updates the venue's view and matches working orders, then commands due at the clock's
   * time are handled.
   *
   * @param event the event, for a listed symbol, not earlier than the previous one
   * @throws IllegalArgumentException if the symbol is not listed
   * @throws IllegalStateException before {@link #start} or after {@link #close}
   */
  public void onMarketEvent(MarketEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    requireStarted();
    SymbolState s = symbols.get(event.symbol());
    if (s == null) {
      throw new IllegalArgumentException(
          "event symbol " + event.symbol() + " is not listed at this venue " + symbols.keySet());
    }
    drain(event.eventTime() - 1);
    depth++;
    try {
      if (event instanceof Trade) {
        onTrade(s, (Trade) event);
      } else if (event instanceof BookDelta) {
        onDelta(s, (BookDelta) event);
      } else if (event instanceof BookSnapshot) {
        onSnapshot(s, (BookSnapshot) event);
      } else if (event instanceof Quote) {
        onQuote(s, (Quote) event);
      } else if (event instanceof Bar) {
        onBar(s, (Bar) event);
      } else if (event instanceof MarkPrice) {
        onMark(s, (MarkPrice) event);
      } else if (event instanceof FundingRate) {
        onFunding(s, (FundingRate) event);
      }
      purge(s);
    } finally {
      depth--;
    }
    drainToClock();
  }

  /**
   * Handles every command that has arrived by the clock's current time. Call it after moving the
   * clock when no market event is due (for example after timers, or at the end of a replay).
   *
   * @throws IllegalStateException before {@link #start} or after {@link #close}
   */
  public void advance() {
    requireStarted();
    drainToClock();
  }

  /**
   * When a market event may be shown to the strategy: its venue time plus one draw of the {@link
   * SimulatedVenueConfig#dataLatency() data latency}, from its own seeded stream. The feed that
   * dispatches data to the strategy uses it to model the data's delay; the venue itself always
   * matches at the event's venue time.
   *
   * @param event the event
   * @return {@code event.eventTime() + delay}, UTC epoch milliseconds
   */
  public long dataArrivalTime(MarketEvent event) {
    return event.eventTime() + config.dataLatency().sample(dataRandom);
  }

  // ---- views

  /**
   * The venue's wallet balance of an asset (without unrealised PnL).
   *
   * @param asset the asset
   * @return the balance, exact
   */
  public Money balance(Asset asset) {
    return ledger.balance(asset);
  }

  /**
   * The venue's one-way position in an instrument.
   *
   * @param symbol the instrument
   * @return the position, or empty if it never traded
   */
  public Optional<Position> position(Symbol symbol) {
    return ledger.position(symbol);
  }

  /**
   * Net deposits of an asset.
   *
   * @param asset the asset
   * @return deposits minus withdrawals
   */
  public Money netDeposits(Asset asset) {
    return ledger.netDeposits(asset);
  }

  /**
   * Fees paid so far in an asset.
   *
   * @param asset the asset
   * @return the total, positive = paid
   */
  public Money fees(Asset asset) {
    return ledger.fees(asset);
  }

  /**
   * Funding received so far in an asset.
   *
   * @param asset the asset
   * @return the total, positive = received
   */
  public Money funding(Asset asset) {
    return ledger.funding(asset);
  }

  /**
   * Unrealised PnL of the open positions quoted in an asset, at the venue's reference prices.
   *
   * @param quote the quote asset
   * @return the sum of {@code Q * mark - C}, exact
   * @throws IllegalArgumentException if an open position's symbol has no reference price yet
   */
  public Money unrealisedPnl(Asset quote) {
    return ledger.unrealisedPnl(quote, this::referencePriceOrThrow);
  }

  /**
   * A snapshot of the venue's books.
   *
   * @return balances, positions and totals
   */
  public AccountSnapshot accountSnapshot() {
    return ledger.snapshot();
  }

  /**
   * The price the venue uses as mark for an instrument: the last mark-price event, else the last
   * trade, else the book's (or quote's) mid rounded down to the price scale, else the last bar's
   * close.
   *
   * @param symbol the instrument
   * @return the price, or empty if the venue has seen no price yet
   */
  public Optional<Price> referencePrice(Symbol symbol) {
    SymbolState s = symbols.get(symbol);
    if (s == null) {
      return Optional.empty();
    }
    long units = reference(s);
    return units > 0 ? Optional.of(Price.of(units, s.priceScale())) : Optional.empty();
  }

  /**
   * The estimated quantity ahead of a resting order in its price level's queue.
   *
   * @param clientOrderId the order
   * @return the estimate, or empty if the order is not resting or its position is unknown
   */
  public Optional<Quantity> queueAhead(ClientOrderId clientOrderId) {
    SimOrder o = openOrders.get(clientOrderId);
    if (o == null || !o.resting || o.queueAhead == SimOrder.UNKNOWN_QUEUE) {
      return Optional.empty();
    }
    return Optional.of(Quantity.of(o.queueAhead, o.symbol.quantityScale()));
  }

  /**
   * Whether an order is working at the venue (accepted and not yet filled, cancelled or expired).
   *
   * @param clientOrderId the order
   * @return true if it is open
   */
  public boolean isOpen(ClientOrderId clientOrderId) {
    return openOrders.containsKey(clientOrderId);
  }

  /**
   * The number of working orders.
   *
   * @return open orders over all symbols
   */
  public int openOrderCount() {
    return openOrders.size();
  }

  /**
   * The number of commands sent but not yet arrived.
   *
   * @return commands in flight
   */
  public int commandsInFlight() {
    return pending.size();
  }

  // ---- commands

  private void send(Pending p) {
    requireStarted();
    long now = clock.currentTimeMillis();
    long arrival = Math.max(now + config.orderLatency().sample(orderRandom), lastArrival);
    lastArrival = arrival;
    p.arrival = arrival;
    pending.addLast(p);
    drainToClock();
  }

  private void drainToClock() {
    drain(clock.currentTimeMillis());
  }

  /** Handles queued commands with {@code arrival <= until}, unless a call is already running. */
  private void drain(long until) {
    if (depth > 0 || listener == null) {
      return;
    }
    depth++;
    try {
      while (!pending.isEmpty() && pending.peekFirst().arrival <= until && listener != null) {
        Pending p = pending.pollFirst();
        if (p.submit != null) {
          processSubmit(p.submit, p.arrival);
        } else if (p.cancel != null) {
          processCancel(p.cancel, p.arrival);
        } else {
          processStatus(p.statusId, p.statusSymbol, p.arrival);
        }
      }
    } finally {
      depth--;
    }
  }

  private void processStatus(ClientOrderId id, Symbol symbol, long t) {
    OrderEvent last = lastEvents.get(id);
    if (last != null && last.symbol().equals(symbol)) {
      emit(last);
    } else {
      emit(
          new OrderRejected(id, symbol, t, "Order does not exist.", VenueErrorCodes.NO_SUCH_ORDER));
    }
  }

  private void processCancel(CancelOrder cancel, long t) {
    SimOrder o = openOrders.get(cancel.clientOrderId());
    if (o == null || !o.command.symbol().equals(cancel.symbol())) {
      // Unknown, or already ended (its final event answered the cancel): no order event.
      return;
    }
    cancelOrder(o, t);
    purge(o.symbol);
  }

  private void processSubmit(SubmitOrder cmd, long t) {
    SymbolState s = symbols.get(cmd.symbol());
    if (s == null) {
      reject(cmd, t, VenueErrorCodes.INVALID_SYMBOL, "Invalid symbol.");
      return;
    }
    if (cmd.type() == OrderType.TRAILING_STOP_MARKET) {
      reject(
          cmd,
          t,
          VenueErrorCodes.INVALID_ORDER_TYPE,
          "TRAILING_STOP_MARKET is not simulated by this venue.");
      return;
    }
    if (openOrders.containsKey(cmd.clientOrderId())) {
      // Not recorded in lastEvents: the open order with this id keeps its status.
      deliver(
          new OrderRejected(
              cmd.clientOrderId(),
              cmd.symbol(),
              t,
              "Duplicate clientOrderId " + cmd.clientOrderId() + " among open orders.",
              VenueErrorCodes.DUPLICATE_CLIENT_ORDER_ID));
      return;
    }
    if (checkFilters(s, cmd, t)) {
      return;
    }
    Instrument ins = s.instrument;
    long qty = cmd.quantity().withScale(ins.quantityScale()).units();
    int ps = ins.priceScale();
    long limit = cmd.limitPrice().isPresent() ? cmd.limitPrice().get().withScale(ps).units() : 0L;
    long trigger =
        cmd.triggerPrice().isPresent() ? cmd.triggerPrice().get().withScale(ps).units() : 0L;
    long pos = signedPosition(s);
    if (cmd.reduceOnly() && (pos == 0 || Long.signum(pos) == cmd.side().sign())) {
      reject(
          cmd,
          t,
          VenueErrorCodes.REDUCE_ONLY_REJECTED,
          "ReduceOnly Order is rejected: position is " + signedPositionText(s, pos));
      return;
    }
    SimOrder o =
        new SimOrder(cmd, VenueOrderId.of("S" + (++orderSeq)), s, orderSeq, t, qty, limit, trigger);
    if (cmd.type().isConditional()) {
      long last = lastPrice(s);
      if (last > 0 && fires(o, last, last)) {
        reject(
            cmd,
            t,
            VenueErrorCodes.WOULD_IMMEDIATELY_TRIGGER,
            "Order would immediately trigger: last price "
                + Price.of(last, s.priceScale())
                + ", trigger "
                + cmd.triggerPrice().orElseThrow());
        return;
      }
    }
    openOrders.put(cmd.clientOrderId(), o);
    emit(new OrderAccepted(cmd.clientOrderId(), cmd.symbol(), t, o.venueOrderId));
    if (cmd.type().isConditional()) {
      s.conditionals.add(o);
    } else {
      activate(o, t);
    }
    purge(s);
  }

  /** Runs the venue filters; emits the rejection and returns true if one fails. */
  private boolean checkFilters(SymbolState s, SubmitOrder cmd, long t) {
    Instrument ins = s.instrument;
    Quantity q = cmd.quantity();
    if (!ins.isOnQuantityGrid(q)) {
      return reject(
          cmd,
          t,
          VenueErrorCodes.QUANTITY_NOT_ON_STEP,
          "Quantity " + q + " is not a multiple of stepSize " + ins.stepSize() + ".");
    }
    if (q.compareTo(ins.minQuantity()) < 0) {
      return reject(
          cmd,
          t,
          VenueErrorCodes.QUANTITY_BELOW_MIN,
          "Quantity " + q + " less than minQty " + ins.minQuantity() + ".");
    }
    if (q.compareTo(ins.maxQuantity()) > 0) {
      return reject(
          cmd,
          t,
          VenueErrorCodes.QUANTITY_ABOVE_MAX,
          "Quantity " + q + " greater than maxQty " + ins.maxQuantity() + ".");
    }
    if (offTick(ins, cmd.limitPrice()) || offTick(ins, cmd.triggerPrice())) {
      return reject(
          cmd,
          t,
          VenueErrorCodes.PRICE_NOT_ON_TICK,
          "Price not increased by tick size " + ins.tickSize() + ".");
    }
    long ref = reference(s);
    if (config.percentPrice().isPresent() && ref > 0) {
      PercentPriceBand band = config.percentPrice().get();
      Decimal mark = Decimal.of(ref, s.priceScale());
      Decimal up = mark.times(band.multiplierUp());
      Decimal down = mark.times(band.multiplierDown());
      if (cmd.limitPrice().isPresent()) {
        Price limit = cmd.limitPrice().get();
        if (cmd.side() == Side.BUY && limit.compareValue(up) > 0) {
          return reject(
              cmd,
              t,
              VenueErrorCodes.PRICE_ABOVE_BAND,
              "Limit price can't be higher than " + up.toPlainString() + ".");
        }
        if (cmd.side() == Side.SELL && limit.compareValue(down) < 0) {
          return reject(
              cmd,
              t,
              VenueErrorCodes.PRICE_BELOW_BAND,
              "Limit price can't be lower than " + down.toPlainString() + ".");
        }
      } else if (cmd.type() == OrderType.MARKET) {
        long best = bestOpposite(s, cmd.side());
        if (best > 0) {
          Decimal b = Decimal.of(best, s.priceScale());
          if (b.compareValue(up) > 0 || b.compareValue(down) < 0) {
            return reject(
                cmd,
                t,
                VenueErrorCodes.MARKET_PRICE_OUTSIDE_BAND,
                "Best price "
                    + b
                    + " is outside the PERCENT_PRICE band ["
                    + down
                    + ", "
                    + up
                    + "].");
          }
        }
      }
    }
    if (!cmd.reduceOnly()) {
      // The limit price, else the trigger price, else the reference price (no Optional chain: this
      // runs for every order).
      Price price = null;
      if (cmd.limitPrice().isPresent()) {
        price = cmd.limitPrice().get();
      } else if (cmd.triggerPrice().isPresent()) {
        price = cmd.triggerPrice().get();
      } else if (ref > 0) {
        price = Price.of(ref, s.priceScale());
      }
      if (price != null) {
        Decimal notional = price.times(q);
        if (notional.compareValue(ins.minNotional()) < 0) {
          return reject(
              cmd,
              t,
              VenueErrorCodes.NOTIONAL_BELOW_MIN,
              "Order's notional "
                  + notional
                  + " must be no smaller than "
                  + ins.minNotional()
                  + " (unless you choose reduce only).");
        }
      }
    }
    return false;
  }

  private static boolean offTick(Instrument ins, Optional<Price> price) {
    return price.isPresent() && !ins.isOnPriceGrid(price.get());
  }

  private boolean reject(SubmitOrder cmd, long t, int code, String reason) {
    OrderRejected e = new OrderRejected(cmd.clientOrderId(), cmd.symbol(), t, reason, code);
    lastEvents.put(cmd.clientOrderId(), e);
    emit(e);
    return true;
  }

  // ---- activation of a (triggered) order

  private void activate(SimOrder o, long t) {
    FillModel model = config.fillModel();
    if (model instanceof FillModel.Bars) {
      FillModel.Bars bars = (FillModel.Bars) model;
      SymbolState s = o.symbol;
      if (o.actsAsMarket()
          && bars.marketPrice() == FillModel.BarFillPrice.LAST_CLOSE
          && s.lastBar != null
          && t == s.lastBar.closeTime()) {
        long close = units(s.lastBar.close(), s);
        takeAtReference(o, close, bars.slippage(), s.lastBar.volume().toDouble(), t);
        cancelRest(o, t);
        return;
      }
      s.awaiting.add(o);
      return;
    }
    if (model instanceof FillModel.Book) {
      activateOnBook(o, t);
    } else {
      activateOnTrades(o, ((FillModel.Trades) model).slippage(), t);
    }
  }

  private void activateOnBook(SimOrder o, long t) {
    SymbolState s = o.symbol;
    if (o.actsAsMarket()) {
      walkBook(o, 0, t);
      cancelRest(o, t);
      return;
    }
    long best = bestOpposite(s, o.side);
    boolean crosses = best > 0 && (o.isBuy() ? o.limit >= best : o.limit <= best);
    TimeInForce tif = o.command.timeInForce();
    if (tif == TimeInForce.POST_ONLY && crosses) {
      expire(o, t, "Post-only order would take liquidity (GTX; Binance -5022).");
      return;
    }
    if (tif == TimeInForce.FOK) {
      long available = s.book.quantityAtOrBetterUnits(o.side.opposite(), o.limit);
      if (available < o.leaves()) {
        expire(o, t, "FOK order could not be filled completely (Binance -5021).");
        return;
      }
    }
    if (crosses) {
      walkBook(o, o.limit, t);
    }
    if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
      cancelRest(o, t);
    } else if (o.open) {
      rest(o);
    }
  }

  private void activateOnTrades(SimOrder o, SlippageModel slippage, long t) {
    SymbolState s = o.symbol;
    long ref = bestOpposite(s, o.side);
    if (o.actsAsMarket()) {
      if (ref > 0) {
        takeAtReference(o, ref, slippage, Double.NaN, t);
      }
      cancelRest(o, t);
      return;
    }
    boolean crosses = ref > 0 && (o.isBuy() ? o.limit >= ref : o.limit <= ref);
    TimeInForce tif = o.command.timeInForce();
    if (tif == TimeInForce.POST_ONLY && crosses) {
      expire(o, t, "Post-only order would take liquidity (GTX; Binance -5022).");
      return;
    }
    if (crosses) {
      takeAtReference(o, ref, slippage, Double.NaN, t);
    } else if (tif == TimeInForce.FOK) {
      expire(o, t, "FOK order could not be filled completely (Binance -5021).");
      return;
    }
    if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
      cancelRest(o, t);
    } else if (o.open) {
      rest(o);
    }
  }

  /** Fills the whole rest of {@code o} as taker at the reference plus slippage, capped by limit. */
  private void takeAtReference(
      SimOrder o, long reference, SlippageModel slippage, double volume, long t) {
    SymbolState s = o.symbol;
    double frac = slippage.costFraction(toDouble(o.leaves(), s.quantityScale()), volume);
    long price = adjust(s, reference, o.side, frac);
    if (o.limit > 0) {
      price = o.isBuy() ? Math.min(price, o.limit) : Math.max(price, o.limit);
    }
    execute(o, price, o.leaves(), Liquidity.TAKER, t);
  }

  /** {@code reference * (1 + side * frac)}, rounded to the tick grid against the trader. */
  private static long adjust(SymbolState s, long reference, Side side, double frac) {
    if (frac == 0.0) {
      return reference;
    }
    double value = toDouble(reference, s.priceScale()) * (1.0 + side.sign() * frac);
    GridRounding rounding = side == Side.BUY ? GridRounding.UP : GridRounding.DOWN;
    Price tick = s.instrument.tickSize();
    if (value < tick.toDouble()) {
      return tick.units();
    }
    return s.instrument.roundPrice(value, rounding).units();
  }

  /** Takes liquidity from the book's opposite side, best level first, up to {@code limit}. */
  private void walkBook(SimOrder o, long limit, long t) {
    OrderBook book = o.symbol.book;
    Side opposite = o.side.opposite();
    int n = book.copyLevels(opposite, levelPrices, levelQuantities, levelPrices.length);
    int i = 0;
    while (o.open && o.leaves() > 0) {
      if (i == n) {
        if (n < levelPrices.length) {
          break; // the side is exhausted
        }
        levelPrices = new long[levelPrices.length * 2];
        levelQuantities = new long[levelQuantities.length * 2];
        n = book.copyLevels(opposite, levelPrices, levelQuantities, levelPrices.length);
        if (i >= n) {
          break;
        }
      }
      long price = levelPrices[i];
      if (limit > 0 && (o.isBuy() ? price > limit : price < limit)) {
        break;
      }
      execute(o, price, Math.min(o.leaves(), levelQuantities[i]), Liquidity.TAKER, t);
      i++;
    }
  }

  private void rest(SimOrder o) {
    SymbolState s = o.symbol;
    o.resting = true;
    if (s.book != null) {
      long visible = s.book.quantityAtUnits(o.side, o.limit);
      o.queueAhead = visible;
      o.levelQuantity = visible;
    } else {
      long best = o.isBuy() ? s.quoteBid : s.quoteAsk;
      if (best == 0) {
        o.queueAhead = SimOrder.UNKNOWN_QUEUE;
      } else if (o.limit == best) {
        o.queueAhead = o.isBuy() ? s.quoteBidQuantity : s.quoteAskQuantity;
      } else if (o.isBuy() ? o.limit > best : o.limit < best) {
        o.queueAhead = 0; // a new best level: nobody ahead of us
      } else {
        o.queueAhead = SimOrder.UNKNOWN_QUEUE;
      }
    }
    insertByPriority(o.isBuy() ? s.bids : s.asks, o);
  }

  /** Keeps a side sorted best price first, then by arrival (sequence). */
  private static void insertByPriority(List<SimOrder> side, SimOrder o) {
    int lo = 0;
    int hi = side.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      SimOrder m = side.get(mid);
      // Equal prices keep arrival order: the newcomer goes behind.
      boolean before = o.isBuy() ? m.limit >= o.limit : m.limit <= o.limit;
      if (before) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    side.add(lo, o);
  }

  // ---- executions and order endings

  /**
   * Executes up to {@code quantity} of {@code o}; a reduce-only order is capped at the position it
   * reduces and expired when nothing is left to reduce.
   *
   * @return the quantity executed
   */
  private long execute(SimOrder o, long price, long quantity, Liquidity liquidity, long t) {
    SymbolState s = o.symbol;
    long qty = Math.min(quantity, o.leaves());
    if (o.command.reduceOnly()) {
      long pos = signedPosition(s);
      long reducible = Long.signum(pos) == -o.side.sign() ? Math.abs(pos) : 0;
      if (reducible == 0) {
        expire(o, t, "ReduceOnly order expired: no position left to reduce.");
        return 0;
      }
      qty = Math.min(qty, reducible);
    }
    if (qty <= 0) {
      return 0;
    }
    Instrument ins = s.instrument;
    Price p = Price.of(price, ins.priceScale());
    Quantity q = Quantity.of(qty, ins.quantityScale());
    Money fee = config.fees().fee(ins, p, q, liquidity);
    TradeId tradeId = TradeId.of("T" + (++tradeSeq));
    SubmitOrder cmd = o.command;
    ledger.apply(
        new Fill(
            cmd.symbol(),
            o.side,
            p,
            q,
            fee,
            liquidity,
            tradeId,
            Optional.of(cmd.clientOrderId()),
            t,
            PositionSide.BOTH));
    o.filled += qty;
    Execution execution =
        new Execution(
            o.venueOrderId,
            tradeId,
            o.side,
            p,
            q,
            Quantity.of(o.filled, ins.quantityScale()),
            Quantity.of(o.leaves(), ins.quantityScale()),
            fee,
            liquidity);
    if (o.leaves() == 0) {
      finish(o);
      emit(new OrderFilled(cmd.clientOrderId(), cmd.symbol(), t, execution));
    } else {
      emit(new OrderPartiallyFilled(cmd.clientOrderId(), cmd.symbol(), t, execution));
    }
    return qty;
  }

  private void cancelRest(SimOrder o, long t) {
    if (o.open && o.leaves() > 0) {
      cancelOrder(o, t);
    }
  }

  private void cancelOrder(SimOrder o, long t) {
    finish(o);
    SubmitOrder cmd = o.command;
    emit(
        new OrderCancelled(
            cmd.clientOrderId(), cmd.symbol(), t, Quantity.of(o.filled, o.symbol.quantityScale())));
  }

  private void expire(SimOrder o, long t, String reason) {
    finish(o);
    SubmitOrder cmd = o.command;
    emit(
        new OrderExpired(
            cmd.clientOrderId(),
            cmd.symbol(),
            t,
            Quantity.of(o.filled, o.symbol.quantityScale()),
            reason));
  }

  /** Marks an order ended; the symbol's lists drop it at the next {@link #purge}. */
  private void finish(SimOrder o) {
    o.open = false;
    openOrders.remove(o.command.clientOrderId());
  }

  private static void purge(SymbolState s) {
    s.bids.removeIf(o -> !o.open);
    s.asks.removeIf(o -> !o.open);
    s.conditionals.removeIf(o -> !o.open || o.triggered);
    s.awaiting.removeIf(o -> !o.open);
  }

  private void emit(OrderEvent event) {
    lastEvents.put(event.clientOrderId(), event);
    deliver(event);
  }

  private void deliver(OrderEvent event) {
    OrderEventListener l = listener;
    if (l != null) {
      l.onOrderEvent(event);
    }
  }

  // ---- market data

  private void onTrade(SymbolState s, Trade trade) {
    long price = units(trade.price(), s);
    long qty = trade.quantity().withScale(s.quantityScale()).units();
    long t = trade.eventTime();
    s.lastTrade = price;
    if (config.fillModel() instanceof FillModel.Bars) {
      return;
    }
    matchResting(s.bids, price, qty, trade.aggressor() == Side.SELL, t);
    matchResting(s.asks, price, qty, trade.aggressor() == Side.BUY, t);
    triggerConditionals(s, price, price, t, null);
    if (!s.markFromEvents) {
      checkLiquidation(s, price, price, t);
    }
  }

  /**
   * Fills resting orders of one side from one trade.
   *
   * @param side the resting orders, best first
   * @param hitsThisSide whether the trade's aggressor was on the other side (it hit this side)
   */
  private void matchResting(
      List<SimOrder> side, long price, long qty, boolean hitsThisSide, long t) {
    long budget = qty;
    for (int i = 0; i < side.size() && budget > 0; i++) {
      SimOrder o = side.get(i);
      if (!o.open) {
        continue;
      }
      boolean through = o.isBuy() ? price < o.limit : price > o.limit;
      if (through) {
        budget -= execute(o, o.limit, Math.min(o.leaves(), budget), Liquidity.MAKER, t);
      } else if (price == o.limit) {
        if (!hitsThisSide) {
          continue;
        }
        long excess;
        if (o.queueAhead == SimOrder.UNKNOWN_QUEUE) {
          excess = 0;
        } else {
          excess = qty - o.queueAhead;
          o.queueAhead = Math.max(0, o.queueAhead - qty);
          o.tradedSinceDepth += qty;
        }
        if (excess > 0) {
          budget -= execute(o, o.limit, Math.min(excess, budget), Liquidity.MAKER, t);
        }
      } else {
        break; // sorted best first: the rest are further from the trade
      }
    }
  }

  /**
   * Triggers conditional orders. {@code high}/{@code low} are the highest and lowest prices seen
   * (equal for one trade). In bar matching {@code bar} is the bar, else null.
   */
  private void triggerConditionals(SymbolState s, long high, long low, long t, Bar bar) {
    List<SimOrder> list = s.conditionals;
    for (int i = 0; i < list.size(); i++) {
      SimOrder o = list.get(i);
      if (!o.open || o.triggered) {
        continue;
      }
      if (bar != null && o.activeFrom > bar.openTime()) {
        continue;
      }
      if (!fires(o, high, low)) {
        continue;
      }
      o.triggered = true;
      if (bar == null) {
        activate(o, t);
        continue;
      }
      FillModel.Bars bars = (FillModel.Bars) config.fillModel();
      if (o.actsAsMarket()) {
        long open = units(bar.open(), s);
        boolean gapped = o.triggersOnRise() ? open >= o.trigger : open <= o.trigger;
        long base = o.trigger;
        if (gapped) {
          base = o.isBuy() ? Math.max(open, o.trigger) : Math.min(open, o.trigger);
        }
        takeAtReference(o, base, bars.slippage(), bar.volume().toDouble(), t);
        cancelRest(o, t);
      } else {
        // The path inside the bar is unknown: the limit order works from the next bar on.
        o.activeFrom = bar.closeTime() + 1;
        s.awaiting.add(o);
      }
    }
  }

  private static boolean fires(SimOrder o, long high, long low) {
    return o.triggersOnRise() ? high >= o.trigger : low <= o.trigger;
  }

  private void onDelta(SymbolState s, BookDelta delta) {
    if (s.book == null) {
      return;
    }
    s.book.apply(delta);
    updateQueues(s, s.bids, Side.BUY);
    updateQueues(s, s.asks, Side.SELL);
  }

  private void onSnapshot(SymbolState s, BookSnapshot snapshot) {
    if (s.book == null) {
      return;
    }
    s.book.applySnapshot(snapshot);
    updateQueues(s, s.bids, Side.BUY);
    updateQueues(s, s.asks, Side.SELL);
  }

  private void updateQueues(SymbolState s, List<SimOrder> side, Side bookSide) {
    QueueModel model = ((FillModel.Book) config.fillModel()).queueModel();
    for (int i = 0; i < side.size(); i++) {
      SimOrder o = side.get(i);
      if (!o.open) {
        continue;
      }
      long before = o.levelQuantity;
      long now = s.book.quantityAtUnits(bookSide, o.limit);
      if (now < before) {
        long cancelled = (before - now) - o.tradedSinceDepth;
        if (cancelled > 0 && o.queueAhead > 0) {
          // The trades took their quantity from the front: what remained when the cancellations
          // happened was the level less the traded quantity.
          long remaining = Math.max(before - o.tradedSinceDepth, o.queueAhead);
          double share = model.aheadShare(o.queueAhead, remaining);
          long ahead = (long) Math.floor(cancelled * share);
          o.queueAhead -= Math.min(ahead, o.queueAhead);
        }
      }
      if (o.queueAhead > now) {
        o.queueAhead = now; // nobody can be ahead of us beyond what the level shows
      }
      o.levelQuantity = now;
      o.tradedSinceDepth = 0;
    }
  }

  private void onQuote(SymbolState s, Quote quote) {
    s.quoteBid = units(quote.bidPrice(), s);
    s.quoteAsk = units(quote.askPrice(), s);
    s.quoteBidQuantity = quote.bidQuantity().withScale(s.quantityScale()).units();
    s.quoteAskQuantity = quote.askQuantity().withScale(s.quantityScale()).units();
  }

  private void onMark(SymbolState s, MarkPrice mark) {
    s.mark = units(mark.markPrice(), s);
    s.markFromEvents = true;
    checkLiquidation(s, s.mark, s.mark, mark.eventTime());
  }

  private void onBar(SymbolState s, Bar bar) {
    if (!(config.fillModel() instanceof FillModel.Bars)) {
      s.lastBar = bar;
      return;
    }
    FillModel.Bars model = (FillModel.Bars) config.fillModel();
    long t = bar.eventTime();
    long open = units(bar.open(), s);
    long high = units(bar.high(), s);
    long low = units(bar.low(), s);
    double volume = bar.volume().toDouble();
    // 1. Orders meeting their first bar.
    List<SimOrder> awaiting = s.awaiting;
    for (int i = 0; i < awaiting.size(); i++) {
      SimOrder o = awaiting.get(i);
      if (!o.open || o.activeFrom > bar.openTime()) {
        continue;
      }
      if (o.actsAsMarket()) {
        takeAtReference(o, open, model.slippage(), volume, t);
        cancelRest(o, t);
        continue;
      }
      boolean crosses = o.isBuy() ? open <= o.limit : open >= o.limit;
      TimeInForce tif = o.command.timeInForce();
      if (crosses) {
        if (tif == TimeInForce.POST_ONLY) {
          expire(o, t, "Post-only order would take liquidity (GTX; Binance -5022).");
          continue;
        }
        takeAtReference(o, open, model.slippage(), volume, t);
      } else if (tif == TimeInForce.FOK) {
        expire(o, t, "FOK order could not be filled completely (Binance -5021).");
        continue;
      }
      if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
        cancelRest(o, t);
      } else if (o.open) {
        restFromBar(s, o); // leaves the awaiting list below; fills through this bar's range
      }
    }
    s.awaiting.removeIf(o -> !o.open || o.resting);
    // 2. Resting orders: fill only when the range trades through the limit.
    fillThrough(s.bids, low, t);
    fillThrough(s.asks, high, t);
    // 3. Conditional orders.
    triggerConditionals(s, high, low, t, bar);
    s.lastBar = bar;
    s.lastTrade = units(bar.close(), s);
    if (!s.markFromEvents) {
      checkLiquidation(s, low, high, t);
    }
  }

  private static void restFromBar(SymbolState s, SimOrder o) {
    o.resting = true;
    o.queueAhead = SimOrder.UNKNOWN_QUEUE;
    insertByPriority(o.isBuy() ? s.bids : s.asks, o);
  }

  private void fillThrough(List<SimOrder> side, long extreme, long t) {
    for (int i = 0; i < side.size(); i++) {
      SimOrder o = side.get(i);
      if (!o.open) {
        continue;
      }
      boolean through = o.isBuy() ? extreme < o.limit : extreme > o.limit;
      if (!through) {
        break; // sorted best first
      }
      execute(o, o.limit, o.leaves(), Liquidity.MAKER, t);
    }
  }

  // ---- funding and liquidation

  private void onFunding(SymbolState s, FundingRate rate) {
    long nominal = rate.nominalTime();
    if (nominal <= s.lastFundingNominal) {
      return; // settled already: exactly once per symbol and settlement time
    }
    s.lastFundingNominal = nominal;
    if (s.instrument.contractType() != ContractType.PERPETUAL || signedPosition(s) == 0) {
      return;
    }
    long ref = reference(s);
    Price mark =
        rate.markPrice()
            .orElseGet(
                () -> {
                  if (ref <= 0) {
                    throw new IllegalStateException(
                        "cannot settle funding of "
                            + s.instrument.symbol()
                            + " at "
                            + rate.fundingTime()
                            + ": the event has no mark price and the venue has seen no price");
                  }
                  return Price.of(ref, s.priceScale());
                });
    FundingPayment payment =
        new FundingPayment(s.instrument.symbol(), rate.fundingTime(), rate.rate(), mark);
    Money amount = ledger.apply(payment);
    accountListener.onAccountEvent(new FundingSettled(payment, amount));
  }

  /**
   * Liquidates the isolated position if the mark has reached its liquidation price. {@code
   * markForLong} is the (lowest) mark to test a long against, {@code markForShort} the highest.
   */
  private void checkLiquidation(SymbolState s, long markForLong, long markForShort, long t) {
    if (config.margin().isEmpty()) {
      return;
    }
    IsolatedMargin margin = config.margin().get();
    LeverageBrackets brackets = margin.brackets().get(s.instrument.symbol());
    if (brackets == null) {
      return;
    }
    Optional<Position> maybe = ledger.position(s.instrument.symbol());
    if (maybe.isEmpty() || maybe.get().isFlat()) {
      return;
    }
    Position p = maybe.get();
    boolean isLong = p.direction() > 0;
    Decimal cost = p.costBasis().signum() < 0 ? p.costBasis().negate() : p.costBasis();
    Decimal wallet = LeverageBrackets.initialMargin(cost, margin.leverage());
    if (s.liquidationFillCount != ledger.fillCount()) {
      s.liquidationFillCount = ledger.fillCount();
      try {
        s.liquidation =
            LiquidationPrice.isolated(
                brackets,
                isLong ? PositionDirection.LONG : PositionDirection.SHORT,
                p.size(),
                p.averageEntryPrice(RoundingMode.HALF_EVEN).orElseThrow(),
                wallet);
        s.liquidatableNow = false;
      } catch (IllegalArgumentException belowMaintenanceEverywhere) {
        s.liquidation = Optional.empty();
        s.liquidatableNow = true;
      }
    }
    long markUnits = isLong ? markForLong : markForShort;
    double mark = toDouble(markUnits, s.priceScale());
    double lp;
    if (s.liquidatableNow) {
      lp = mark;
    } else if (s.liquidation.isPresent()) {
      lp = s.liquidation.get().price();
      boolean hit = isLong ? mark <= lp : mark >= lp;
      if (!hit) {
        return;
      }
    } else {
      return;
    }
    liquidate(s, p, cost, wallet, lp, Price.of(markUnits, s.priceScale()), t);
  }

  private void liquidate(
      SymbolState s, Position p, Decimal cost, Decimal wallet, double lp, Price mark, long t) {
    // Binance cancels the symbol's open orders before it closes the position.
    for (List<SimOrder> list : List.of(s.bids, s.asks, s.conditionals, s.awaiting)) {
      for (int i = 0; i < list.size(); i++) {
        SimOrder o = list.get(i);
        if (o.open) {
          cancelOrder(o, t);
        }
      }
    }
    purge(s);
    boolean isLong = p.direction() > 0;
    double size = p.size().toDouble();
    double bankruptcy =
        isLong
            ? (cost.toDouble() - wallet.toDouble()) / size
            : (cost.toDouble() + wallet.toDouble()) / size;
    Instrument ins = s.instrument;
    Price price =
        bankruptcy <= ins.tickSize().toDouble()
            ? ins.tickSize()
            : ins.roundPrice(bankruptcy, isLong ? GridRounding.DOWN : GridRounding.UP);
    Fill fill =
        new Fill(
            ins.symbol(),
            isLong ? Side.SELL : Side.BUY,
            price,
            p.size(),
            Money.zero(ins.quoteAsset(), FeeSchedule.FEE_SCALE),
            Liquidity.TAKER,
            TradeId.of("L" + (++tradeSeq)),
            Optional.empty(),
            t,
            PositionSide.BOTH);
    ledger.apply(fill);
    accountListener.onAccountEvent(
        new PositionLiquidated(fill, lp > 0 ? lp : mark.toDouble(), mark));
  }

  // ---- reference prices

  /** Best opposite price for a taker of {@code side}, or 0 if unknown. */
  private long bestOpposite(SymbolState s, Side side) {
    if (s.book != null) {
      if (side == Side.BUY) {
        return s.book.hasAsk() ? s.book.bestAskPriceUnits() : 0;
      }
      return s.book.hasBid() ? s.book.bestBidPriceUnits() : 0;
    }
    if (config.fillModel() instanceof FillModel.Bars) {
      return lastPrice(s);
    }
    long quoted = side == Side.BUY ? s.quoteAsk : s.quoteBid;
    return quoted > 0 ? quoted : s.lastTrade;
  }

  /** The last traded price (or bar close), or 0. */
  private static long lastPrice(SymbolState s) {
    if (s.lastTrade > 0) {
      return s.lastTrade;
    }
    return s.lastBar != null ? s.lastBar.close().withScale(s.priceScale()).units() : 0;
  }

  private static long reference(SymbolState s) {
    if (s.markFromEvents) {
      return s.mark;
    }
    if (s.lastTrade > 0) {
      return s.lastTrade;
    }
    if (s.book != null && s.book.hasBid() && s.book.hasAsk()) {
      return (s.book.bestBidPriceUnits() + s.book.bestAskPriceUnits()) / 2;
    }
    if (s.quoteBid > 0) {
      return (s.quoteBid + s.quoteAsk) / 2;
    }
    return lastPrice(s);
  }

  private Price referencePriceOrThrow(Symbol symbol) {
    return referencePrice(symbol)
        .orElseThrow(() -> new IllegalArgumentException("no reference price known for " + symbol));
  }

  private long signedPosition(SymbolState s) {
    return ledger.position(s.instrument.symbol()).map(p -> p.signedQuantity().units()).orElse(0L);
  }

  private static String signedPositionText(SymbolState s, long pos) {
    return Decimal.of(pos, s.quantityScale()).toPlainString();
  }

  /** A price at the instrument's scale, rounded half-even if it carries more decimals. */
  private static long units(Fixed price, SymbolState s) {
    return Decimal.of(price.units(), price.scale())
        .round(s.priceScale(), RoundingMode.HALF_EVEN)
        .units();
  }

  private void requireStarted() {
    requireOpen();
    if (listener == null) {
      throw new IllegalStateException("the venue has not been started: call start(listener) first");
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the venue is closed");
    }
  }

  /** A command in flight. */
  private static final class Pending {
    final SubmitOrder submit;
    final CancelOrder cancel;
    final ClientOrderId statusId;
    final Symbol statusSymbol;
    long arrival;

    Pending(SubmitOrder submit, CancelOrder cancel, ClientOrderId statusId, Symbol statusSymbol) {
      this.submit = submit;
      this.cancel = cancel;
      this.statusId = statusId;
      this.statusSymbol = statusSymbol;
    }
  }

  private static double toDouble(long units, int scale) {
    return Decimal.of(units, scale).toDouble();
  }
}

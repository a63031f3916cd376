package dev.tyche.execution.contract;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
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
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.OrderEventListener;
import dev.tyche.core.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tiny scripted venue for tests: synchronous (events are reported from inside the call that
 * caused them), one instrument price per symbol set by {@link #marketTradesAt}, no book depth.
 * Market orders and marketable limit orders fill at once at the last price (taker); other limit
 * orders rest and fill completely at their limit price (maker) when the market trades at or through
 * it, optionally in several executions. Faults can be scripted: drop the next replies (a lost
 * acknowledgement) or deliver every event twice.
 *
 * <p>Defined outcomes: a second order with a known client order id is rejected (code -4116); a
 * cancel of an unknown or finished order produces no event; a status request for an unknown order
 * is answered with a rejection (code -2013), otherwise with the order's latest event again.
 *
 * <p>Mutable; confined to one thread.
 */
public final class ScriptedExecutionClient implements ExecutionClient, MarketDataListener {

  /** Binance's code for a duplicated client order id. */
  public static final int DUPLICATE_ID = -4116;

  /** Binance's code for "order does not exist". */
  public static final int NO_SUCH_ORDER = -2013;

  private final Clock clock;
  private final Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
  private final Decimal takerFeeRate;
  private final Map<ClientOrderId, VenueOrder> orders = new LinkedHashMap<>();
  private final Map<Symbol, Price> lastPrice = new LinkedHashMap<>();
  private final List<SubmitOrder> received = new ArrayList<>();
  private final List<CancelOrder> cancels = new ArrayList<>();
  private final List<ClientOrderId> statusRequests = new ArrayList<>();
  private OrderEventListener listener;
  private boolean closed;
  private int dropReplies;
  private boolean duplicateDeliveries;
  private int fillSplits = 1;
  private long venueIds;
  private long tradeIds;

  /**
   * A venue.
   *
   * @param clock event times come from it
   * @param takerFeeRate the taker fee as a fraction of notional (makers pay nothing)
   * @param instruments the instruments it trades
   */
  public ScriptedExecutionClient(Clock clock, Decimal takerFeeRate, Instrument... instruments) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.takerFeeRate = Objects.requireNonNull(takerFeeRate, "takerFeeRate");
    for (Instrument i : instruments) {
      this.instruments.put(i.symbol(), i);
    }
  }

  /**
   * Drops the next {@code n} events (they are lost on the way; the venue's state still changes).
   *
   * @param n how many
   * @return this
   */
  public ScriptedExecutionClient dropNextReplies(int n) {
    this.dropReplies = n;
    return this;
  }

  /**
   * Delivers every event twice from now on.
   *
   * @param value whether to duplicate
   * @return this
   */
  public ScriptedExecutionClient duplicateDeliveries(boolean value) {
    this.duplicateDeliveries = value;
    return this;
  }

  /**
   * Fills resting orders in up to {@code n} executions of whole steps.
   *
   * @param n the number of executions per fill, {@code >= 1}
   * @return this
   */
  public ScriptedExecutionClient fillSplits(int n) {
    this.fillSplits = n;
    return this;
  }

  /**
   * Every order received, duplicates and all, in order.
   *
   * @return a copy
   */
  public List<SubmitOrder> received() {
    return List.copyOf(received);
  }

  /**
   * Every cancel received.
   *
   * @return a copy
   */
  public List<CancelOrder> cancels() {
    return List.copyOf(cancels);
  }

  /**
   * Every status request received.
   *
   * @return a copy
   */
  public List<ClientOrderId> statusRequests() {
    return List.copyOf(statusRequests);
  }

  /**
   * Whether the venue holds an order as working.
   *
   * @param id the order
   * @return true if working
   */
  public boolean isWorking(ClientOrderId id) {
    VenueOrder o = orders.get(id);
    return o != null && o.working;
  }

  @Override
  public void start(OrderEventListener eventListener) {
    // A closed venue may be started again by a restarted engine: its orders survive, as a real
    // venue's do.
    if (listener != null && !closed) {
      throw new IllegalStateException("already started");
    }
    this.listener = Objects.requireNonNull(eventListener, "listener");
    this.closed = false;
  }

  @Override
  public void submit(SubmitOrder order) {
    requireStarted();
    received.add(order);
    if (orders.containsKey(order.clientOrderId())) {
      emit(
          new OrderRejected(
              order.clientOrderId(),
              order.symbol(),
              now(),
              "duplicate clientOrderId",
              DUPLICATE_ID));
      return;
    }
    Instrument instrument = instruments.get(order.symbol());
    if (instrument == null) {
      VenueOrder o = new VenueOrder(order, null);
      orders.put(order.clientOrderId(), o);
      o.last =
          new OrderRejected(order.clientOrderId(), order.symbol(), now(), "unknown symbol", -1121);
      emit(o.last);
      return;
    }
    VenueOrder o = new VenueOrder(order, VenueOrderId.of("V" + ++venueIds));
    orders.put(order.clientOrderId(), o);
    o.working = true;
    o.last = new OrderAccepted(order.clientOrderId(), order.symbol(), now(), o.venueId);
    emit(o.last);
    Price last = lastPrice.get(order.symbol());
    boolean marketable =
        last != null
            && (order.type() == OrderType.MARKET
                || order.limitPrice().isPresent()
                    && crosses(order.side(), order.limitPrice().get(), last));
    if (marketable && order.timeInForce() == TimeInForce.POST_ONLY) {
      end(
          o,
          new OrderExpired(
              order.clientOrderId(), order.symbol(), now(), o.filled, "post-only would take"));
    } else if (marketable) {
      fill(o, last, Liquidity.TAKER, 1);
    } else if (order.type() == OrderType.MARKET) {
      end(
          o,
          new OrderExpired(
              order.clientOrderId(), order.symbol(), now(), o.filled, "no market price"));
    } else if (order.timeInForce() == TimeInForce.IOC || order.timeInForce() == TimeInForce.FOK) {
      end(o, new OrderCancelled(order.clientOrderId(), order.symbol(), now(), o.filled));
    }
  }

  @Override
  public void cancel(CancelOrder cancel) {
    requireStarted();
    cancels.add(cancel);
    VenueOrder o = orders.get(cancel.clientOrderId());
    if (o == null || !o.working) {
      return;
    }
    end(o, new OrderCancelled(cancel.clientOrderId(), cancel.symbol(), now(), o.filled));
  }

  @Override
  public void requestStatus(ClientOrderId clientOrderId, Symbol symbol) {
    requireStarted();
    statusRequests.add(clientOrderId);
    VenueOrder o = orders.get(clientOrderId);
    if (o == null) {
      emit(new OrderRejected(clientOrderId, symbol, now(), "order does not exist", NO_SUCH_ORDER));
      return;
    }
    emit(o.last);
  }

  /**
   * The market trades at a price: resting orders at or through it fill at their limit price.
   *
   * @param symbol the instrument
   * @param price the trade price
   */
  public void marketTradesAt(Symbol symbol, Price price) {
    lastPrice.put(symbol, price);
    if (listener == null || closed) {
      return;
    }
    for (VenueOrder o : new ArrayList<>(orders.values())) {
      SubmitOrder order = o.order;
      if (o.working
          && order.symbol().equals(symbol)
          && order.limitPrice().isPresent()
          && crosses(order.side(), order.limitPrice().get(), price)) {
        fill(o, order.limitPrice().get(), Liquidity.MAKER, fillSplits);
      }
    }
  }

  @Override
  public void onMarketEvent(MarketEvent event) {
    if (event instanceof Trade) {
      marketTradesAt(event.symbol(), ((Trade) event).price());
    } else if (event instanceof Bar) {
      marketTradesAt(event.symbol(), ((Bar) event).close());
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  private static boolean crosses(Side side, Price limit, Price market) {
    return side == Side.BUY ? market.compareTo(limit) <= 0 : market.compareTo(limit) >= 0;
  }

  private void fill(VenueOrder o, Price price, Liquidity liquidity, int splits) {
    SubmitOrder order = o.order;
    Instrument instrument = instruments.get(order.symbol());
    long stepUnits = instrument.stepSize().units();
    Quantity remaining = order.quantity().withScale(instrument.quantityScale());
    long steps = remaining.units() / stepUnits;
    int k = (int) Math.max(1, Math.min(splits, steps));
    long perChunkSteps = steps / k;
    Quantity done = Quantity.zero(instrument.quantityScale());
    for (int i = 1; i <= k; i++) {
      Quantity last =
          i == k
              ? remaining.minus(done)
              : Quantity.of(perChunkSteps * stepUnits, remaining.scale());
      done = done.plus(last);
      Quantity leaves = remaining.minus(done);
      Decimal feeAmount =
          liquidity == Liquidity.TAKER ? price.times(last).times(takerFeeRate) : Decimal.ZERO;
      Execution e =
          new Execution(
              o.venueId,
              TradeId.of("T" + ++tradeIds),
              order.side(),
              price,
              last,
              done,
              leaves,
              Money.of(instrument.quoteAsset(), feeAmount),
              liquidity);
      o.filled = done;
      if (leaves.isZero()) {
        o.working = false;
        o.last = new OrderFilled(order.clientOrderId(), order.symbol(), now(), e);
      } else {
        o.last = new OrderPartiallyFilled(order.clientOrderId(), order.symbol(), now(), e);
      }
      emit(o.last);
    }
  }

  private void end(VenueOrder o, OrderEvent event) {
    o.working = false;
    o.last = event;
    emit(event);
  }

  private void emit(OrderEvent event) {
    if (closed) {
      return;
    }
    if (dropReplies > 0) {
      dropReplies--;
      return;
    }
    listener.onOrderEvent(event);
    if (duplicateDeliveries) {
      listener.onOrderEvent(event);
    }
  }

  private void requireStarted() {
    if (listener == null) {
      throw new IllegalStateException("call start(listener) before using the client");
    }
  }

  private long now() {
    return clock.currentTimeMillis();
  }

  /** The venue's view of one order. */
  private static final class VenueOrder {
    final SubmitOrder order;
    final VenueOrderId venueId;
    boolean working;
    Quantity filled;
    OrderEvent last;

    VenueOrder(SubmitOrder order, VenueOrderId venueId) {
      this.order = order;
      this.venueId = venueId;
      this.filled = Quantity.zero(order.quantity().scale());
    }
  }
}
